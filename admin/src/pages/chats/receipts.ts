import { laterCursor, type ChatCursorsView, type StaffChatMessageView } from "@xinyuan/shared";

export type ReceiptState = "sent" | "delivered" | "read";

/** How far the student has got with one of our messages: 已发送 / 已送达 / 已读. */
export function receiptFor(message: Pick<StaffChatMessageView, "seq" | "from">, cursors: ChatCursorsView | null): ReceiptState | null {
  if (message.from !== "staff") return null;
  if (!cursors) return "sent";
  if (cursors.user.readSeq >= message.seq) return "read";
  if (cursors.user.deliveredSeq >= message.seq) return "delivered";
  return "sent";
}

export const receiptLabels: Record<ReceiptState, string> = { sent: "已发送", delivered: "已送达", read: "已读" };

/** Newer cursor wins per side (receipts may arrive out of order across reconnects). */
export function mergeCursors(current: ChatCursorsView | null, side: "user" | "staff", next: { deliveredSeq: number; readSeq: number }): ChatCursorsView {
  const base: ChatCursorsView = current ?? { user: { deliveredSeq: 0, readSeq: 0 }, staff: { deliveredSeq: 0, readSeq: 0 } };
  return { ...base, [side]: laterCursor(base[side], next) };
}
