import { sql } from "drizzle-orm";
import type { ChatCursorInput, ChatReceiptNotice, ChatTypingInput } from "@xinyuan/shared";
import { chatCursors } from "../db/schema";
import type { Services } from "../services";
import type { Actor } from "../auth/actor";
import { NotFoundError } from "../http/errors";
import { findConversation, type ConversationRow } from "./conversationQueries";
import { requireParticipant, sideOf } from "./chatPolicy";
import { staffRoom, userRoom, watchRoom } from "./chatRooms";

/** One broadcast to every room of the side(s) told (one adapter publish, however many rooms). */
function emitToBothSides(services: Services, conversation: ConversationRow, event: "chat:receipt" | "chat:typing", payload: unknown, only?: "user" | "staff"): void {
  const rooms: string[] = [];
  if (only !== "staff") rooms.push(userRoom(conversation.userId));
  if (only !== "user") {
    if (conversation.assignedStaffId) rooms.push(staffRoom(conversation.assignedStaffId));
    rooms.push(watchRoom(conversation.id));
  }
  services.realtime.emit(rooms, event, payload);
}

/**
 * "chat:delivered" / "chat:read": moves this side's cursor forward (never back, never past the last
 * seq; read implies delivered) and tells both sides. Read = the last seq this side has seen.
 */
export async function chatCursorMover(props: { services: Services; actor: Actor; input: ChatCursorInput; kind: "delivered" | "read" }): Promise<ChatReceiptNotice> {
  const { services, actor, input, kind } = props;
  const conversation = await findConversation(services.db, input.conversationId);
  if (!conversation) throw NotFoundError("CHAT_NOT_FOUND");
  requireParticipant(actor, conversation);
  const side = sideOf(actor);
  const seq = Math.min(input.seq, conversation.lastSeq);
  const now = services.clock.now();
  const readSeq = kind === "read" ? seq : 0;
  const [row] = await services.db
    .insert(chatCursors)
    .values({ conversationId: conversation.id, side, deliveredSeq: seq, readSeq, updatedAt: now })
    .onConflictDoUpdate({
      target: [chatCursors.conversationId, chatCursors.side],
      set: {
        deliveredSeq: sql`GREATEST(${chatCursors.deliveredSeq}, ${seq})`,
        readSeq: sql`GREATEST(${chatCursors.readSeq}, ${readSeq})`,
        updatedAt: now,
      },
    })
    .returning();
  const notice: ChatReceiptNotice = { conversationId: conversation.id, side, deliveredSeq: row!.deliveredSeq, readSeq: row!.readSeq };
  emitToBothSides(services, conversation, "chat:receipt", notice);
  return notice;
}

/** "chat:typing": passed to the other side only; nothing stored. */
export async function chatTypingRelay(props: { services: Services; actor: Actor; input: ChatTypingInput }): Promise<void> {
  const { services, actor, input } = props;
  const conversation = await findConversation(services.db, input.conversationId);
  if (!conversation) throw NotFoundError("CHAT_NOT_FOUND");
  requireParticipant(actor, conversation);
  const side = sideOf(actor);
  emitToBothSides(services, conversation, "chat:typing", { conversationId: conversation.id, side, typing: input.typing }, side === "user" ? "staff" : "user");
}
