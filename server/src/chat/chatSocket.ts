import { chatConversationInput, chatCursorInput, chatTypingInput, resumeChatInput, sendChatMessageInput } from "@xinyuan/shared";
import type { SocketFeature, XinyuanSocket } from "../realtime/socketServer";
import { answerSocketEvent as answer } from "../realtime/answerSocketEvent";
import { hasRole } from "../auth/actor";
import { recordAudit } from "../audit/recordAudit";
import { ForbiddenError, NotFoundError } from "../http/errors";
import { stageTimings } from "../realtime/stageTimings";
import { chatSendQueue } from "./chatMessageSender";
import { chatBatchedSender } from "./chatSendBatcher";
import { chatCursorMover, chatTypingRelay } from "./chatReceipts";
import { chatResumer } from "./chatResume";
import { findConversation } from "./conversationQueries";
import { counsellorsRoom, watchRoom } from "./chatRooms";
import { canSuperviseChats, isCounsellingStaff } from "./chatPolicy";
import type { StaffChatMessageView, ChatResumeResult } from "@xinyuan/shared";

/** This process's per-(sender, conversation) send order; see chatSendQueue. */
const inSendOrder = chatSendQueue();

const origin = (socket: XinyuanSocket) => ({ actorType: socket.data.actor.type, actorId: socket.data.actor.id, ip: socket.handshake.address || null, requestId: null });

/**
 * Chat over socket.io: send (acked after the message is stored with its seq), resume from a seq,
 * typing, delivered / read receipts, and supervisors' read-only watch. Rooms are personal
 * (user-<id>, staff-<id>) so delivery follows assignment across processes without re-joining.
 */
export const chatSocket: SocketFeature = (_io, socket, services) => {
  if (isCounsellingStaff(socket.data.actor)) void socket.join(counsellorsRoom);
  // Read at each event, not once: the session sweep reloads a staff member's roles and scope.
  const actorNow = () => socket.data.actor;

  socket.on("chat:send", (input, ack) =>
    answer(services, sendChatMessageInput, input, ack, (value) => {
      const actor = actorNow();
      const received = performance.now();
      // one sender's sends in one conversation are stored in the order they arrived
      const stored = inSendOrder(`${actor.type}:${actor.id}:${value.conversationId}`, () => {
        stageTimings.add("send: lane wait", performance.now() - received);
        return chatBatchedSender({ services, actor, input: value });
      });
      if (stageTimings.on) void stored.finally(() => stageTimings.add("send: received → acked", performance.now() - received)).catch(() => undefined);
      return stored;
    }),
  );
  socket.on("chat:resume", (input, ack) => answer(services, resumeChatInput, input, ack, (value) => chatResumer({ services, actor: actorNow(), input: value })));
  socket.on("chat:typing", (input, ack) => answer(services, chatTypingInput, input, ack, async (value) => (await chatTypingRelay({ services, actor: actorNow(), input: value }), {})));
  socket.on("chat:delivered", (input, ack) => answer(services, chatCursorInput, input, ack, (value) => chatCursorMover({ services, actor: actorNow(), input: value, kind: "delivered" })));
  socket.on("chat:read", (input, ack) => answer(services, chatCursorInput, input, ack, (value) => chatCursorMover({ services, actor: actorNow(), input: value, kind: "read" })));

  socket.on("chat:watch", (input, ack) =>
    answer(services, chatConversationInput, input, ack, async (value): Promise<ChatResumeResult<StaffChatMessageView>> => {
      if (!canSuperviseChats(actorNow())) throw ForbiddenError();
      const conversation = await findConversation(services.db, value.conversationId);
      if (!conversation) throw NotFoundError("CHAT_NOT_FOUND");
      await recordAudit(services.db, origin(socket), { action: "chat.supervise.watch", targetType: "conversation", targetId: conversation.id });
      await socket.join(watchRoom(conversation.id));
      return (await chatResumer({ services, actor: actorNow(), input: { conversationId: conversation.id, afterSeq: 0 }, known: conversation })) as ChatResumeResult<StaffChatMessageView>;
    }),
  );
  socket.on("chat:unwatch", (input, ack) =>
    answer(services, chatConversationInput, input, ack, async (value) => {
      await socket.leave(watchRoom(value.conversationId));
      return {};
    }),
  );
};
