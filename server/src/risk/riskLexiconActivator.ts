import { eq } from "drizzle-orm";
import type { RiskLexiconEvaluationView, RiskLexiconVersionView } from "@xinyuan/shared";
import type { DbOrTx } from "../db/database";
import { riskLexiconVersions, staff } from "../db/schema";
import type { Services } from "../services";
import { AppError } from "../http/errors";
import { recordAudit, type AuditOrigin } from "../audit/recordAudit";
import { compileRiskLexiconOrRefuse } from "./riskLexiconCompiler";
import { evaluateRiskLexicon, riskGateCorpus } from "./riskLexiconEvaluator";
import { lockRiskLexicon } from "./riskLexiconSaver";
import { activeRiskLexiconVersion, presentRiskLexiconVersion } from "./riskLexiconVersionViews";

/**
 * Makes a version the one every server uses. It is measured again on today's corpus (rows may have been
 * added since it was saved) and refused unless it passes the gate: a lexicon that finds fewer students in
 * danger never goes live by a click. Idempotent: activating the active version changes nothing.
 * Servers pick the change up from the database (riskLexiconReloader), this one at once after commit.
 * A refusal is returned, not thrown, so its audit row commits; the route answers 409.
 */
export async function riskLexiconActivator(props: {
  tx: DbOrTx;
  services: Pick<Services, "cipher" | "clock">;
  actorId: string;
  origin: AuditOrigin;
  versionId: string;
}): Promise<{ outcome: "activated"; version: RiskLexiconVersionView } | { outcome: "refused"; evaluation: RiskLexiconEvaluationView }> {
  const { tx, services, actorId, origin, versionId } = props;
  await lockRiskLexicon(tx);
  const [row] = await tx.select().from(riskLexiconVersions).where(eq(riskLexiconVersions.id, versionId)).limit(1);
  if (!row) throw new AppError(404, "RISK_LEXICON_NOT_FOUND");
  const [author] = row.authorId ? await tx.select({ name: staff.displayName }).from(staff).where(eq(staff.id, row.authorId)).limit(1) : [];
  if (row.isActive) return { outcome: "activated", version: presentRiskLexiconVersion(row, author?.name ?? null) };
  const evaluation = evaluateRiskLexicon(compileRiskLexiconOrRefuse(row.content, row.model), await riskGateCorpus(tx, services.cipher));
  if (!evaluation.passesGate) {
    await recordAudit(tx, origin, { action: "risk_lexicon.activate_refused", targetType: "risk_lexicon_version", targetId: row.id, detail: { recall: evaluation.overall.recall, falseAlarmRate: evaluation.overall.falseAlarmRate } });
    return { outcome: "refused", evaluation };
  }
  const previous = await activeRiskLexiconVersion(tx);
  if (previous) await tx.update(riskLexiconVersions).set({ isActive: false }).where(eq(riskLexiconVersions.id, previous.id));
  const [activated] = await tx
    .update(riskLexiconVersions)
    .set({ isActive: true, activatedAt: services.clock.now(), activatedBy: actorId })
    .where(eq(riskLexiconVersions.id, row.id))
    .returning();
  await recordAudit(tx, origin, {
    action: "risk_lexicon.activate",
    targetType: "risk_lexicon_version",
    targetId: row.id,
    detail: { number: row.number, previousId: previous?.id ?? null, previousNumber: previous?.number ?? null, recall: evaluation.overall.recall, falseAlarmRate: evaluation.overall.falseAlarmRate },
  });
  return { outcome: "activated", version: presentRiskLexiconVersion(activated!, author?.name ?? null) };
}
