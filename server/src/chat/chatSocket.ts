import type { z } from "zod";
import { chatConversationInput, chatCursorInput, chatTypingInput, errorMessages, resumeChatInput, sendChatMessageInput, type Ack, type ErrorCode } from "@xinyuan/shared";
import type { SocketFeature, XinyuanSocket } from "../realtime/socketServer";
import type { Services } from "../services";
import { hasRole } from "../auth/actor";
import { recordAudit } from "../audit/recordAudit";
import { AppError, ForbiddenError, NotFoundError } from "../http/errors";
import { chatMessageSender } from "./chatMessageSender";
import { chatCursorMover, chatTypingRelay } from "./chatReceipts";
import { chatResumer } from "./chatResume";
import { findConversation } from "./conversationQueries";
import { counsellorsRoom, watchRoom } from "./chatRooms";
import { isCounsellingStaff } from "./chatPolicy";
import type { StaffChatMessageView, ChatResumeResult } from "@xinyuan/shared";

type AckResult<T> = Parameters<Ack<T>>[0];

function errorResult(error: unknown, services: Services): AckResult<never> {
  if (error instanceof AppError) return { ok: false, error: { code: error.code, message: error.message } };
  services.log.error({ err: error }, "chat socket handler failed");
  return { ok: false, error: { code: "INTERNAL", message: errorMessages.INTERNAL } };
}

/** Validates, runs, and always acknowledges: every client event gets { ok, data } or { ok, error }. */
function answer<S extends z.ZodType, T>(services: Services, schema: S, input: unknown, ack: Ack<T> | undefined, work: (value: z.output<S>) => Promise<T>): void {
  if (typeof ack !== "function") return;
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const code: ErrorCode = "VALIDATION_FAILED";
    ack({ ok: false, error: { code, message: errorMessages[code] } });
    return;
  }
  work(parsed.data).then(
    (data) => ack({ ok: true, data }),
    (error: unknown) => ack(errorResult(error, services)),
  );
}

const origin = (socket: XinyuanSocket) => ({ actorType: socket.data.actor.type, actorId: socket.data.actor.id, ip: socket.handshake.address || null, requestId: null });

/**
 * Chat over socket.io: send (acked after the message is stored with its seq), resume from a seq,
 * typing, delivered / read receipts, and supervisors' read-only watch. Rooms are personal
 * (user-<id>, staff-<id>) so delivery follows assignment across processes without re-joining.
 */
export const chatSocket: SocketFeature = (_io, socket, services) => {
  const actor = socket.data.actor;
  if (isCounsellingStaff(actor)) void socket.join(counsellorsRoom);

  socket.on("chat:send", (input, ack) => answer(services, sendChatMessageInput, input, ack, (value) => chatMessageSender(services, actor, value)));
  socket.on("chat:resume", (input, ack) => answer(services, resumeChatInput, input, ack, (value) => chatResumer(services, actor, value)));
  socket.on("chat:typing", (input, ack) => answer(services, chatTypingInput, input, ack, async (value) => (await chatTypingRelay(services, actor, value), {})));
  socket.on("chat:delivered", (input, ack) => answer(services, chatCursorInput, input, ack, (value) => chatCursorMover(services, actor, value, "delivered")));
  socket.on("chat:read", (input, ack) => answer(services, chatCursorInput, input, ack, (value) => chatCursorMover(services, actor, value, "read")));

  socket.on("chat:watch", (input, ack) =>
    answer(services, chatConversationInput, input, ack, async (value): Promise<ChatResumeResult<StaffChatMessageView>> => {
      if (!hasRole(actor, "supervisor")) throw ForbiddenError();
      const conversation = await findConversation(services.db, value.conversationId);
      if (!conversation) throw NotFoundError("CHAT_NOT_FOUND");
      await recordAudit(services.db, origin(socket), { action: "chat.supervise.watch", targetType: "conversation", targetId: conversation.id });
      await socket.join(watchRoom(conversation.id));
      return (await chatResumer(services, actor, { conversationId: conversation.id, afterSeq: 0 }, conversation)) as ChatResumeResult<StaffChatMessageView>;
    }),
  );
  socket.on("chat:unwatch", (input, ack) =>
    answer(services, chatConversationInput, input, ack, async (value) => {
      await socket.leave(watchRoom(value.conversationId));
      return {};
    }),
  );
};
