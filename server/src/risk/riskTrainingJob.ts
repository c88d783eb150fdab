import { riskLexiconSchema, type RiskCorpusRow, type RiskLexiconEvaluationView, type RiskModelData } from "@xinyuan/shared";
import { createRiskDetector, createRiskNormaliser } from "./riskDetector";
import { trainRiskModel } from "./riskModel";
import { evaluateRiskLexicon } from "./riskLexiconEvaluator";

/** What a retrain hands its worker: plain data only (rows already decrypted, nothing of the database). */
export interface RiskTrainingInput {
  /** The lexicon the model is trained with (its normaliser) and measured beside. */
  lexicon: unknown;
  rows: RiskCorpusRow[];
  /** The blind set's rows (figures only, never trained on). */
  heldOut: RiskCorpusRow[];
  modelVersion: string;
}

export interface RiskTrainingOutput {
  model: RiskModelData;
  evaluation: RiskLexiconEvaluationView;
}

/**
 * Trains the model on the rows with the lexicon's normaliser and measures lexicon and model together on
 * the same rows: the CPU-heavy half of 重新训练, run in a worker thread (riskTrainingRunner.ts).
 */
export function riskTrainingJob(input: RiskTrainingInput): RiskTrainingOutput {
  const lexicon = riskLexiconSchema.parse(input.lexicon);
  const model = trainRiskModel(input.rows, createRiskNormaliser(lexicon), { version: input.modelVersion });
  const evaluation = evaluateRiskLexicon(createRiskDetector(input.lexicon, model), { rows: input.rows, heldOut: input.heldOut });
  return { model, evaluation };
}
