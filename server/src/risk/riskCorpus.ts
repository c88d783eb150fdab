import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
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
 * More training rows for the learned model (and the gate), one file per source: heldout2.zh.jsonl (313 rows,
 * the second held-out set: its rows were read while tuning the lexicon, so it is no longer a blind measure),
 * heldout3 … heldout19 (the third to nineteenth writers' blind sets, each measured once, then moved in), rows written for the model (dialect, pinyin, indirect plans, circumstances, hyperbole), ordinary student
 * chat lines (non-hits), and rows from other writers (train-w1, written-s8a/s8b, written-s9a … written-s9e, and
 * session 10's written-s10a … written-s15d, among them ordinary and short messages only).
 */
export const riskTrainingFolder = join(corpusFolder, "training");

/**
 * Ordinary student chat lines (riskEveryday.zh.jsonl, none needing attention; never trained on): the check
 * that the model does not raise false alarms on everyday text (homework, food, weather, 累死了, 笑死).
 */
export const riskEverydayFile = join(corpusFolder, "riskEveryday.zh.jsonl");

/**
 * An optional blind set, for figures only: the file named by `RISK_BLIND_FILE` (or given to
 * `npm run risk:eval -- --blind <file>`), kept outside the repository by whoever measures, so nobody who
 * tunes reads its rows. heldout3 … heldout19, the earlier blind sets, were measured once each (2026-12-06/07)
 * and are training rows now (corpus/training/heldout3.zh.jsonl … heldout19.zh.jsonl).
 */
export function riskBlindFile(argument?: string): string | null {
  const file = argument ?? process.env.RISK_BLIND_FILE;
  return file && existsSync(file) ? file : null;
}

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

/** The training files, by name (sorted, so the order and thus the trained model are the same everywhere). */
export function riskTrainingFiles(): string[] {
  return readdirSync(riskTrainingFolder)
    .filter((name) => name.endsWith(".jsonl"))
    .sort()
    .map((name) => join(riskTrainingFolder, name));
}

/**
 * The shipped labelled rows: `tuning` is every row the lexicon or the model may learn from (the tuning file
 * and the training folder, duplicates dropped), `blind` the optional blind set (`riskBlindFile`; empty when
 * there is none), for figures only.
 */
export function shippedRiskCorpus(blindFile: string | null = riskBlindFile()): { tuning: RiskCorpusRow[]; blind: RiskCorpusRow[] } {
  const seen = new Set<string>();
  const tuning = [riskCorpusFile, ...riskTrainingFiles()]
    .flatMap((file) => readRiskCorpus(file).map((row) => ({ ...row, source: row.source ?? basename(file, ".jsonl") })))
    .filter((row) => !seen.has(row.text) && (seen.add(row.text), true));
  return { tuning, blind: blindFile ? readRiskCorpus(blindFile) : [] };
}
