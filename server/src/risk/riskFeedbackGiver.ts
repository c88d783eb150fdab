import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { RiskFeedbackView } from "@xinyuan/shared";
import { giveRiskFeedbackBody } from "@xinyuan/shared";
import type { z } from "zod";
import type { DbOrTx } from "../db/database";
import type { FieldCipher } from "../crypto/fieldCipher";
import { chatMessages, riskFeedback } from "../db/schema";
import type { StaffActor } from "../auth/actor";
import { AppError } from "../http/errors";
import { recordAudit, type AuditOrigin } from "../audit/recordAudit";
import { findConversation } from "../chat/conversationQueries";
import { staffChatAccess } from "../chat/chatPolicy";
import { presentRiskFeedback } from "./riskFeedbackViews";
import { sealed } from "../crypto/sealedColumns";

/**
 * Records a counsellor's 标记为风险 / 误报 on a message they may see. The message's text is re-sealed to
 * the feedback row (a ciphertext is bound to its row, so it cannot be copied as is); the review queue
 * decrypts it one item at a time, audited.
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
  const conversation = await findConversation(tx, input.source.conversationId);
  if (!conversation || !staffChatAccess(actor, conversation)) throw new AppError(404, "RISK_FEEDBACK_SOURCE_NOT_FOUND");
  const [message] = await tx
    .select()
    .from(chatMessages)
    .where(and(eq(chatMessages.conversationId, conversation.id), eq(chatMessages.seq, input.source.seq)))
    .limit(1);
  if (!message || message.senderType !== "user") throw new AppError(404, "RISK_FEEDBACK_SOURCE_NOT_FOUND");
  const sourceId = `${conversation.id}/${message.seq}`;
  const id = randomUUID();
  const [inserted] = await tx
    .insert(riskFeedback)
    .values({
      id,
      kind: input.kind,
      sourceKind: input.source.kind,
      sourceId,
      textEnc: cipher.encrypt(cipher.decrypt(message.bodyEnc, sealed.chatMessageBody.at(message)), sealed.riskFeedbackText.at({ id })),
      detectedLevel: message.riskLevel ?? "none",
      detectedCategories: message.riskCategories,
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
