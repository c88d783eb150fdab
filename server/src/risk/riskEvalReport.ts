/**
 * `npm run risk:eval`: the detector's recall, precision and false-alarm rate on the shipped corpus, per
 * category and overall, for the tuning rows, the held-out rows (never used to tune) and both together.
 * `--misses` also lists the rows missed and the false alarms.
 */
import { riskSignalCategories, riskSignalCategoryLabels } from "@xinyuan/shared";
import { createRiskDetector, shippedRiskLexicon } from "./riskDetector";
import { readRiskCorpus, riskBlindCorpusFile, shippedRiskCorpus } from "./riskCorpus";
import { evaluateRiskDetector, type RiskEvaluation, type RiskFigures } from "./riskEvaluation";

const percent = (value: number) => `${(value * 100).toFixed(1).padStart(5)} %`;
const line = (name: string, figures: RiskFigures) =>
  `${name.padEnd(20)} ${String(figures.positives).padStart(5)} ${percent(figures.recall)}   ${percent(figures.precision)}   ${percent(figures.falseAlarmRate)}   (${figures.truePositives} found, ${figures.falsePositives} false alarms)`;

function print(title: string, evaluation: RiskEvaluation, showRows: boolean): void {
  console.log(`\n== ${title}: ${evaluation.rows} messages, ${evaluation.overall.positives} need attention, ${evaluation.overall.negatives} do not`);
  console.log(`${"".padEnd(20)} ${"rows".padStart(5)}  recall    precision  false alarms`);
  console.log(line("overall (message)", evaluation.overall));
  for (const category of riskSignalCategories) line && console.log(line(`${category}`, evaluation.categories[category]) + `  ${riskSignalCategoryLabels[category]}`);
  console.log(`level: ${evaluation.levels.atLeastLabelled} found at the labelled level or higher, ${evaluation.levels.belowLabelled} lower`);
  console.log(`gate (recall ≥ 95 %, false alarms ≤ 10 %): ${evaluation.passesGate ? "PASS" : "FAIL"}`);
  if (!showRows) return;
  for (const miss of evaluation.misses) console.log(`  MISS  [${miss.categories.join(",")}] ${miss.text}`);
  for (const alarm of evaluation.falseAlarms) console.log(`  FALSE [${alarm.flagged.join(",")}] ${alarm.text}`);
}

const showRows = process.argv.includes("--misses");
const detect = createRiskDetector(shippedRiskLexicon);
const { tuning, heldOut } = shippedRiskCorpus();
print("tuning corpus (riskCorpus.zh.jsonl)", evaluateRiskDetector(detect, tuning), showRows);
print("held-out corpus (riskCorpus.heldout2.zh.jsonl, written blind, never tuned on)", evaluateRiskDetector(detect, heldOut), showRows && process.argv.includes("--held-out-rows"));
// The second blind set: figures only, never its rows (whoever reads them can no longer measure with it).
print("blind set (riskCorpus.heldout3.zh.jsonl, unseen by anyone tuning; figures only)", evaluateRiskDetector(detect, readRiskCorpus(riskBlindCorpusFile)), false);
print("all", evaluateRiskDetector(detect, [...tuning, ...heldOut]), false);
