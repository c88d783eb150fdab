/**
 * `npm run risk:eval`: recall, precision and false-alarm rate per category and overall, for the detector
 * as it runs (shipped lexicon + shipped model) on the training rows, then k-fold cross-validated figures
 * (each fold scored by a model trained without it), per source file too (ordinary chat lines: false alarms).
 * `-- --blind [file]` adds the blind set's figures (the file given, or env RISK_BLIND_FILE; figures only, never
 * its rows; "no blind set" when there is none). `--by-file[=source,…]` trains without one source file at a time
 * and scores that file (held out by file). `--misses` lists the training rows missed and the false alarms (of the
 * cross-validated run). `--options='{"l2":1e-5}'` passes training options to the cross-validated runs (tuning).
 */
import { riskSignalCategories, riskSignalCategoryLabels } from "@xinyuan/shared";
import { createRiskDetector, shippedRiskLexicon, shippedRiskModel } from "./riskDetector";
import { readRiskCorpus, riskBlindFile, riskEverydayFile, shippedRiskCorpus } from "./riskCorpus";
import { crossValidateRiskModel, heldOutByFile } from "./riskModelEvaluation";
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
const folds = Number(process.argv.find((arg) => arg.startsWith("--folds="))?.slice("--folds=".length) ?? 5);
const option = (name: string) => process.argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
const blindAt = process.argv.indexOf("--blind");
const blindArgument = blindAt >= 0 && process.argv[blindAt + 1] && !process.argv[blindAt + 1]!.startsWith("--") ? process.argv[blindAt + 1] : undefined;
const blindFile = riskBlindFile(blindArgument);
const trainingOptions = JSON.parse(option("options") ?? "{}") as Record<string, number>;
const detect = createRiskDetector(shippedRiskLexicon, shippedRiskModel);
const { tuning, blind } = shippedRiskCorpus(blindFile);
print("training rows, shipped lexicon + model (the model has seen them: not a measure)", evaluateRiskDetector(detect, tuning), false);
const started = Date.now();
const cv = crossValidateRiskModel(tuning, shippedRiskLexicon, folds, trainingOptions);
console.log(`\n(${folds}-fold cross-validation in ${((Date.now() - started) / 1000).toFixed(1)} s)`);
print(`training rows, ${folds}-fold cross-validated: lexicon alone (tuned on these rows: optimistic)`, cv.lexicon, false);
print(`training rows, ${folds}-fold cross-validated: model alone`, cv.model, false);
console.log(`\nwithout the model's veto on lexicon matches (riskModelVetoScore): ${line("overall (message)", cv.withoutVeto.overall)}`);
print(`training rows, ${folds}-fold cross-validated: lexicon + model (as it runs)`, cv.combined, showRows);
console.log("\nby source (lexicon + model, cross-validated):");
for (const [source, evaluation] of Object.entries(cv.bySource)) console.log(line(source.slice(0, 20), evaluation.overall) + `  of ${evaluation.rows} rows`);
const everyday = evaluateRiskDetector(detect, readRiskCorpus(riskEverydayFile));
console.log(`\nordinary student chat lines (riskEveryday.zh.jsonl, never trained on): ${everyday.overall.falsePositives} of ${everyday.rows} flagged (${(everyday.overall.falseAlarmRate * 100).toFixed(1)} % false alarms)`);
if (showRows) for (const alarm of everyday.falseAlarms) console.log(`  FALSE [${alarm.flagged.join(",")}] ${alarm.text}`);
if (process.argv.some((arg) => arg === "--by-file" || arg.startsWith("--by-file="))) {
  const sources = option("by-file")?.split(",") ?? [...new Set(tuning.map((row) => row.source ?? "?"))];
  console.log("\nheld out by file (the model trained without that file; lexicon + model, then the lexicon alone):");
  for (const source of sources) {
    const held = heldOutByFile(tuning, shippedRiskLexicon, source, trainingOptions);
    console.log(line(source.slice(0, 20), held.combined.overall) + `  of ${held.combined.rows} rows`);
    console.log(line("  lexicon alone", held.lexicon.overall));
    if (option("by-file")) print(`held out by file: ${source} (lexicon + model)`, held.combined, false);
  }
}
if (process.argv.includes("--blind")) {
  // The blind set: figures only, never its rows (whoever reads them can no longer measure with it).
  if (!blindFile) console.log("\nno blind set (give a file after --blind or set RISK_BLIND_FILE)");
  else {
    print(`blind set (${blindFile}, figures only), lexicon alone`, evaluateRiskDetector(createRiskDetector(shippedRiskLexicon), blind), false);
    print(`blind set (${blindFile}, figures only), lexicon + model`, evaluateRiskDetector(detect, blind), false);
  }
}
