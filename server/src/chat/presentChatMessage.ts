import { inArray } from "drizzle-orm";
import type { RiskLevel, RiskSignalCategory, ChatSender, StaffChatMessageView, UserChatMessageView } from "@xinyuan/shared";
import { staff } from "../db/schema";
import type { DbOrTx } from "../db/database";
import type { FieldCipher } from "../crypto/fieldCipher";
import type { ChatMessageRow } from "./chatMessageWriter";
import { sealed } from "../crypto/sealedColumns";

/**
 * Shown instead of a message whose stored text does not open at its row (tampered with, or copied from
 * elsewhere): the rest of the conversation still reads, and no foreign text is shown.
 */
export const unreadableMessageText = "（这条消息无法读取）";

/** The student's copy of a message: no staff names, no risk flags. */
export function presentUserMessage(row: ChatMessageRow, cipher: FieldCipher): UserChatMessageView {
  const body = cipher.decryptOrNull(row.bodyEnc, sealed.chatMessageBody.at(row)) ?? unreadableMessageText;
  return { conversationId: row.conversationId, seq: row.seq, clientMessageId: row.clientMessageId, from: row.senderType as ChatSender, body, createdAt: row.createdAt.toISOString() };
}

export function presentStaffMessage(row: ChatMessageRow, cipher: FieldCipher, staffNames: Map<string, string>): StaffChatMessageView {
  return {
    ...presentUserMessage(row, cipher),
    staffName: row.senderType === "staff" && row.senderId ? (staffNames.get(row.senderId) ?? null) : null,
    riskLevel: (row.riskLevel as RiskLevel | null) ?? null,
    riskCategories: row.riskCategories as RiskSignalCategory[],
  };
}

/** Display names of the given staff ids; `known` ones (e.g. the sender's own) are not looked up. */
export async function staffNamesOf(db: DbOrTx, ids: Array<string | null | undefined>, known?: ReadonlyMap<string, string>): Promise<Map<string, string>> {
  const names = new Map(known);
  const wanted = [...new Set(ids.filter((id): id is string => Boolean(id) && !names.has(id!)))];
  if (wanted.length === 0) return names;
  const rows = await db.select({ id: staff.id, name: staff.displayName }).from(staff).where(inArray(staff.id, wanted));
  for (const row of rows) names.set(row.id, row.name);
  return names;
}

export async function presentStaffMessages(db: DbOrTx, cipher: FieldCipher, rows: ChatMessageRow[], known?: ReadonlyMap<string, string>): Promise<StaffChatMessageView[]> {
  const names = await staffNamesOf(db, rows.filter((row) => row.senderType === "staff").map((row) => row.senderId), known);
  return rows.map((row) => presentStaffMessage(row, cipher, names));
}
