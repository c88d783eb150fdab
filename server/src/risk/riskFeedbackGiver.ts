import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { RiskFeedbackView } from "@xinyuan/shared";
import { giveRiskFeedbackBody } from "@xinyuan/shared";
import type { z } from "zod";
import type { DbOrTx } from "../db/database";
import type { FieldCipher } from "../crypto/fieldCipher";
import { riskFeedback } from "../db/schema";
import type { StaffActor } from "../auth/actor";
import { recordAudit, type AuditOrigin } from "../audit/recordAudit";
import { riskFeedbackSourceText } from "./riskFeedbackSources";
import { presentRiskFeedback } from "./riskFeedbackViews";
import { sealed } from "../crypto/sealedColumns";

/**
 * Records a counsellor's 标记为风险 / 误报 on a chat line, letter or call-back topic they may see (where it
 * lives, or from a crisis case that shows it). The text is
 * re-sealed to the feedback row (a ciphertext is bound to its row, so it cannot be copied as is); the review
 * queue decrypts it one item at a time, audited.
 * Idempotent per (message, person, kind): giving the same feedback twice returns the first.
 */
export async function riskFeedbackGiver(props: {
  tx: DbOrTx;
  cipher: FieldCipher;
  actor: StaffActor;
  origin: AuditOrigin;
  input: z.infer<typeof giveRiskFeedbackBody>;
}): Promise<{ feedback: RiskFeedbackView; created: boolean }> {
  const { tx, cipher, actor, origin, input } = props;
  const source = await riskFeedbackSourceText(tx, actor, input.source);
  const { sourceKind, sourceId, detectedLevel, detectedCategories } = source;
  const id = randomUUID();
  const [inserted] = await tx
    .insert(riskFeedback)
    .values({
      id,
      kind: input.kind,
      sourceKind,
      sourceId,
      textEnc: cipher.encrypt(cipher.decrypt(source.textEnc, source.place), sealed.riskFeedbackText.at({ id })),
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
        .where(and(eq(riskFeedback.sourceKind, sourceKind), eq(riskFeedback.sourceId, sourceId), eq(riskFeedback.staffId, actor.id), eq(riskFeedback.kind, input.kind)))
        .limit(1)
    )[0];
  if (inserted) await recordAudit(tx, origin, { action: "risk_feedback.create", targetType: "risk_feedback", targetId: inserted.id, detail: { kind: input.kind, sourceKind, sourceId, ...(input.source.kind === "case_source" ? { viaCase: input.source.caseId } : {}) } });
  return { feedback: presentRiskFeedback(row!, actor.displayName), created: Boolean(inserted) };
}
