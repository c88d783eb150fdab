import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { riskCorpusRowSchema, type RiskCorpusRow } from "@xinyuan/shared";

/** server/src/risk/corpus, found from the working directory upwards (repo root, server/, tests), like the migrations. */
function findCorpusFolder(): string {
  let folder = process.cwd();
  for (;;) {
    for (const candidate of [join(folder, "src", "risk", "corpus"), join(folder, "server", "src", "risk", "corpus")]) {
      if (existsSync(join(candidate, "riskCorpus.zh.jsonl"))) return candidate;
    }
    const parent = dirname(folder);
    if (parent === folder) throw new Error("cannot find server/src/risk/corpus");
    folder = parent;
  }
}

const corpusFolder = findCorpusFolder();

/**
 * The labelled corpus the lexicon was tuned on (riskCorpus.zh.jsonl). It includes the first held-out set
 * (129 rows, written before the detector work), moved in on 2026-12-06 once its misses had been studied.
 */
export const riskCorpusFile = join(corpusFolder, "riskCorpus.zh.jsonl");
/**
 * Rows written by someone who had not seen the lexicon, measured once and never used to tune: their
 * figures are the honest ones (riskCorpus.heldout2.zh.jsonl, 313 rows, first measured 2026-12-06).
 */
export const riskHeldOutCorpusFile = join(corpusFolder, "riskCorpus.heldout2.zh.jsonl");

/**
 * A second blind set (riskCorpus.heldout3.zh.jsonl, 307 rows) by another writer who saw neither the lexicon
 * nor the other sets. Nobody tuning the lexicon has read its rows: `npm run risk:eval` prints its figures
 * only, never its misses, so it stays an unseen measure (first measured 2026-12-06: 67.0 % / 8.8 %).
 */
export const riskBlindCorpusFile = join(corpusFolder, "riskCorpus.heldout3.zh.jsonl");

/** Reads a JSON-lines corpus file; a malformed row stops the reader with its line number. */
export function readRiskCorpus(file: string): RiskCorpusRow[] {
  return readFileSync(file, "utf8")
    .split("\n")
    .map((line, index) => ({ line: line.trim(), number: index + 1 }))
    .filter(({ line }) => line.length > 0)
    .map(({ line, number }) => {
      const parsed = riskCorpusRowSchema.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`${file}:${number}: ${parsed.error.message}`);
      return parsed.data;
    });
}

/** Tuning rows and held-out rows, both shipped in the repository. */
export function shippedRiskCorpus(): { tuning: RiskCorpusRow[]; heldOut: RiskCorpusRow[] } {
  return { tuning: readRiskCorpus(riskCorpusFile), heldOut: readRiskCorpus(riskHeldOutCorpusFile) };
}
