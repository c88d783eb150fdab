import { randomUUID } from "node:crypto";
import type { RiskLexiconVersionView } from "@xinyuan/shared";
import { riskLexiconVersions } from "../db/schema";
import type { Services } from "../services";
import type { StaffActor } from "../auth/actor";
import { recordAudit, type AuditOrigin } from "../audit/recordAudit";
import { AppError } from "../http/errors";
import { riskGateCorpus } from "./riskLexiconEvaluator";
import { lockRiskLexicon, nextRiskLexiconNumber } from "./riskLexiconSaver";
import { activeRiskLexiconVersion, presentRiskLexiconVersion } from "./riskLexiconVersionViews";
import { claimRiskRetrain, releaseRiskRetrain } from "./riskRetrainLease";
import { riskTrainingTimeoutMs, runRiskTraining, type RiskTrainingOptions } from "./riskTrainingRunner";

/**
 * 重新训练: trains the learned model again on the shipped training rows and every corpus row supervisors
 * added from counsellor feedback (decrypted for the run only), and saves it with the active version's
 * lexicon as a new, inactive version with its figures. Activating it is the usual gated step. This is
 * how feedback keeps improving detection without anyone writing a rule.
 *
 * Three steps, so that no transaction and no lock is held while the model trains (on PGlite an open
 * transaction would stop every other query of the process): a short transaction claims the one retrain
 * slot (409 RISK_RETRAIN_RUNNING while another retrain runs in any process) and reads the active version
 * and the corpus; a worker thread trains and measures (the event loop stays free); a second short
 * transaction saves the version and its audit row, unless the active version changed meanwhile (409
 * RISK_RETRAIN_STALE: the result would bring back the lexicon just replaced). A failed or timed-out worker
 * saves nothing. The slot is freed in every case.
 */
export async function riskModelRetrainer(props: {
  services: Pick<Services, "db" | "cipher" | "clock">;
  actor: StaffActor;
  origin: AuditOrigin;
  training?: RiskTrainingOptions;
}): Promise<RiskLexiconVersionView> {
  const { services, actor, origin, training } = props;
  const runId = randomUUID();
  const now = services.clock.now();
  const timeoutMs = training?.timeoutMs ?? riskTrainingTimeoutMs;
  const { active, corpus } = await services.db.transaction(async (tx) => {
    await lockRiskLexicon(tx);
    const active = await activeRiskLexiconVersion(tx);
    if (!active) throw new AppError(409, "RISK_LEXICON_NONE_ACTIVE");
    const until = new Date(now.getTime() + timeoutMs + 60_000).toISOString();
    await claimRiskRetrain(tx, { runId, actorId: actor.id, startedAt: now.toISOString(), until }, now);
    return { active, corpus: await riskGateCorpus(tx, services.cipher) };
  });
  try {
    const feedbackRows = corpus.rows.filter((row) => row.source === "feedback").length;
    const stamp = now.toISOString().slice(0, 16).replace(/[-:T]/g, "");
    const { model, evaluation } = await runRiskTraining(
      { lexicon: active.content, rows: corpus.rows, heldOut: corpus.heldOut, modelVersion: `model-${corpus.rows.length}-${stamp}` },
      { ...training, timeoutMs },
    );
    return await services.db.transaction(async (tx) => {
      await lockRiskLexicon(tx);
      if ((await activeRiskLexiconVersion(tx))?.id !== active.id) throw new AppError(409, "RISK_RETRAIN_STALE");
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
      await releaseRiskRetrain(tx, runId);
      return presentRiskLexiconVersion(row!, actor.displayName);
    });
  } finally {
    // after a failure, or if the save's own release did not commit; a no-op after a save
    await releaseRiskRetrain(services.db, runId);
  }
}
