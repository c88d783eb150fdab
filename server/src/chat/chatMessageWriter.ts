import { randomUUID } from "node:crypto";
import { and, asc, eq, gt, sql, type SQL } from "drizzle-orm";
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
  /**
   * Last check before a new message is written (the per-sender rate), inside the transaction. With
   * `recentSince`, it gets the sender's message times (ms) since then, read with the resend lookup.
   */
  beforeInsert?: (tx: DbOrTx, recentMs?: number[]) => Promise<void>;
  /** Taken after the row lock, before the resend lookup (a counsellor's per-sender rate lock). */
  beforeLookup?: (tx: DbOrTx) => Promise<void>;
  /** Read the sender's messages since then together with the resend lookup (one statement, not two). */
  recentSince?: Date;
}

/**
 * The resend lookup and the sender's recent message times in one statement, run after the row lock
 * (and the sender's rate lock), so both see every send committed before it. A resend is rare: its
 * stored row is then read in full.
 */
async function lookupSend(tx: DbOrTx, conversationId: string, sender: { type: "user" | "staff"; id: string }, clientMessageId: string, recentSince: Date | undefined): Promise<{ existing: ChatMessageRow | undefined; recentMs: number[] | undefined }> {
  const result = await tx.execute(sql`
    SELECT (SELECT id FROM ${chatMessages} WHERE conversation_id = ${conversationId} AND sender_type = ${sender.type} AND sender_id = ${sender.id} AND client_message_id = ${clientMessageId} LIMIT 1) AS existing_id,
      ${recentSince ? sql`(SELECT json_agg(ms ORDER BY ms) FROM (SELECT extract(epoch FROM created_at) * 1000 AS ms FROM ${chatMessages} WHERE sender_type = ${sender.type} AND sender_id = ${sender.id} AND created_at > ${recentSince.toISOString()}::timestamptz) recent)` : sql`NULL`} AS recent`);
  const [row] = (result as unknown as { rows: Array<{ existing_id: number | string | null; recent: unknown }> }).rows;
  const existing = row?.existing_id != null ? await findMessageByClientId(tx, conversationId, sender, clientMessageId) : undefined;
  const recent = typeof row?.recent === "string" ? (JSON.parse(row.recent) as unknown) : row?.recent;
  return { existing, recentMs: recentSince ? (Array.isArray(recent) ? recent.map(Number) : []) : undefined };
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
  let recentMs: number[] | undefined;
  if (sender.type !== "system" && input.clientMessageId) {
    await input.beforeLookup?.(tx);
    const lookup = await lookupSend(tx, conversation.id, sender, input.clientMessageId, input.recentSince);
    if (lookup.existing) return { message: lookup.existing, created: false };
    recentMs = lookup.recentMs;
  }
  input.authorize?.(conversation);
  await input.beforeInsert?.(tx, recentMs);

  const seq = conversation.lastSeq + 1;
  const isSpeech = sender.type !== "system";
  const risk = input.risk && input.risk.level !== "none" ? input.risk : undefined;
  const raisedLevel: RiskLevel = risk ? higherRiskLevel(conversation.riskLevel as RiskLevel, risk.level) : (conversation.riskLevel as RiskLevel);
  const categories = risk ? [...new Set<RiskSignalCategory>([...(conversation.riskCategories as RiskSignalCategory[]), ...risk.categories])] : conversation.riskCategories;
  const row = {
    conversationId: conversation.id,
    seq,
    senderType: sender.type,
    senderId: sender.type === "system" ? null : sender.id,
    clientMessageId: sender.type === "system" || !input.clientMessageId ? `sys-${randomUUID()}` : input.clientMessageId,
    bodyEnc: cipher.encrypt(input.body, sealed.chatMessageBody.at({ conversationId: conversation.id, seq })),
    riskLevel: sender.type === "user" ? (risk?.level ?? "none") : null,
    riskCategories: risk?.categories ?? [],
    createdAt: input.now,
  };
  // The counter and the message in one statement (one round trip on the send path); the row lock
  // taken above still orders it, so seq stays gap-free and per-conversation unique.
  const sets = [sql`last_seq = ${seq}`];
  if (isSpeech) sets.push(sql`last_activity_at = ${input.now.toISOString()}::timestamptz`, sql`idle_reminder_sent_at = NULL`);
  if (risk) {
    sets.push(sql`risk_level = ${raisedLevel}`, sql`risk_categories = ${textArray(categories)}`);
    if (raisedLevel !== conversation.riskLevel) sets.push(sql`risk_raised_at = ${input.now.toISOString()}::timestamptz`);
  }
  const inserted = await tx.execute(sql`
    WITH bumped AS (UPDATE ${conversations} SET ${sql.join(sets, sql`, `)} WHERE id = ${conversation.id} RETURNING id)
    INSERT INTO ${chatMessages} (conversation_id, seq, sender_type, sender_id, client_message_id, body_enc, risk_level, risk_categories, created_at)
    SELECT bumped.id, ${seq}::int, ${row.senderType}::text, ${row.senderId}::uuid, ${row.clientMessageId}::text, ${row.bodyEnc}::text, ${row.riskLevel}::text, ${textArray(row.riskCategories)}, ${input.now.toISOString()}::timestamptz FROM bumped
    RETURNING id`);
  const [stored] = (inserted as unknown as { rows: Array<{ id: number | string }> }).rows;
  if (!stored) throw new Error(`conversation ${conversation.id} vanished while locked`);
  const message: ChatMessageRow = { id: Number(stored.id), ...row };
  effects.messages.push(message);
  effects.routing.set(conversation.id, { userId: conversation.userId, assignedStaffId: conversation.assignedStaffId, status: conversation.status, reminderArmed: conversation.notifyOpenidEnc !== null });
  if (risk) {
    effects.risks.push({ conversationId: conversation.id, seq, level: risk.level, categories: risk.categories });
    if (conversation.status === "waiting") effects.queueChanged = true;
  }
  const seriousNow = isSerious(raisedLevel) && !isSerious(conversation.riskLevel as RiskLevel);
  if (sender.type === "user" && seriousNow) {
    // The student also gets help right away, whether or not a counsellor is there yet.
    await appendSystemLine(tx, cipher, conversation.id, chatSystemLines.safetyNote, input.now, effects);
  }
  return { message, created: true };
}

/** A text[] parameter that both drivers (node-postgres, PGlite) pass the same way: JSON, unpacked in SQL. */
const textArray = (values: readonly string[]): SQL => sql`ARRAY(SELECT jsonb_array_elements_text(${JSON.stringify(values)}::jsonb))::text[]`;

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
