import { riskLexiconGate, riskLexiconSchema, riskSignalCategories } from "@xinyuan/shared";
import { createRiskDetector, createRiskNormaliser, detectRisk, shippedRiskLexicon } from "./riskDetector";
import { shippedRiskCorpus } from "./riskCorpus";
import { evaluateRiskDetector } from "./riskEvaluation";
import { mayMatch, requiredCharactersOf } from "./riskPrefilter";

const { tuning, heldOut } = shippedRiskCorpus();

describe("risk corpus", () => {
  it("holds at least 500 labelled messages, every category among them, and everyday hyperbole as non-hits", () => {
    expect(tuning.length).toBeGreaterThanOrEqual(500);
    for (const category of riskSignalCategories) expect(tuning.filter((row) => row.categories.includes(category)).length).toBeGreaterThanOrEqual(15);
    const nonHits = tuning.filter((row) => row.categories.length === 0).map((row) => row.text);
    for (const hyperbole of ["累死了", "笑死", "难死了", "热死了", "想死你了"]) expect(nonHits.some((text) => text.includes(hyperbole))).toBe(true);
  });

  it("keeps the held-out rows apart from the tuning rows", () => {
    const tuningTexts = new Set(tuning.map((row) => row.text));
    expect(heldOut.length).toBeGreaterThanOrEqual(100);
    expect(heldOut.filter((row) => tuningTexts.has(row.text))).toEqual([]);
  });

  it(`finds at least ${riskLexiconGate.minRecall * 100} % of risky messages with at most ${riskLexiconGate.maxFalseAlarmRate * 100} % false alarms`, () => {
    const evaluation = evaluateRiskDetector(detectRisk, tuning);
    expect(evaluation.overall.recall).toBeGreaterThanOrEqual(riskLexiconGate.minRecall);
    expect(evaluation.overall.falseAlarmRate).toBeLessThanOrEqual(riskLexiconGate.maxFalseAlarmRate);
    expect(evaluation.passesGate).toBe(true);
    // Every category is found most of the time, not only the common ones.
    for (const category of riskSignalCategories) expect(evaluation.categories[category].recall).toBeGreaterThanOrEqual(0.9);
  });

  it("keeps the held-out rows at or above their first measure (the honest figure, not the gate)", () => {
    // riskCorpus.heldout2.zh.jsonl was written blind to the lexicon and first run on 2026-12-06: 65.7 % recall,
    // 5.2 % false alarms. It is far below the gate, which is the point of keeping it apart: a lexicon change
    // that loses ground on text nobody tuned for is a regression, one that gains is real progress.
    const held = evaluateRiskDetector(detectRisk, heldOut).overall;
    expect(held.recall).toBeGreaterThanOrEqual(0.65);
    expect(held.falseAlarmRate).toBeLessThanOrEqual(riskLexiconGate.maxFalseAlarmRate);
  });

  it("never skips a pattern that could match (the character prefilter is conservative)", () => {
    const lexicon = riskLexiconSchema.parse(shippedRiskLexicon);
    const normalise = createRiskNormaliser(lexicon);
    const expand = (pattern: string): string => pattern.replace(/\{\{(\w+)\}\}/g, (_, name: string) => expand(lexicon.terms[name] as string));
    const patterns = [...riskSignalCategories.flatMap((category) => (lexicon.categories[category] ?? []).map((entry) => entry.pattern)), ...lexicon.ignore].map(expand);
    let checked = 0;
    for (const row of [...tuning, ...heldOut]) {
      const text = normalise(row.text);
      const present = new Set(text);
      for (const pattern of patterns) {
        if (new RegExp(pattern, "u").test(text)) {
          checked += 1;
          expect({ pattern, text, mayMatch: mayMatch(requiredCharactersOf(pattern), present) }).toEqual({ pattern, text, mayMatch: true });
        }
      }
    }
    expect(checked).toBeGreaterThan(300);
  });

  it("reads traditional characters, full-width letters, spacing tricks and slang as the plain words", () => {
    for (const text of ["我想自殺", "我 想 自 杀", "不-想-活-了", "想ｚｓ", "我想紫砂", "好想s", "真的想鼠了", "zc了", "我被xq了", "想 自.杀"]) {
      expect({ text, flagged: detectRisk(text).level !== "none" }).toEqual({ text, flagged: true });
    }
    for (const text of ["累死了", "笑死", "难死了", "热死了", "想死你了", "绝绝子，这个奶茶yyds", "笑不活了家人们", "原地去世"]) {
      expect({ text, level: detectRisk(text).level }).toEqual({ text, level: "none" });
    }
  });

  it("refuses a lexicon that names a term it does not define", () => {
    const lexicon = shippedRiskLexicon as { categories: Record<string, unknown[]> };
    expect(() => createRiskDetector({ ...lexicon, categories: { ...lexicon.categories, eating: [{ pattern: "{{nowhere}}", level: "high" }] } })).toThrow(/nowhere/);
  });
});
