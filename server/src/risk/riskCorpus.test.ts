import { riskLexiconGate, riskLexiconSchema, riskSignalCategories } from "@xinyuan/shared";
import { createRiskDetector, createRiskNormaliser, detectRisk, riskModelReads, riskModelReadsShort, shippedRiskLexicon, shippedRiskModel } from "./riskDetector";
import { readRiskCorpus, riskBlindFile, riskEverydayFile, shippedRiskCorpus } from "./riskCorpus";
import { evaluateRiskDetector } from "./riskEvaluation";
import { mayMatch, requiredCharactersOf } from "./riskPrefilter";
import { execFileSync } from "node:child_process";
import { join } from "node:path";

const { tuning, blind } = shippedRiskCorpus();

type Figures = { recall: number; falseAlarmRate: number; truePositives: number };
/** The training checks train the model four times on most of the rows (24 000 since session 10: about 45 s alone, more beside other suites). */
const modelCheckTimeoutMs = 600_000;
let checked: { shippedReproduced: boolean; sameSeedSame: boolean; otherSeedDiffers: boolean; cv: Record<"lexicon" | "model" | "combined" | "withoutVeto" | "trainW1", Figures> } | undefined;
/** Training checks in a plain Node process (riskModelCheck.ts says why), run once for the tests that read them. */
function modelCheck(): NonNullable<typeof checked> {
  checked ??= JSON.parse(execFileSync(process.execPath, ["--import", "tsx", join(__dirname, "riskModelCheck.ts")], { encoding: "utf8", timeout: modelCheckTimeoutMs }).trim().split("\n").pop()!);
  return checked!;
}

describe("risk corpus", () => {
  it("holds at least 500 labelled messages, every category among them, and everyday hyperbole as non-hits", () => {
    expect(tuning.length).toBeGreaterThanOrEqual(500);
    for (const category of riskSignalCategories) expect(tuning.filter((row) => row.categories.includes(category)).length).toBeGreaterThanOrEqual(15);
    const nonHits = tuning.filter((row) => row.categories.length === 0).map((row) => row.text);
    for (const hyperbole of ["累死了", "笑死", "难死了", "热死了", "想死你了"]) expect(nonHits.some((text) => text.includes(hyperbole))).toBe(true);
  });

  it("ships no blind set: the measured ones are training rows, a new one comes from outside (RISK_BLIND_FILE)", () => {
    const sources = new Set(tuning.map((row) => row.source));
    for (let writer = 3; writer <= 19; writer += 1) expect(sources).toContain(`heldout${writer}.zh`);
    expect(shippedRiskCorpus(null).blind).toEqual([]);
    expect(riskBlindFile(join(__dirname, "corpus", "no-such-file.jsonl"))).toBeNull();
    // when the lead measures with a blind file, none of its rows may be training rows (a count, never the rows)
    const tuningTexts = new Set(tuning.map((row) => row.text));
    expect(blind.filter((row) => tuningTexts.has(row.text)).length).toBe(0);
  });

  it(`finds at least ${riskLexiconGate.minRecall * 100} % of risky messages with at most ${riskLexiconGate.maxFalseAlarmRate * 100} % false alarms`, () => {
    const evaluation = evaluateRiskDetector(detectRisk, tuning);
    expect(evaluation.overall.recall).toBeGreaterThanOrEqual(riskLexiconGate.minRecall);
    expect(evaluation.overall.falseAlarmRate).toBeLessThanOrEqual(riskLexiconGate.maxFalseAlarmRate);
    expect(evaluation.passesGate).toBe(true);
    // Every category is found most of the time, not only the common ones.
    for (const category of riskSignalCategories) expect(evaluation.categories[category].recall).toBeGreaterThanOrEqual(0.9);
  });

  it("the lexicon and the model together stay above 87 % recall on rows the model never saw (cross-validated), with false alarms within the gate", () => {
    // 3-fold here to keep the suite fast; `npm run risk:eval` prints 5-fold figures per category and source.
    const { cv } = modelCheck();
    // (3-fold, 2026-12-06: 89.4 % / 5.3 %; 5-fold in risk:eval, 2026-12-07: 91.3 % / 5.0 % on 3 721 rows)
    expect(cv.combined.recall).toBeGreaterThanOrEqual(0.87);
    expect(cv.combined.falseAlarmRate).toBeLessThanOrEqual(riskLexiconGate.maxFalseAlarmRate);
    // the model finds what the lexicon misses: together they find more than the lexicon alone
    expect(cv.combined.truePositives).toBeGreaterThan(cv.lexicon.truePositives);
    // the second writer's rows (train-w1), never tuned on by the lexicon
    expect(cv.trainW1.recall).toBeGreaterThan(0.75);
  });

  it("raises few false alarms on ordinary student chat lines it was never trained on", () => {
    const everyday = evaluateRiskDetector(detectRisk, readRiskCorpus(riskEverydayFile));
    expect(everyday.rows).toBeGreaterThanOrEqual(300);
    // short lines ("不知道", "再见") once raised high suicide alerts through the model alone
    expect(everyday.falseAlarms.length).toBeLessThanOrEqual(3);
  });

  it("does not let the model read lines of digits, times and Latin letters (it learnt Chinese writing)", () => {
    // scored as eating before the guard: the eating rows' kg and calories taught the model that digits go with eating
    const lines = ["预约时间 12月9日 15:00-16:00", "电话 13812345678 周三 14:30 以后", "room 302 at 3:30pm, ok?", "12/09 15:00 - 16:00 (Wed)"];
    for (const line of lines) expect(detectRisk(line).level).toBe("none");
    expect(lines.every((line) => !riskModelReads(line) && !riskModelReadsShort(line))).toBe(true);
    // a Chinese line of the same length is still read, and the lexicon still reads every line
    expect(riskModelReads("我最近总是吃不下饭 一吃就想吐")).toBe(true);
    expect(detectRisk("今晚 23:00 楼顶 跳下去 bye").level).not.toBe("none");
  });

  it("reads a short line only at its own stricter threshold, and a model stored without one reads none", () => {
    // a short line: not read fully, at least two Chinese characters, no more letters and digits than those
    expect(["在河边", "又遭打了", "刀磨好了 等他回来"].map(riskModelReadsShort)).toEqual([true, true, true]);
    expect(["嗯", "ok 在302", "room 302 在哪", "我最近总是吃不下饭 一吃就想吐"].map(riskModelReadsShort)).toEqual([false, false, false, false]);
    const model = shippedRiskModel as { shortThreshold?: number; heads: { any: { threshold: number } } };
    expect(model.shortThreshold).toBeGreaterThan(model.heads.any.threshold);
    // short risky lines only the model finds (the lexicon alone misses them)
    const normalise = createRiskNormaliser(riskLexiconSchema.parse(shippedRiskLexicon));
    const lexiconOnly = createRiskDetector(shippedRiskLexicon);
    const shortHits = tuning.filter((row) => row.categories.length && riskModelReadsShort(normalise(row.text)));
    const foundByModel = shortHits.filter((row) => lexiconOnly(row.text).level === "none" && detectRisk(row.text).level !== "none");
    expect(foundByModel.length).toBeGreaterThan(100);
    for (const row of foundByModel.slice(0, 20)) expect(detectRisk(row.text).matches.every((match) => match.source === "model")).toBe(true);
    // a model stored before short lines had a threshold reads none of them: the lexicon's verdict stands
    const older = createRiskDetector(shippedRiskLexicon, { ...model, shortThreshold: undefined });
    expect(foundByModel.filter((row) => older(row.text).level !== "none").map((row) => row.text)).toEqual([]);
  });

  it("trains deterministically: the shipped model is what `npm run risk:train` makes from the shipped rows", () => {
    const check = modelCheck();
    expect(check.sameSeedSame).toBe(true);
    expect(check.otherSeedDiffers).toBe(true);
    // fails when training rows were added or changed without `npm run risk:train`
    expect(check.shippedReproduced).toBe(true);
  });

  it("a message only the model flags gets a category and its level, never 'none'", () => {
    const lexiconOnly = createRiskDetector(shippedRiskLexicon);
    const modelOnly = tuning.filter((row) => row.categories.length && lexiconOnly(row.text).level === "none" && detectRisk(row.text).level !== "none");
    expect(modelOnly.length).toBeGreaterThan(50);
    for (const row of modelOnly.slice(0, 20)) {
      const assessment = detectRisk(row.text);
      expect(assessment.categories.length).toBeGreaterThan(0);
      expect(assessment.matches.every((match) => match.source === "model" && match.level !== "none")).toBe(true);
      expect(["medium", "high"]).toContain(assessment.level);
    }
    // when the lexicon fires its level wins (imminent stays imminent)
    expect(detectRisk("我现在在楼顶，准备跳下去了").level).toBe("imminent");
  });

  it("drops a lexicon word the model reads as harmless in context, never an imminent one and never in a short line", () => {
    const lexiconOnly = createRiskDetector(shippedRiskLexicon);
    // the lexicon's words in news, recovery and jokes: the lexicon alone flags them, the detector does not
    for (const text of ["听说隔壁县有个人跳河救了一个小孩，好厉害", "以前我也想过不想活了，现在好多了，谢谢你们上次陪我", "我哥说要打死我，因为我吃了他的辣条，哈哈"]) {
      expect({ text, lexicon: lexiconOnly(text).level !== "none" }).toEqual({ text, lexicon: true });
      expect({ text, level: detectRisk(text).level }).toEqual({ text, level: "none" });
    }
    // the same words meant: flagged
    expect(detectRisk("我真的不想活了，每天都好痛苦").level).not.toBe("none");
    expect(detectRisk("想死").level).not.toBe("none");
    // dropping costs little recall on rows the model never saw (riskModelCheck: combined vs lexicon + model without the veto)
    const { cv } = modelCheck();
    expect(cv.combined.truePositives).toBeGreaterThanOrEqual(cv.withoutVeto.truePositives * 0.99);
    expect(cv.combined.falseAlarmRate).toBeLessThan(cv.withoutVeto.falseAlarmRate);
  });

  it("refuses a malformed model where it is loaded", () => {
    const model = shippedRiskModel as { heads: Record<string, { weights: string }> };
    expect(() => createRiskDetector(shippedRiskLexicon, { ...model, heads: { ...model.heads, any: { ...model.heads.any, weights: "AAAA" } } })).toThrow(/权重长度/);
    expect(() => createRiskDetector(shippedRiskLexicon, { version: "x" })).toThrow();
  });

  it("never skips a pattern that could match (the character prefilter is conservative)", () => {
    const lexicon = riskLexiconSchema.parse(shippedRiskLexicon);
    const normalise = createRiskNormaliser(lexicon);
    const expand = (pattern: string): string => pattern.replace(/\{\{(\w+)\}\}/g, (_, name: string) => expand(lexicon.terms[name] as string));
    const patterns = [...riskSignalCategories.flatMap((category) => (lexicon.categories[category] ?? []).map((entry) => entry.pattern)), ...lexicon.ignore].map(expand);
    let checked = 0;
    for (const row of tuning) {
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
