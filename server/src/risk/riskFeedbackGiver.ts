import { and, eq } from "drizzle-orm";
import type { RiskFeedbackView } from "@xinyuan/shared";
import { giveRiskFeedbackBody } from "@xinyuan/shared";
import type { z } from "zod";
import type { DbOrTx } from "../db/database";
import { riskFeedback } from "../db/schema";
import type { StaffActor } from "../auth/actor";
import { recordAudit, type AuditOrigin } from "../audit/recordAudit";
import { riskFeedbackSourceText } from "./riskFeedbackSources";
import { presentRiskFeedback } from "./riskFeedbackViews";

/**
 * Records a counsellor's 标记为风险 / 误报 on a chat line or letter they may see. The message's ciphertext is copied
 * as is (it never leaves encryption here); the review queue decrypts it one item at a time, audited.
 * Idempotent per (message, person, kind): giving the same feedback twice returns the first.
 */
export async function riskFeedbackGiver(props: {
  tx: DbOrTx;
  actor: StaffActor;
  origin: AuditOrigin;
  input: z.infer<typeof giveRiskFeedbackBody>;
}): Promise<{ feedback: RiskFeedbackView; created: boolean }> {
  const { tx, actor, origin, input } = props;
  const { sourceId, textEnc, detectedLevel, detectedCategories } = await riskFeedbackSourceText(tx, actor, input.source);
  const [inserted] = await tx
    .insert(riskFeedback)
    .values({
      kind: input.kind,
      sourceKind: input.source.kind,
      sourceId,
      textEnc,
      detectedLevel,
      detectedCategories,
      suggestedCategories: input.kind === "missed" ? input.categories : [],
      comment: input.comment,
      staffId: actor.id,
    })
    .onConflictDoNothing()
    .returning();
  const row =
    inserted ??
    (
      await tx
        .select()
        .from(riskFeedback)
        .where(and(eq(riskFeedback.sourceKind, input.source.kind), eq(riskFeedback.sourceId, sourceId), eq(riskFeedback.staffId, actor.id), eq(riskFeedback.kind, input.kind)))
        .limit(1)
    )[0];
  if (inserted) await recordAudit(tx, origin, { action: "risk_feedback.create", targetType: "risk_feedback", targetId: inserted.id, detail: { kind: input.kind, sourceKind: input.source.kind, sourceId } });
  return { feedback: presentRiskFeedback(row!, actor.displayName), created: Boolean(inserted) };
}
