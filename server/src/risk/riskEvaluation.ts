import { riskLevelRank, riskLexiconGate, riskSignalCategories, type RiskCorpusRow, type RiskFiguresView, type RiskSignalCategory } from "@xinyuan/shared";
import type { RiskDetector } from "./riskDetector";

/** Message-level or per-category figures (the shared view, so the admin shows exactly these). */
export type RiskFigures = RiskFiguresView;

export interface RiskEvaluation {
  rows: number;
  /** Message level: a risky message counts as found when any category is flagged. */
  overall: RiskFigures;
  /** Per category: found when that category is flagged; a false alarm is that category on a row not labelled with it. */
  categories: Record<RiskSignalCategory, RiskFigures>;
  /** Of risky messages found, how many got at least the labelled level, and how many got less. */
  levels: { atLeastLabelled: number; belowLabelled: number };
  misses: RiskCorpusRow[];
  falseAlarms: Array<RiskCorpusRow & { flagged: RiskSignalCategory[] }>;
  passesGate: boolean;
}

const ratio = (part: number, whole: number): number => (whole === 0 ? 1 : part / whole);
const ratioOrZero = (part: number, whole: number): number => (whole === 0 ? 0 : part / whole);

function figures(positives: number, negatives: number, truePositives: number, falsePositives: number): RiskFigures {
  return {
    positives,
    negatives,
    truePositives,
    falsePositives,
    recall: ratio(truePositives, positives),
    precision: ratio(truePositives, truePositives + falsePositives),
    falseAlarmRate: ratioOrZero(falsePositives, negatives),
  };
}

/** Runs a detector over labelled rows: the figures the admin shows and the activation gate reads. */
export function evaluateRiskDetector(detect: RiskDetector, rows: readonly RiskCorpusRow[]): RiskEvaluation {
  const counts = Object.fromEntries(riskSignalCategories.map((category) => [category, { positives: 0, negatives: 0, tp: 0, fp: 0 }])) as Record<
    RiskSignalCategory,
    { positives: number; negatives: number; tp: number; fp: number }
  >;
  let positives = 0;
  let truePositives = 0;
  let falsePositives = 0;
  let atLeastLabelled = 0;
  let belowLabelled = 0;
  const misses: RiskCorpusRow[] = [];
  const falseAlarms: RiskEvaluation["falseAlarms"] = [];
  for (const row of rows) {
    const assessment = detect(row.text);
    const flagged = assessment.categories;
    const risky = row.categories.length > 0;
    if (risky) {
      positives += 1;
      if (flagged.length) {
        truePositives += 1;
        if (riskLevelRank[assessment.level] >= riskLevelRank[row.level]) atLeastLabelled += 1;
        else belowLabelled += 1;
      } else misses.push(row);
    } else if (flagged.length) {
      falsePositives += 1;
      falseAlarms.push({ ...row, flagged });
    }
    for (const category of riskSignalCategories) {
      const expected = row.categories.includes(category);
      const found = flagged.includes(category);
      const count = counts[category];
      if (expected) {
        count.positives += 1;
        if (found) count.tp += 1;
      } else {
        count.negatives += 1;
        if (found) count.fp += 1;
      }
    }
  }
  const overall = figures(positives, rows.length - positives, truePositives, falsePositives);
  return {
    rows: rows.length,
    overall,
    categories: Object.fromEntries(
      riskSignalCategories.map((category) => {
        const count = counts[category];
        return [category, figures(count.positives, count.negatives, count.tp, count.fp)];
      }),
    ) as Record<RiskSignalCategory, RiskFigures>,
    levels: { atLeastLabelled, belowLabelled },
    misses,
    falseAlarms,
    passesGate: overall.recall >= riskLexiconGate.minRecall && overall.falseAlarmRate <= riskLexiconGate.maxFalseAlarmRate,
  };
}
