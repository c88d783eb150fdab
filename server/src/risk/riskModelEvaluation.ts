import { riskLexiconSchema, type RiskCorpusRow } from "@xinyuan/shared";
import { createRiskDetector, createRiskNormaliser, type RiskAssessment } from "./riskDetector";
import { evaluateRiskDetector, type RiskEvaluation } from "./riskEvaluation";
import { foldsOf, trainRiskModel, type RiskModelTrainingOptions } from "./riskModel";

export interface RiskCrossValidation {
  folds: number;
  /** Lexicon and model together (the detector as it runs), each row scored by a model not trained on it. */
  combined: RiskEvaluation;
  /** Lexicon and model together without the model's veto on lexicon matches (riskModelVetoScore): what the veto costs and saves. */
  withoutVeto: RiskEvaluation;
  /** The model alone. */
  model: RiskEvaluation;
  /** The lexicon alone (tuned on most of these rows: optimistic). */
  lexicon: RiskEvaluation;
  /** Per source file (row.source), combined: where the figures come from. */
  bySource: Record<string, RiskEvaluation>;
}

/**
 * k-fold cross-validation on the training rows: each fold is scored by a model trained on the other folds
 * (thresholds chosen inside those folds too), so the model's part of the figures is measured on rows it
 * never saw. The lexicon's part is not: it was tuned on these rows.
 */
export function crossValidateRiskModel(rows: readonly RiskCorpusRow[], lexicon: unknown, folds = 5, options: RiskModelTrainingOptions = {}): RiskCrossValidation {
  const normalise = createRiskNormaliser(riskLexiconSchema.parse(lexicon));
  const fold = foldsOf(rows, folds, (options.seed ?? 13) + 101);
  const combined = new Map<string, RiskAssessment>();
  const withoutVeto = new Map<string, RiskAssessment>();
  const modelOnly = new Map<string, RiskAssessment>();
  const lexiconOnly = createRiskDetector(lexicon);
  for (let k = 0; k < folds; k += 1) {
    const model = trainRiskModel(
      rows.filter((_, index) => fold[index] !== k),
      normalise,
      options,
    );
    const detect = createRiskDetector(lexicon, model);
    const detectWithoutVeto = createRiskDetector(lexicon, model, { modelVetoScore: 0 });
    const lexiconOff = createRiskDetector({ ...(lexicon as object), categories: {}, ignore: [] }, model);
    rows.forEach((row, index) => {
      if (fold[index] !== k) return;
      combined.set(row.text, detect(row.text));
      withoutVeto.set(row.text, detectWithoutVeto(row.text));
      modelOnly.set(row.text, lexiconOff(row.text));
    });
  }
  const from = (verdicts: Map<string, RiskAssessment>) => (text: string) => verdicts.get(text) as RiskAssessment;
  const sources = [...new Set(rows.map((row) => row.source ?? "?"))];
  return {
    folds,
    combined: evaluateRiskDetector(from(combined), rows),
    withoutVeto: evaluateRiskDetector(from(withoutVeto), rows),
    model: evaluateRiskDetector(from(modelOnly), rows),
    lexicon: evaluateRiskDetector(lexiconOnly, rows),
    bySource: Object.fromEntries(sources.map((source) => [source, evaluateRiskDetector(from(combined), rows.filter((row) => (row.source ?? "?") === source))])),
  };
}

/**
 * Held out by file: the model is trained on every row but those of one source file, then that file is scored
 * (lexicon + model, and the lexicon alone). Closest to a blind measure for a file the lexicon was not tuned on:
 * a whole writer's wording unseen by the model, not rows mixed into every fold.
 */
export function heldOutByFile(rows: readonly RiskCorpusRow[], lexicon: unknown, source: string, options: RiskModelTrainingOptions = {}): { combined: RiskEvaluation; lexicon: RiskEvaluation } {
  const normalise = createRiskNormaliser(riskLexiconSchema.parse(lexicon));
  const held = rows.filter((row) => (row.source ?? "?") === source);
  const model = trainRiskModel(
    rows.filter((row) => (row.source ?? "?") !== source),
    normalise,
    options,
  );
  return { combined: evaluateRiskDetector(createRiskDetector(lexicon, model), held), lexicon: evaluateRiskDetector(createRiskDetector(lexicon), held) };
}
