import { eq, max, sql } from "drizzle-orm";
import type { RiskLexiconVersionView } from "@xinyuan/shared";
import type { DbOrTx } from "../db/database";
import { riskLexiconVersions } from "../db/schema";
import type { Services } from "../services";
import type { StaffActor } from "../auth/actor";
import { recordAudit, type AuditOrigin } from "../audit/recordAudit";
import { compileRiskLexiconOrRefuse } from "./riskLexiconCompiler";
import { evaluateRiskLexicon, riskGateCorpus } from "./riskLexiconEvaluator";
import { activeRiskLexiconVersion, presentRiskLexiconVersion } from "./riskLexiconVersionViews";

/** Serialises version numbering and activation across server processes (works on PGlite and PostgreSQL). */
export async function lockRiskLexicon(tx: DbOrTx): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('risk_lexicon_versions'))`);
}

/** The next version number; call under lockRiskLexicon. */
export async function nextRiskLexiconNumber(tx: DbOrTx): Promise<number> {
  const [row] = await tx.select({ highest: max(riskLexiconVersions.number) }).from(riskLexiconVersions);
  return (row?.highest ?? 0) + 1;
}

/**
 * The learned model an edit keeps: the one of the version it is based on, else the active version's
 * (a lexicon edit never drops the model; a retrain makes a new model).
 */
export async function riskModelForEdit(tx: DbOrTx, basedOnId: string | undefined): Promise<unknown> {
  if (basedOnId) {
    const [based] = await tx.select({ model: riskLexiconVersions.model }).from(riskLexiconVersions).where(eq(riskLexiconVersions.id, basedOnId)).limit(1);
    if (based) return based.model;
  }
  return (await activeRiskLexiconVersion(tx))?.model ?? null;
}

/**
 * Saves a supervisor's edit as a new, inactive version with its corpus figures (measured with the model
 * it keeps, riskModelForEdit). Versions are never changed afterwards; activation is a separate, gated step.
 */
export async function riskLexiconSaver(props: {
  tx: DbOrTx;
  services: Pick<Services, "cipher">;
  actor: StaffActor;
  origin: AuditOrigin;
  input: { content: Record<string, unknown>; note: string; basedOnId?: string };
}): Promise<RiskLexiconVersionView> {
  const { tx, services, actor, origin, input } = props;
  const model = await riskModelForEdit(tx, input.basedOnId);
  const detector = compileRiskLexiconOrRefuse(input.content, model);
  const evaluation = evaluateRiskLexicon(detector, await riskGateCorpus(tx, services.cipher));
  await lockRiskLexicon(tx);
  const number = await nextRiskLexiconNumber(tx);
  const label = typeof input.content.version === "string" ? input.content.version : `v${number}`;
  const [row] = await tx
    .insert(riskLexiconVersions)
    .values({ number, label, content: input.content, model, note: input.note, authorId: actor.id, basedOnId: input.basedOnId ?? null, evaluation })
    .returning();
  await recordAudit(tx, origin, {
    action: "risk_lexicon.create",
    targetType: "risk_lexicon_version",
    targetId: row!.id,
    detail: { number, label, recall: evaluation.overall.recall, falseAlarmRate: evaluation.overall.falseAlarmRate, passesGate: evaluation.passesGate },
  });
  return presentRiskLexiconVersion(row!, actor.displayName);
}
