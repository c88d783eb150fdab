/**
 * The model's training checks, run by riskCorpus.test.ts in a plain Node process (`node --import tsx`):
 * training under Jest's module sandbox runs about fifteen times slower than in Node, and these checks
 * train the model about twenty times. Prints one JSON line: whether training the shipped rows again gives
 * the shipped model (deterministic and up to date), whether another seed gives other weights, and
 * 3-fold cross-validated figures (lexicon alone, model alone, together, together without the model's veto,
 * train-w1 rows together).
 */
import { riskLexiconSchema } from "@xinyuan/shared";
import { createRiskNormaliser, shippedRiskLexicon, shippedRiskModel } from "./riskDetector";
import { shippedRiskCorpus } from "./riskCorpus";
import { trainRiskModel } from "./riskModel";
import { crossValidateRiskModel } from "./riskModelEvaluation";

const { tuning } = shippedRiskCorpus();
const normalise = createRiskNormaliser(riskLexiconSchema.parse(shippedRiskLexicon));
const shipped = shippedRiskModel as { version: string; heads: unknown };
const again = trainRiskModel(tuning, normalise, { version: shipped.version });
const small = (seed: number) => trainRiskModel(tuning.slice(0, 400), normalise, { seed, buckets: 4096 }).heads.any.weights;
const cv = crossValidateRiskModel(tuning, shippedRiskLexicon, 3);
const overall = (evaluation: { overall: { recall: number; falseAlarmRate: number; truePositives: number } }) => evaluation.overall;
console.log(
  JSON.stringify({
    shippedReproduced: JSON.stringify(again.heads) === JSON.stringify(shipped.heads),
    sameSeedSame: small(13) === small(13),
    otherSeedDiffers: small(13) !== small(14),
    cv: { lexicon: overall(cv.lexicon), model: overall(cv.model), combined: overall(cv.combined), withoutVeto: overall(cv.withoutVeto), trainW1: overall(cv.bySource["train-w1.zh"]!) },
  }),
);
