import type { ChatResumeResult, ConversationStatus, ResumeChatInput } from "@xinyuan/shared";
import { chatResumePageSize } from "@xinyuan/shared";
import type { Services } from "../services";
import type { Actor } from "../auth/actor";
import { NotFoundError } from "../http/errors";
import { recordAudit } from "../audit/recordAudit";
import { messagesAfter } from "./chatMessageWriter";
import { findConversation, type ConversationRow } from "./conversationQueries";
import { presentStaffMessages, presentUserMessage } from "./presentChatMessage";
import { loadCursors } from "./presentConversation";
import { requireOwnConversation, requireStaffChatAccess } from "./chatPolicy";

/**
 * Everything after `afterSeq`, in order, one page at a time: what a client runs on every (re)connect,
 * on coming back to the foreground, and on a gap. Students get their view; staff theirs. A supervisor
 * reading a conversation that is not theirs is audited here ("chat.supervise.read"), unless the caller
 * passes the conversation it already audited (chat:watch).
 */
export async function chatResumer(props: { services: Services; actor: Actor; input: ResumeChatInput; known?: ConversationRow }): Promise<ChatResumeResult> {
  const { services, actor, input, known } = props;
  const { db, cipher } = services;
  const conversation = known ?? (await findConversation(db, input.conversationId));
  if (!conversation) throw NotFoundError("CHAT_NOT_FOUND");
  if (actor.type === "user") requireOwnConversation(actor, conversation);
  else if (requireStaffChatAccess(actor, conversation) === "supervisor" && !known) {
    await recordAudit(db, { actorType: "staff", actorId: actor.id, ip: null, requestId: null }, { action: "chat.supervise.read", targetType: "conversation", targetId: conversation.id, detail: { afterSeq: input.afterSeq } });
  }
  const { rows, hasMore } = await messagesAfter(db, conversation.id, input.afterSeq, input.limit ?? chatResumePageSize);
  const messages = actor.type === "user" ? rows.map((row) => presentUserMessage(row, cipher)) : await presentStaffMessages(db, cipher, rows);
  return { messages, hasMore, lastSeq: conversation.lastSeq, status: conversation.status as ConversationStatus, cursors: await loadCursors(db, conversation.id) };
}
