import { and, count, desc, eq, ne } from "drizzle-orm";
import type {
  ChatCloseReason,
  ChatCursorsView,
  ChatQueueEntryView,
  ChatSender,
  ConversationStatus,
  RiskLevel,
  StoredRiskSignalCategory,
  StaffChatMessageView,
  StaffConversationView,
  UserChatMessageView,
  UserConversationView,
} from "@xinyuan/shared";
import { riskLevelRank } from "@xinyuan/shared";
import { appUsers, chatCursors, chatMessages, conversations } from "../db/schema";
import type { DbOrTx } from "../db/database";
import type { FieldCipher } from "../crypto/fieldCipher";
import type { ConversationRow } from "./conversationQueries";
import { queuePositions } from "./conversationQueries";
import { staffNamesOf } from "./presentChatMessage";
import { sealed } from "../crypto/sealedColumns";

export async function loadCursors(db: DbOrTx, conversationId: string): Promise<ChatCursorsView> {
  const rows = await db.select().from(chatCursors).where(eq(chatCursors.conversationId, conversationId));
  const side = (name: "user" | "staff") => {
    const row = rows.find((entry) => entry.side === name);
    return { deliveredSeq: row?.deliveredSeq ?? 0, readSeq: row?.readSeq ?? 0 };
  };
  return { user: side("user"), staff: side("staff") };
}

async function aliasOf(db: DbOrTx, userId: string): Promise<string> {
  const [row] = await db.select({ alias: appUsers.alias }).from(appUsers).where(eq(appUsers.id, userId)).limit(1);
  return row?.alias ?? "";
}

async function lastPreview(db: DbOrTx, cipher: FieldCipher, conversationId: string): Promise<string | null> {
  const [row] = await db.select({ bodyEnc: chatMessages.bodyEnc, seq: chatMessages.seq }).from(chatMessages).where(eq(chatMessages.conversationId, conversationId)).orderBy(desc(chatMessages.seq)).limit(1);
  return row ? cipher.decrypt(row.bodyEnc, sealed.chatMessageBody.at({ conversationId, seq: row.seq })).slice(0, 40) : null;
}

/** No 1-5 rating prompt after a chat where the student's words suggested serious risk. */
export function ratingOffered(row: ConversationRow): boolean {
  return row.status === "closed" && row.rating === null && riskLevelRank[row.riskLevel as RiskLevel] < riskLevelRank.high;
}

function ratingOf(row: ConversationRow, cipher: FieldCipher): { score: number; comment: string | null } | null {
  return row.rating === null ? null : { score: row.rating, comment: row.ratingCommentEnc ? cipher.decrypt(row.ratingCommentEnc, sealed.conversationRatingComment.at(row)) : null };
}

/** The student's view of their own conversation. */
export async function presentUserConversation(db: DbOrTx, cipher: FieldCipher, row: ConversationRow, positions?: Map<string, { position: number }>): Promise<UserConversationView> {
  const position = row.status === "waiting" ? ((positions ?? (await queuePositions(db))).get(row.id)?.position ?? null) : null;
  return {
    id: row.id,
    alias: await aliasOf(db, row.userId),
    status: row.status as ConversationStatus,
    queuePosition: position,
    heldForNextShift: row.heldForNextShift,
    withCounsellor: row.status === "active" && row.acceptedAt !== null,
    counsellorComing: row.status === "active" && row.acceptedAt === null,
    lastSeq: row.lastSeq,
    cursors: await loadCursors(db, row.id),
    lastMessagePreview: await lastPreview(db, cipher, row.id),
    createdAt: row.createdAt.toISOString(),
    closedAt: row.closedAt?.toISOString() ?? null,
    closedBy: (row.closedBy as UserConversationView["closedBy"]) ?? null,
    rating: ratingOf(row, cipher),
    canRate: ratingOffered(row),
    replyReminder: row.notifyOpenidEnc !== null,
  };
}

/** A staff member's view: the alias only, never the user's id, openid or phone. */
export async function presentStaffConversation(db: DbOrTx, cipher: FieldCipher, row: ConversationRow, positions?: Map<string, { position: number }>): Promise<StaffConversationView> {
  const position = row.status === "waiting" ? ((positions ?? (await queuePositions(db))).get(row.id)?.position ?? null) : null;
  const names = await staffNamesOf(db, [row.assignedStaffId]);
  const [earlier] = await db.select({ count: count() }).from(conversations).where(and(eq(conversations.userId, row.userId), ne(conversations.id, row.id)));
  return {
    id: row.id,
    alias: await aliasOf(db, row.userId),
    status: row.status as ConversationStatus,
    riskLevel: row.riskLevel as RiskLevel,
    riskCategories: row.riskCategories as StoredRiskSignalCategory[],
    assignedStaffId: row.assignedStaffId,
    assignedStaffName: row.assignedStaffId ? (names.get(row.assignedStaffId) ?? null) : null,
    queuedAt: row.queuedAt.toISOString(),
    queuePosition: position,
    returnedToQueue: row.returnedToQueue,
    queueTarget: row.queueTarget as StaffConversationView["queueTarget"],
    heldForNextShift: row.heldForNextShift,
    acceptedAt: row.acceptedAt?.toISOString() ?? null,
    lastSeq: row.lastSeq,
    lastActivityAt: row.lastActivityAt.toISOString(),
    cursors: await loadCursors(db, row.id),
    createdAt: row.createdAt.toISOString(),
    closedAt: row.closedAt?.toISOString() ?? null,
    closeReason: (row.closeReason as StaffConversationView["closeReason"]) ?? null,
    rating: ratingOf(row, cipher),
    earlierCount: Number(earlier?.count ?? 0),
    recordDue: row.status === "closed" && row.assignedStaffId !== null && row.contactRecordId === null,
  };
}

export function presentQueueEntry(row: ConversationRow, alias: string, position: number): ChatQueueEntryView {
  return {
    conversationId: row.id,
    alias,
    position,
    riskLevel: row.riskLevel as RiskLevel,
    returnedToQueue: row.returnedToQueue,
    queueTarget: row.queueTarget as ChatQueueEntryView["queueTarget"],
    heldForNextShift: row.heldForNextShift,
    queuedAt: row.queuedAt.toISOString(),
  };
}
