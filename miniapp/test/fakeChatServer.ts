import type { ChatResumeResult, ConversationStatus, UserChatMessageView, UserConversationView } from '@xinyuan/shared'
import type { ChatPort } from '../src/packages/chat/chatPort'

type Listener = (payload: never) => void
type AckResult = { ok: true; data: unknown } | { ok: false; error: { code: string; message: string } }

export const conversationId = '3c2b1a09-8f7e-4d6c-9b5a-4f3e2d1c0b0a'

export function buildConversation(overrides: Partial<UserConversationView> = {}): UserConversationView {
  return {
    id: conversationId,
    alias: '晴天的小树',
    status: 'active',
    queuePosition: null,
    heldForNextShift: false,
    withCounsellor: true,
    counsellorComing: false,
    lastSeq: 0,
    cursors: { user: { deliveredSeq: 0, readSeq: 0 }, staff: { deliveredSeq: 0, readSeq: 0 } },
    lastMessagePreview: null,
    createdAt: '2026-09-01T10:00:00.000Z',
    closedAt: null,
    closedBy: null,
    rating: null,
    canRate: false,
    replyReminder: false,
    ...overrides,
  }
}

/**
 * The chat server's delivery rules in memory (what server/src/chat does for real): a message stored once
 * per clientMessageId with the next seq, the same seq for a resend, resume after a seq. `online` false
 * answers like a dropped connection (the ack times out); `holdAcks` keeps acks back until released;
 * `status` is what a resume reports the conversation to be; `refuse` answers a send with a refusal instead;
 * `conversation` is what GET /me/chats/:id answers (null: the read fails).
 */
export function fakeChatServer() {
  const stored: UserChatMessageView[] = []
  const sends: string[] = []
  const listeners = new Map<string, Set<Listener>>()
  const resyncListeners = new Set<() => void>()
  const connectionListeners = new Set<(connected: boolean) => void>()
  const held: Array<() => void> = []
  const options: { online: boolean; holdAcks: boolean; echo: boolean; status: ConversationStatus; refuse: ((input: { clientMessageId: string; body: string }) => AckResult | null) | null; conversation: UserConversationView | null } = { online: true, holdAcks: false, echo: true, status: 'active', refuse: null, conversation: null }
  const counters = { resumes: 0 }

  const timeout: AckResult = { ok: false, error: { code: 'TIMEOUT', message: '网络不太稳定' } }
  const push = (event: string, payload: unknown) => listeners.get(event)?.forEach((listener) => (listener as (payload: unknown) => void)(payload))

  function store(input: { clientMessageId: string; body: string }): UserChatMessageView {
    const existing = stored.find((message) => message.clientMessageId === input.clientMessageId)
    if (existing) return existing
    const message: UserChatMessageView = { conversationId, seq: stored.length + 1, clientMessageId: input.clientMessageId, from: 'user', body: input.body, createdAt: new Date().toISOString() }
    stored.push(message)
    if (options.echo) push('chat:message', message)
    return message
  }

  function answer(event: string, input: Record<string, unknown>): AckResult {
    if (event === 'chat:send') {
      sends.push(String(input.clientMessageId))
      const refusal = options.refuse?.(input as { clientMessageId: string; body: string })
      if (refusal) return refusal
      return { ok: true, data: store(input as { clientMessageId: string; body: string }) }
    }
    if (event === 'chat:resume') {
      counters.resumes += 1
      const result: ChatResumeResult<UserChatMessageView> = { messages: stored.filter((message) => message.seq > Number(input.afterSeq)), hasMore: false, lastSeq: stored.length, status: options.status, cursors: buildConversation().cursors }
      return { ok: true, data: result }
    }
    return { ok: true, data: {} }
  }

  const port: ChatPort = {
    emit: (event, input) =>
      new Promise((resolve) => {
        if (!options.online) return resolve(timeout as never)
        const result = answer(event, input as Record<string, unknown>)
        if (options.holdAcks && event === 'chat:send') held.push(() => resolve(result as never))
        else resolve(result as never)
      }),
    on: (event, listener) => {
      const set = listeners.get(event) ?? new Set<Listener>()
      set.add(listener as Listener)
      listeners.set(event, set)
      return () => set.delete(listener as Listener)
    },
    onResync: (listener) => {
      resyncListeners.add(listener)
      return () => resyncListeners.delete(listener)
    },
    onConnectionChange: (listener) => {
      connectionListeners.add(listener)
      listener(options.online)
      return () => connectionListeners.delete(listener)
    },
    conversation: () => Promise.resolve(options.online ? options.conversation : null),
  }

  return {
    port,
    stored,
    sends,
    options,
    push,
    /** How many chat:resume calls were answered. */
    get resumes() {
      return counters.resumes
    },
    /** The connection drops (online false: acks time out) or comes back (then a resync, as on connect). */
    setOnline: (online: boolean) => {
      options.online = online
      connectionListeners.forEach((listener) => listener(online))
      if (online) resyncListeners.forEach((listener) => listener())
    },
    reconnect: () => resyncListeners.forEach((listener) => listener()),
    releaseAcks: () => held.splice(0).forEach((release) => release()),
  }
}
