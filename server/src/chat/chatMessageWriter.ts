import { randomUUID } from "node:crypto";
import { and, asc, eq, gt } from "drizzle-orm";
import { chatSystemLines, higherRiskLevel, type RiskLevel, type RiskSignalCategory } from "@xinyuan/shared";
import { chatMessages, conversations } from "../db/schema";
import type { DbOrTx } from "../db/database";
import type { FieldCipher } from "../crypto/fieldCipher";
import type { RiskAssessment } from "../risk/riskDetector";
import { lockConversation, type ConversationRow } from "./conversationQueries";
import type { ChatEffects } from "./chatEffects";

export type { ChatMessageRow } from "../db/schema";
import type { ChatMessageRow } from "../db/schema";
import { sealed } from "../crypto/sealedColumns";
export type ChatSenderRef = { type: "user" | "staff"; id: string } | { type: "system" };

export interface AppendChatMessageInput {
  conversationId: string;
  sender: ChatSenderRef;
  /** The client's id; system lines get a fresh one. */
  clientMessageId?: string;
  body: string;
  now: Date;
  /** Detection result for a student's message. */
  risk?: RiskAssessment;
  /** Checks the locked conversation before anything is written (membership, status); throws to refuse. */
  authorize?: (conversation: ConversationRow) => void;
  /** Last check before a new message is written (the per-sender rate), inside the transaction. */
  beforeInsert?: (tx: DbOrTx) => Promise<void>;
}

export async function findMessageByClientId(db: DbOrTx, conversationId: string, sender: { type: "user" | "staff"; id: string }, clientMessageId: string): Promise<ChatMessageRow | undefined> {
  const [row] = await db
    .select()
    .from(chatMessages)
    .where(and(eq(chatMessages.conversationId, conversationId), eq(chatMessages.senderType, sender.type), eq(chatMessages.senderId, sender.id), eq(chatMessages.clientMessageId, clientMessageId)))
    .limit(1);
  return row;
}

/**
 * The one place a message enters a conversation. Locks the conversation row, returns the already
 * stored message for a repeated clientMessageId, otherwise takes the next seq from the row's counter
 * and inserts, all in the caller's transaction, so the ack that follows the commit is never a lie.
 * A student's message with detected risk raises the conversation's level (never lowers it).
 */
export async function appendChatMessage(tx: DbOrTx, cipher: FieldCipher, input: AppendChatMessageInput, effects: ChatEffects): Promise<{ message: ChatMessageRow; created: boolean }> {
  const conversation = await lockConversation(tx, input.conversationId);
  const { sender } = input;
  if (sender.type !== "system" && input.clientMessageId) {
    const existing = await findMessageByClientId(tx, conversation.id, sender, input.clientMessageId);
    if (existing) return { message: existing, created: false };
  }
  input.authorize?.(conversation);
  await input.beforeInsert?.(tx);

  const seq = conversation.lastSeq + 1;
  const isSpeech = sender.type !== "system";
  const risk = input.risk && input.risk.level !== "none" ? input.risk : undefined;
  const raisedLevel: RiskLevel = risk ? higherRiskLevel(conversation.riskLevel as RiskLevel, risk.level) : (conversation.riskLevel as RiskLevel);
  const categories = risk ? [...new Set<RiskSignalCategory>([...(conversation.riskCategories as RiskSignalCategory[]), ...risk.categories])] : conversation.riskCategories;
  await tx
    .update(conversations)
    .set({
      lastSeq: seq,
      ...(isSpeech ? { lastActivityAt: input.now, idleReminderSentAt: null } : {}),
      ...(risk ? { riskLevel: raisedLevel, riskCategories: categories, ...(raisedLevel !== conversation.riskLevel ? { riskRaisedAt: input.now } : {}) } : {}),
    })
    .where(eq(conversations.id, conversation.id));
  const [message] = await tx
    .insert(chatMessages)
    .values({
      conversationId: conversation.id,
      seq,
      senderType: sender.type,
      senderId: sender.type === "system" ? null : sender.id,
      clientMessageId: sender.type === "system" || !input.clientMessageId ? `sys-${randomUUID()}` : input.clientMessageId,
      bodyEnc: cipher.encrypt(input.body, sealed.chatMessageBody.at({ conversationId: conversation.id, seq })),
      riskLevel: sender.type === "user" ? (risk?.level ?? "none") : null,
      riskCategories: risk?.categories ?? [],
      createdAt: input.now,
    })
    .returning();
  effects.messages.push(message!);
  effects.routing.set(conversation.id, { userId: conversation.userId, assignedStaffId: conversation.assignedStaffId, status: conversation.status });
  if (risk) {
    effects.risks.push({ conversationId: conversation.id, seq, level: risk.level, categories: risk.categories });
    if (conversation.status === "waiting") effects.queueChanged = true;
  }
  const seriousNow = isSerious(raisedLevel) && !isSerious(conversation.riskLevel as RiskLevel);
  if (sender.type === "user" && seriousNow) {
    // The student also gets help right away, whether or not a counsellor is there yet.
    await appendSystemLine(tx, cipher, conversation.id, chatSystemLines.safetyNote, input.now, effects);
  }
  return { message: message!, created: true };
}

const isSerious = (level: RiskLevel) => level === "high" || level === "imminent";

/** A line the server writes into the stream (both sides see it). */
export async function appendSystemLine(tx: DbOrTx, cipher: FieldCipher, conversationId: string, body: string, now: Date, effects: ChatEffects): Promise<void> {
  await appendChatMessage(tx, cipher, { conversationId, sender: { type: "system" }, body, now }, effects);
}

/** Messages after a seq, in order, one page (plus one to know whether there is more). */
export async function messagesAfter(db: DbOrTx, conversationId: string, afterSeq: number, limit: number): Promise<{ rows: ChatMessageRow[]; hasMore: boolean }> {
  const rows = await db
    .select()
    .from(chatMessages)
    .where(and(eq(chatMessages.conversationId, conversationId), gt(chatMessages.seq, afterSeq)))
    .orderBy(asc(chatMessages.seq))
    .limit(limit + 1);
  return { rows: rows.slice(0, limit), hasMore: rows.length > limit };
}
