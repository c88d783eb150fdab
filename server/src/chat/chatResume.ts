import type { ChatResumeResult, ConversationStatus, ResumeChatInput } from "@xinyuan/shared";
import { chatResumePageSize } from "@xinyuan/shared";
import type { Services } from "../services";
import type { Actor } from "../auth/actor";
import { NotFoundError } from "../http/errors";
import { messagesAfter } from "./chatMessageWriter";
import { findConversation, type ConversationRow } from "./conversationQueries";
import { loadCursors, presentStaffMessages, presentUserMessage } from "./chatPresenters";
import { requireOwnConversation, requireStaffChatAccess } from "./chatPolicy";

/**
 * Everything after `afterSeq`, in order, one page at a time: what a client runs on every (re)connect,
 * on coming back to the foreground, and on a gap. Students get their view; staff theirs (supervisors
 * read-only; the caller audits that).
 */
export async function chatResumer(services: Services, actor: Actor, input: ResumeChatInput, known?: ConversationRow): Promise<ChatResumeResult> {
  const { db, cipher } = services;
  const conversation = known ?? (await findConversation(db, input.conversationId));
  if (!conversation) throw NotFoundError("CHAT_NOT_FOUND");
  if (actor.type === "user") requireOwnConversation(actor, conversation);
  else requireStaffChatAccess(actor, conversation);
  const { rows, hasMore } = await messagesAfter(db, conversation.id, input.afterSeq, input.limit ?? chatResumePageSize);
  const messages = actor.type === "user" ? rows.map((row) => presentUserMessage(row, cipher)) : await presentStaffMessages(db, cipher, rows);
  return { messages, hasMore, lastSeq: conversation.lastSeq, status: conversation.status as ConversationStatus, cursors: await loadCursors(db, conversation.id) };
}
