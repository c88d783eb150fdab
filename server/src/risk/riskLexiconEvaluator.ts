import { riskSignalCategories, type RiskCorpusRow, type RiskLexiconEvaluationView, type RiskSignalCategory } from "@xinyuan/shared";
import type { DbOrTx } from "../db/database";
import { riskCorpusRows } from "../db/schema";
import type { FieldCipher } from "../crypto/fieldCipher";
import type { RiskDetector } from "./riskDetector";
import { shippedRiskCorpus } from "./riskCorpus";
import { evaluateRiskDetector, type RiskFigures } from "./riskEvaluation";
import { sealed } from "../crypto/sealedColumns";

export interface RiskGateCorpus {
  /** Shipped tuning rows and rows supervisors added from feedback: what the gate reads. */
  rows: RiskCorpusRow[];
  /** The blind set when the server is given one (RISK_BLIND_FILE; else empty): figures beside, never its rows, never trained on. */
  heldOut: RiskCorpusRow[];
}

let shipped: ReturnType<typeof shippedRiskCorpus> | undefined;

/** The corpus a lexicon version is measured on (rows added from feedback are decrypted for the run only). */
export async function riskGateCorpus(db: DbOrTx, cipher: FieldCipher | null): Promise<RiskGateCorpus> {
  shipped ??= shippedRiskCorpus();
  const added = cipher ? await db.select().from(riskCorpusRows) : [];
  return {
    rows: [
      ...shipped.tuning,
      ...added.map((row) => ({ text: cipher!.decrypt(row.textEnc, sealed.riskCorpusText.at(row)), categories: row.categories as RiskSignalCategory[], level: row.level as RiskCorpusRow["level"], source: "feedback" })),
    ],
    heldOut: shipped.blind,
  };
}

const plain = (figures: RiskFigures) => ({ ...figures });

/** The figures shown in the admin and kept with each version. */
export function evaluateRiskLexicon(detect: RiskDetector, corpus: RiskGateCorpus): RiskLexiconEvaluationView {
  const main = evaluateRiskDetector(detect, corpus.rows);
  const heldOut = evaluateRiskDetector(detect, corpus.heldOut);
  return {
    rows: main.rows,
    overall: plain(main.overall),
    categories: Object.fromEntries(riskSignalCategories.map((category) => [category, plain(main.categories[category])])) as RiskLexiconEvaluationView["categories"],
    heldOut: plain(heldOut.overall),
    passesGate: main.passesGate,
  };
}
