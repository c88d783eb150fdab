import { apiRoutes as routes, type BodyOf, type ChatResumeResult, type StartChatResult, type UserChatMessageView, type UserConversationView } from '@xinyuan/shared'
import { callRoute, type CallOptions } from './callRoute'

/** POST /me/chats: start a chat, optionally with the first message (kept for the next shift on request). */
export function startChat(body: BodyOf<typeof routes.startChat>, options?: CallOptions): Promise<StartChatResult> {
  return callRoute<StartChatResult, typeof routes.startChat>(routes.startChat, { body }, options)
}

/** GET /me/chats: my conversations, newest first. */
export function listMyChats(options?: CallOptions): Promise<UserConversationView[]> {
  return callRoute<UserConversationView[]>(routes.listMyChats, {}, options)
}

export function getMyChat(id: string, options?: CallOptions): Promise<UserConversationView> {
  return callRoute<UserConversationView>(routes.getMyChat, { params: { id } }, options)
}

/** GET /me/chats/:id/messages: a whole past conversation, page by page, in order. */
export async function listAllMessages(id: string, options?: CallOptions): Promise<UserChatMessageView[]> {
  const messages: UserChatMessageView[] = []
  for (let afterSeq = 0; ; ) {
    const page = await callRoute<ChatResumeResult<UserChatMessageView>, typeof routes.listMyChatMessages>(routes.listMyChatMessages, { params: { id }, query: { afterSeq, limit: 200 } }, options)
    messages.push(...page.messages)
    if (!page.hasMore || page.messages.length === 0) return messages
    afterSeq = page.lastSeq
  }
}

/** POST /me/chats/:id/quick-exit: the counsellor is told, calmly, that the student stepped away. */
export function noteMyQuickExit(id: string, options?: CallOptions): Promise<UserConversationView> {
  return callRoute<UserConversationView>(routes.noteMyQuickExit, { params: { id } }, options)
}

export function endMyChat(id: string, options?: CallOptions): Promise<UserConversationView> {
  return callRoute<UserConversationView>(routes.endMyChat, { params: { id } }, options)
}

/** POST /me/chats/:id/reminder: one WeChat reminder when a counsellor replies while the student is away. */
export function remindMeOnReply(id: string, body: BodyOf<typeof routes.remindMeOnReply>, options?: CallOptions): Promise<UserConversationView> {
  return callRoute<UserConversationView, typeof routes.remindMeOnReply>(routes.remindMeOnReply, { params: { id }, body }, options)
}

export function rateMyChat(id: string, body: BodyOf<typeof routes.rateMyChat>, options?: CallOptions): Promise<UserConversationView> {
  return callRoute<UserConversationView, typeof routes.rateMyChat>(routes.rateMyChat, { params: { id }, body }, options)
}
