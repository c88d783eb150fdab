import { riskLexiconSchema, type RiskLexiconVersionView } from "@xinyuan/shared";
import type { DbOrTx } from "../db/database";
import { riskLexiconVersions } from "../db/schema";
import type { Services } from "../services";
import type { StaffActor } from "../auth/actor";
import { recordAudit, type AuditOrigin } from "../audit/recordAudit";
import { AppError } from "../http/errors";
import { createRiskDetector, createRiskNormaliser } from "./riskDetector";
import { trainRiskModel } from "./riskModel";
import { evaluateRiskLexicon, riskGateCorpus } from "./riskLexiconEvaluator";
import { lockRiskLexicon, nextRiskLexiconNumber } from "./riskLexiconSaver";
import { activeRiskLexiconVersion, presentRiskLexiconVersion } from "./riskLexiconVersionViews";

/**
 * 重新训练: trains the learned model again on the shipped training rows and every corpus row supervisors
 * added from counsellor feedback (decrypted for the run only), and saves it with the active version's
 * lexicon as a new, inactive version with its figures. Activating it is the usual gated step. This is
 * how feedback keeps improving detection without anyone writing a rule.
 */
export async function riskModelRetrainer(props: {
  tx: DbOrTx;
  services: Pick<Services, "cipher" | "clock">;
  actor: StaffActor;
  origin: AuditOrigin;
}): Promise<RiskLexiconVersionView> {
  const { tx, services, actor, origin } = props;
  await lockRiskLexicon(tx);
  const active = await activeRiskLexiconVersion(tx);
  if (!active) throw new AppError(409, "RISK_LEXICON_NONE_ACTIVE");
  const corpus = await riskGateCorpus(tx, services.cipher);
  const feedbackRows = corpus.rows.filter((row) => row.source === "feedback").length;
  const lexicon = riskLexiconSchema.parse(active.content);
  const stamp = services.clock.now().toISOString().slice(0, 16).replace(/[-:T]/g, "");
  const model = trainRiskModel(corpus.rows, createRiskNormaliser(lexicon), { version: `model-${corpus.rows.length}-${stamp}` });
  const evaluation = evaluateRiskLexicon(createRiskDetector(active.content, model), corpus);
  const number = await nextRiskLexiconNumber(tx);
  const [row] = await tx
    .insert(riskLexiconVersions)
    .values({
      number,
      label: active.label,
      content: active.content,
      model,
      note: `重新训练模型：${corpus.rows.length} 条语料，其中 ${feedbackRows} 条来自咨询师反馈`,
      authorId: actor.id,
      basedOnId: active.id,
      evaluation,
    })
    .returning();
  await recordAudit(tx, origin, {
    action: "risk_lexicon.retrain",
    targetType: "risk_lexicon_version",
    targetId: row!.id,
    detail: { number, basedOnNumber: active.number, rows: corpus.rows.length, feedbackRows, modelVersion: model.version, recall: evaluation.overall.recall, falseAlarmRate: evaluation.overall.falseAlarmRate, passesGate: evaluation.passesGate },
  });
  return presentRiskLexiconVersion(row!, actor.displayName);
}
