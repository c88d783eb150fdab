/**
 * `npm run risk:train`: trains the learned model on the shipped training rows (riskCorpus.zh.jsonl and
 * corpus/training/*.jsonl) with the shipped lexicon's normalisation and writes riskModel.zh.json, the
 * model seeded with the lexicon. Deterministic: the same rows give the same file. Rows supervisors added
 * from counsellor feedback live in the database (encrypted) and join when a supervisor retrains from the
 * admin (riskModelRetrainer.ts), never in this file.
 */
import { createHash } from "node:crypto";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { riskLexiconSchema } from "@xinyuan/shared";
import { createRiskNormaliser, shippedRiskLexicon } from "./riskDetector";
import { riskTrainingFolder, shippedRiskCorpus } from "./riskCorpus";
import { riskModelTrainingDefaults, trainRiskModel } from "./riskModel";

const { tuning } = shippedRiskCorpus();
const normalise = createRiskNormaliser(riskLexiconSchema.parse(shippedRiskLexicon));
// rows and settings: a retrain with another threshold is another model id, so deployments seed it (riskLexiconSeeder)
const digest = createHash("sha256").update(JSON.stringify({ tuning, settings: riskModelTrainingDefaults })).digest("hex").slice(0, 8);
const started = Date.now();
const model = trainRiskModel(tuning, normalise, { version: `model-${tuning.length}-${digest}` });
const file = join(riskTrainingFolder, "..", "..", "riskModel.zh.json");
writeFileSync(file, `${JSON.stringify(model)}\n`);
const cv = model.crossValidated!;
console.log(`trained ${model.version} on ${tuning.length} rows in ${((Date.now() - started) / 1000).toFixed(1)} s → ${file}`);
console.log(`thresholds from ${cv.folds}-fold out-of-fold scores (model alone): recall ${(cv.recall * 100).toFixed(1)} %, false alarms ${(cv.falseAlarmRate * 100).toFixed(1)} %`);
