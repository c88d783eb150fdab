import { readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { riskLexiconSchema } from "@xinyuan/shared";
import { createRiskDetector, createRiskNormaliser, shippedRiskLexicon, shippedRiskModel } from "./riskDetector";
import { createPlainRiskDetector, createPlainRiskNormaliser } from "./riskDetectorReference";
import { riskCorpusFile, readRiskCorpus } from "./riskCorpus";

/**
 * The detector's shortcuts (character prefilter, narrowed alternations, skipped normalisation steps, the
 * model's one-pass scoring) must never change a verdict: every row of every corpus file, and longer texts
 * made of them, get exactly the plain reference's assessment (riskDetectorReference.ts). A failure names
 * the file and line only: the blind sets' rows stay unread.
 */
const corpusFolder = join(riskCorpusFile, "..");
function corpusFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((item) =>
    item.isDirectory() ? corpusFiles(join(folder, item.name)) : item.name.endsWith(".jsonl") ? [join(folder, item.name)] : [],
  );
}
const rows = corpusFiles(corpusFolder).flatMap((file) => readRiskCorpus(file).map((row, index) => ({ where: `${relative(corpusFolder, file)}#${index + 1}`, text: row.text })));

/** Paragraphs and letters as the benchmark builds them, plus the tricks normalisation undoes. */
function longerTexts(): Array<{ where: string; text: string }> {
  const texts: Array<{ where: string; text: string }> = [];
  for (const length of [60, 300]) {
    for (let start = 0; start < 400; start += 1) {
      let text = "";
      for (let index = start; text.length < length; index += 7) text += (text ? "，" : "") + (rows[index % rows.length]?.text ?? "");
      texts.push({ where: `joined ${length} from row ${start}`, text });
    }
  }
  const tricks = ["我想自殺", "我 想 自 杀", "不-想-活-了", "想ｚｓ", "我想紫砂", "好想s", "真的想鼠了", "zc了", "我被xq了", "想 自.杀", "他們說我爸爸喝醉了就打我", "ｙｙｓｙ，我真的不想活了", "自*杀", "想\u200b死", "😭我想死😭", "𠮷我不想活了", "ＺＳ，真的！", "我想死。、ｙｙｓｙ？", "e\u0301想死", "ｅ\u0301想死", "ﾃｽﾄ想死", "\u3000想\u3000死", "①想死", "㊙想死", "wo zhen de bu xiang huo le", "我 bu xiang huo le，真的", "ＷＯ ＸＩＡＮＧ ＳＩ", "🔪 手腕 三条", "yi ge wan", ""];
  tricks.forEach((text, index) => texts.push({ where: `trick ${index}`, text }));
  return texts;
}

describe("the fast risk detector agrees with the plain reference", () => {
  const fast = createRiskDetector(shippedRiskLexicon, shippedRiskModel);
  const plain = createPlainRiskDetector(shippedRiskLexicon, shippedRiskModel);
  const texts = [...rows, ...longerTexts()];

  it("reads over three thousand corpus rows", () => {
    expect(rows.length).toBeGreaterThan(3000);
  });

  it("normalises every text exactly as the plain chain of replaces", () => {
    const lexicon = riskLexiconSchema.parse(shippedRiskLexicon);
    const normalise = createRiskNormaliser(lexicon);
    const plainNormalise = createPlainRiskNormaliser(lexicon);
    const differing = texts.filter(({ text }) => normalise(text) !== plainNormalise(text)).map(({ where }) => where);
    expect(differing).toEqual([]);
  });

  it("gives every text the same level, categories, sources and matched words", () => {
    const differing: string[] = [];
    let flagged = 0;
    let modelOnly = 0;
    for (const { where, text } of texts) {
      const mine = fast(text);
      const reference = plain(text);
      if (JSON.stringify(mine) !== JSON.stringify(reference)) differing.push(where);
      if (reference.level !== "none") flagged += 1;
      if (reference.matches.some((match) => match.source === "model")) modelOnly += 1;
    }
    expect(differing).toEqual([]);
    // the check exercises both the lexicon and the model
    expect(flagged).toBeGreaterThan(1500);
    expect(modelOnly).toBeGreaterThan(100);
  });

  it("agrees without a model, with a model whose heads differ (the scorer is generic), and with a model stored before short lines were read", () => {
    const lexiconOnly = createRiskDetector(shippedRiskLexicon);
    const plainLexiconOnly = createPlainRiskDetector(shippedRiskLexicon);
    const model = shippedRiskModel as { heads: Record<string, { bias: number; threshold: number }> };
    // every head's threshold lowered: more messages are flagged and more category heads are read
    const eager = { ...model, heads: Object.fromEntries(Object.entries(model.heads).map(([head, value]) => [head, { ...value, threshold: value.threshold * 0.6 }])) };
    // a model stored before session 10: no length band, no short lines read
    const older = { ...model, lengthBand: undefined, shortThreshold: undefined };
    const fastOlder = createRiskDetector(shippedRiskLexicon, older);
    const plainOlder = createPlainRiskDetector(shippedRiskLexicon, older);
    const fastEager = createRiskDetector(shippedRiskLexicon, eager);
    const plainEager = createPlainRiskDetector(shippedRiskLexicon, eager);
    const differing = texts
      .filter(
        ({ text }) =>
          JSON.stringify(lexiconOnly(text)) !== JSON.stringify(plainLexiconOnly(text)) ||
          JSON.stringify(fastEager(text)) !== JSON.stringify(plainEager(text)) ||
          JSON.stringify(fastOlder(text)) !== JSON.stringify(plainOlder(text)),
      )
      .map(({ where }) => where);
    expect(differing).toEqual([]);
  });

  it("agrees on a lexicon whose patterns use numbered back-references (such a group always runs whole)", () => {
    const lexicon = shippedRiskLexicon as { categories: Record<string, unknown[]> };
    // in the alternation each \1 refers to the first pattern's group, alone to its own: the verdicts must be the alternation's
    const extra = [
      { pattern: "(饿)\\1得不行", level: "medium" },
      { pattern: "(吃)\\1就吐", level: "medium" },
      { pattern: "瘦(了)\\1", level: "medium" },
    ];
    const edited = { ...lexicon, categories: { ...lexicon.categories, eating: [...(lexicon.categories.eating ?? []), ...extra] } };
    const fastEdited = createRiskDetector(edited);
    const plainEdited = createPlainRiskDetector(edited);
    const samples = ["我吃就吐", "饿饿得不行", "吃吃就吐", "吃饿就吐", "饿吃就吐", "瘦了了", "我饿饿得不行，吃吃就吐", ...texts.slice(0, 400).map(({ text }) => text)];
    expect(samples.filter((text) => JSON.stringify(fastEdited(text)) !== JSON.stringify(plainEdited(text)))).toEqual([]);
    // the alternation's reading differs from the pattern's own (alone, (吃)\1 needs 吃吃): the check above is not vacuous
    expect(/(吃)\1就吐/u.test("我吃就吐")).toBe(false);
    expect(createPlainRiskDetector(shippedRiskLexicon)("我吃就吐").level).toBe("none");
    expect(plainEdited("我吃就吐").categories).toEqual(["eating"]);
  });
});
