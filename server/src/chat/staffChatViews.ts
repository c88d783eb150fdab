import { and, asc, desc, eq, isNull, lte, ne } from "drizzle-orm";
import type { ChatNoteView, ChatQueueEntryView, ChatResumeResult, ChatTransferView, StaffConversationView } from "@xinyuan/shared";
import { appUsers, chatNotes, chatTransfers, conversations } from "../db/schema";
import type { DbOrTx } from "../db/database";
import type { Services } from "../services";
import type { StaffActor } from "../auth/actor";
import { recordAudit, type AuditOrigin } from "../audit/recordAudit";
import { NotFoundError } from "../http/errors";
import { findConversation, queueOrder, queuePositions, type ConversationRow } from "./conversationQueries";
import { requireStaffChatAccess } from "./chatPolicy";
import { messagesAfter } from "./chatMessageWriter";
import { presentStaffMessages, staffNamesOf } from "./presentChatMessage";
import { loadCursors, presentQueueEntry, presentStaffConversation } from "./presentConversation";
import { sealed } from "../crypto/sealedColumns";

/** A supervisor's look into a chat that is not theirs, audited under this action. */
export type SuperviseAction = "chat.supervise.open" | "chat.supervise.read" | "chat.supervise.transfers" | "chat.supervise.notes" | "chat.supervise.note";

/**
 * Loads a conversation the staff member may see (assigned to them, or any for a county supervisor);
 * anyone else learns nothing (404). A supervisor's look is audited (read-only).
 */
export async function staffConversation(props: { services: Services; actor: StaffActor; conversationId: string; origin: AuditOrigin; action: SuperviseAction }): Promise<ConversationRow> {
  const { services, actor, conversationId, origin, action } = props;
  const conversation = await findConversation(services.db, conversationId);
  if (!conversation) throw NotFoundError("CHAT_NOT_FOUND");
  const access = requireStaffChatAccess(actor, conversation);
  if (access === "supervisor") await recordAudit(services.db, origin, { action, targetType: "conversation", targetId: conversation.id });
  return conversation;
}

/**
 * The conversation whose earlier chats (same alias, started before it) a staff member asks to see: the
 * counsellor serving it while it is open, or a supervisor (audited). A counsellor's access to the
 * student's history ends with the conversation: a closed chat is no door into later or other ones.
 */
export async function earlierChatsAnchor(props: { services: Services; actor: StaffActor; conversationId: string; origin: AuditOrigin }): Promise<ConversationRow> {
  const conversation = await staffConversation({ ...props, action: "chat.supervise.open" });
  const supervising = requireStaffChatAccess(props.actor, conversation) === "supervisor";
  if (!supervising && conversation.status === "closed") throw NotFoundError("CHAT_NOT_FOUND");
  return conversation;
}

/** The student's earlier conversations before the anchor, newest first; the listing is audited. */
export async function earlierChats(props: { services: Services; anchor: ConversationRow; origin: AuditOrigin }): Promise<StaffConversationView[]> {
  const { services, anchor, origin } = props;
  const { db, cipher } = services;
  const rows = await db
    .select()
    .from(conversations)
    .where(and(eq(conversations.userId, anchor.userId), ne(conversations.id, anchor.id), lte(conversations.createdAt, anchor.createdAt)))
    .orderBy(desc(conversations.createdAt))
    .limit(50);
  await recordAudit(db, origin, { action: "chat.history.list", targetType: "conversation", targetId: anchor.id, detail: { earlier: rows.map((row) => row.id) } });
  return Promise.all(rows.map((row) => presentStaffConversation(db, cipher, row)));
}

/** Messages of one earlier conversation of the same student; the read is audited. */
export async function earlierChatMessages(props: { services: Services; anchor: ConversationRow; earlierId: string; afterSeq: number; limit: number; origin: AuditOrigin }): Promise<ChatResumeResult> {
  const { services, anchor, earlierId, afterSeq, limit, origin } = props;
  const { db, cipher } = services;
  const earlier = await findConversation(db, earlierId);
  if (!earlier || earlier.userId !== anchor.userId || earlier.id === anchor.id || earlier.createdAt > anchor.createdAt) throw NotFoundError("CHAT_NOT_FOUND");
  await recordAudit(db, origin, { action: "chat.history.read", targetType: "conversation", targetId: earlier.id, detail: { from: anchor.id } });
  const { rows, hasMore } = await messagesAfter(db, earlier.id, afterSeq, limit);
  return { messages: await presentStaffMessages(db, cipher, rows), hasMore, lastSeq: earlier.lastSeq, status: earlier.status as ChatResumeResult["status"], cursors: await loadCursors(db, earlier.id) };
}

/** The waiting queue in routing order, with aliases. */
export async function chatQueue(db: DbOrTx): Promise<ChatQueueEntryView[]> {
  const rows = await db.select({ conversation: conversations, alias: appUsers.alias }).from(conversations).innerJoin(appUsers, eq(appUsers.id, conversations.userId)).where(eq(conversations.status, "waiting")).orderBy(...queueOrder).limit(200);
  return rows.map((row, index) => presentQueueEntry(row.conversation, row.alias, index + 1));
}

/**
 * The counsellor's active chats, oldest assignment first, then their record tasks: chats that ended
 * (student, idle, account deletion) without the contact record, oldest first (recordDue).
 */
export async function assignedChats(services: Services, staffId: string): Promise<StaffConversationView[]> {
  const { db, cipher } = services;
  const active = await db.select().from(conversations).where(and(eq(conversations.assignedStaffId, staffId), eq(conversations.status, "active"))).orderBy(asc(conversations.assignedAt));
  const recordDue = await db
    .select()
    .from(conversations)
    .where(and(eq(conversations.assignedStaffId, staffId), eq(conversations.status, "closed"), isNull(conversations.contactRecordId)))
    .orderBy(asc(conversations.closedAt))
    .limit(100);
  return Promise.all([...active, ...recordDue].map((row) => presentStaffConversation(db, cipher, row)));
}

/** Every open chat, for county supervisors, with queue positions. */
export async function liveChats(services: Services): Promise<StaffConversationView[]> {
  const { db, cipher } = services;
  const rows = await db.select().from(conversations).where(ne(conversations.status, "closed")).orderBy(...queueOrder).limit(500);
  const positions = await queuePositions(db);
  return Promise.all(rows.map((row) => presentStaffConversation(db, cipher, row, positions)));
}

/** One conversation as staff see it, re-read (after a command changed it). */
export async function staffConversationView(services: Services, conversationId: string): Promise<StaffConversationView> {
  return presentStaffConversation(services.db, services.cipher, (await findConversation(services.db, conversationId))!);
}

/** A conversation's hand-overs, oldest first, with staff names and the decrypted note. */
export async function chatTransfersOf(services: Services, conversationId: string): Promise<ChatTransferView[]> {
  const { db, cipher } = services;
  const rows = await db.select().from(chatTransfers).where(eq(chatTransfers.conversationId, conversationId)).orderBy(asc(chatTransfers.createdAt));
  const names = await staffNamesOf(db, rows.flatMap((row) => [row.fromStaffId, row.toStaffId]));
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind as ChatTransferView["kind"],
    fromStaffName: row.fromStaffId ? (names.get(row.fromStaffId) ?? null) : null,
    toStaffName: row.toStaffId ? (names.get(row.toStaffId) ?? null) : null,
    toCentre: row.toCentre,
    note: row.noteEnc ? cipher.decrypt(row.noteEnc, sealed.chatTransferNote.at(row)) : null,
    createdAt: row.createdAt.toISOString(),
  }));
}

/** A conversation's private staff notes, oldest first. */
export async function chatNotesOf(services: Services, conversationId: string): Promise<ChatNoteView[]> {
  const { db, cipher } = services;
  const rows = await db.select().from(chatNotes).where(eq(chatNotes.conversationId, conversationId)).orderBy(asc(chatNotes.createdAt));
  const names = await staffNamesOf(db, rows.map((row) => row.staffId));
  return rows.map((row) => ({ id: row.id, staffName: names.get(row.staffId) ?? "", body: cipher.decrypt(row.bodyEnc, sealed.chatNoteBody.at(row)), createdAt: row.createdAt.toISOString() }));
}
