import { eq } from "drizzle-orm";
import { chatSystemLines, type ChatCloseReason, type EndChatBody, type RateChatBody } from "@xinyuan/shared";
import { conversations } from "../db/schema";
import type { DbOrTx } from "../db/database";
import type { Services } from "../services";
import type { StaffActor, UserActor } from "../auth/actor";
import type { AuditOrigin } from "../audit/recordAudit";
import { recordAudit } from "../audit/recordAudit";
import { AppError } from "../http/errors";
import { contactRecorder } from "../contacts/contactRecorder";
import { appendSystemLine } from "./chatMessageWriter";
import type { ChatEffects } from "./chatEffects";
import { runChatCommand } from "./chatEffectsFlusher";
import { lockConversation, type ConversationRow } from "./conversationQueries";
import { requireOwnConversation, requireStaffChatAccess } from "./chatPolicy";
import { staffRoom } from "./chatRooms";
import { ratingOffered } from "./presentConversation";
import { sealed } from "../crypto/sealedColumns";

const closingLines: Record<ChatCloseReason, string> = { user_ended: chatSystemLines.closedByUser, staff_ended: chatSystemLines.closedByStaff, idle: chatSystemLines.closedIdle };
const closedBy: Record<ChatCloseReason, "user" | "staff" | "system"> = { user_ended: "user", staff_ended: "staff", idle: "system" };

/**
 * Closes a locked conversation: a closing line in the stream, status closed. The assigned counsellor
 * stays on the row (they still write the outcome record); their capacity frees up, so the queue is routed.
 */
export async function closeConversation(tx: DbOrTx, services: Services, conversation: ConversationRow, reason: ChatCloseReason, now: Date, effects: ChatEffects): Promise<void> {
  await appendSystemLine(tx, services.cipher, conversation.id, closingLines[reason], now, effects);
  await tx.update(conversations).set({ status: "closed", closedAt: now, closedBy: closedBy[reason], closeReason: reason, notifyOpenidEnc: null }).where(eq(conversations.id, conversation.id));
  effects.statusChanged.add(conversation.id);
  if (conversation.assignedStaffId) effects.unassigned.push({ staffId: conversation.assignedStaffId, conversationId: conversation.id, reason: "closed" });
  if (conversation.status === "waiting") effects.queueChanged = true;
  effects.dispatch = true;
}

/** The student ends the chat, any time. Ending twice is fine. */
export async function userChatEnder(props: { services: Services; actor: UserActor; conversationId: string }): Promise<void> {
  const { services, actor, conversationId } = props;
  await runChatCommand(services, async (tx, effects, now) => {
    const conversation = await lockConversation(tx, conversationId);
    requireOwnConversation(actor, conversation);
    if (conversation.status === "closed") return;
    await closeConversation(tx, services, conversation, "user_ended", now, effects);
  });
}

/**
 * The counsellor ends the chat with its contact record (channel "online", same taxonomy and risk
 * levels as the hotline). If the student or the idle timer closed it first, this only writes the record.
 */
export async function staffChatEnder(props: { services: Services; actor: StaffActor; conversationId: string; body: EndChatBody; origin: AuditOrigin }): Promise<void> {
  const { services, actor, conversationId, body, origin } = props;
  await runChatCommand(services, async (tx, effects, now) => {
    const conversation = await lockConversation(tx, conversationId);
    if (requireStaffChatAccess(actor, conversation) !== "assigned") throw new AppError(403, "CHAT_READ_ONLY");
    if (conversation.contactRecordId) return;
    if (conversation.status !== "closed") await closeConversation(tx, services, conversation, "staff_ended", now, effects);
    const record = await contactRecorder({ tx, cipher: services.cipher, origin, channel: "online", staffId: actor.id, userId: conversation.userId, source: { type: "chat_conversation", id: conversation.id }, body: body.outcome, now });
    await tx.update(conversations).set({ contactRecordId: record.id }).where(eq(conversations.id, conversation.id));
    await recordAudit(tx, origin, { action: "chat.end", targetType: "conversation", targetId: conversation.id, detail: { contactRecordId: record.id } });
  });
}

/** The student rates a closed chat once: 1-5 and an optional comment (encrypted). */
export async function chatRater(props: { services: Services; actor: UserActor; conversationId: string; body: RateChatBody }): Promise<void> {
  const { services, actor, conversationId, body } = props;
  await services.db.transaction(async (tx) => {
    const conversation = await lockConversation(tx, conversationId);
    requireOwnConversation(actor, conversation);
    if (conversation.status !== "closed") throw new AppError(409, "CHAT_NOT_CLOSED");
    if (conversation.rating !== null) throw new AppError(409, "CHAT_ALREADY_RATED");
    if (!ratingOffered(conversation)) throw new AppError(409, "CHAT_RATING_NOT_OFFERED");
    await tx
      .update(conversations)
      .set({ rating: body.score, ratingCommentEnc: body.comment ? services.cipher.encrypt(body.comment, sealed.conversationRatingComment.at(conversation)) : null, ratedAt: services.clock.now() })
      .where(eq(conversations.id, conversation.id));
  });
  const [row] = await services.db.select({ staffId: conversations.assignedStaffId }).from(conversations).where(eq(conversations.id, conversationId)).limit(1);
  if (row?.staffId) services.realtime.emit(staffRoom(row.staffId), "changed", { resource: "chat", id: conversationId });
}
