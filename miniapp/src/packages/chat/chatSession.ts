import { ChatTimeline, laterCursor, newClientMessageId, type ChatCursorsView, type ConversationStatus, type OutboxEntry, type UserChatMessageView, type UserConversationView } from '@xinyuan/shared'
import { storedOutbox } from '../../services/chatOutbox'
import type { ChatPort } from './chatPort'

export interface ChatSnapshot {
  messages: UserChatMessageView[]
  /** Written here, not yet stored by the server (shown as "发送中", resent automatically). */
  sending: OutboxEntry[]
  failed: Array<{ entry: OutboxEntry; reason: string }>
  status: ConversationStatus
  queuePosition: number | null
  withCounsellor: boolean
  counsellorTyping: boolean
  /** The counsellor's side: the last seq it received / read. */
  staffCursor: ChatCursorsView['staff']
}

const retryLaterCodes = new Set(['TIMEOUT', 'RATE_LIMITED', 'INTERNAL'])

/**
 * One conversation's delivery, following shared/src/chat.ts: messages applied once and in order by seq
 * (ChatTimeline), unacknowledged messages kept in the stored outbox and resent with the same
 * clientMessageId on every (re)connect, "chat:resume" from the last seq after a reconnect, a gap or a
 * return to the foreground, and delivered / read receipts for what arrived.
 */
export class ChatSession {
  private readonly timeline = new ChatTimeline<UserChatMessageView>()
  private readonly inFlight = new Set<string>()
  private readonly unsubscribe: Array<() => void> = []
  private snapshot: ChatSnapshot
  private readSeq = 0
  private resuming: Promise<void> | null = null
  private resumeAgain = false
  private typingSentAt = 0

  constructor(
    private readonly conversation: UserConversationView,
    private readonly port: ChatPort,
    private readonly onChange: (snapshot: ChatSnapshot) => void,
  ) {
    this.snapshot = {
      messages: [],
      sending: storedOutbox.pending(conversation.id),
      failed: [],
      status: conversation.status,
      queuePosition: conversation.queuePosition,
      withCounsellor: conversation.withCounsellor,
      counsellorTyping: false,
      staffCursor: conversation.cursors.staff,
    }
  }

  get conversationId(): string {
    return this.conversation.id
  }

  get current(): ChatSnapshot {
    return this.snapshot
  }

  start(): void {
    const id = this.conversation.id
    this.unsubscribe.push(
      this.port.on('chat:message', (message) => {
        if (message.conversationId === id) this.receive([message as UserChatMessageView])
      }),
      this.port.on('chat:receipt', (notice) => {
        if (notice.conversationId === id && notice.side === 'staff') this.update({ staffCursor: laterCursor(this.snapshot.staffCursor, notice) })
      }),
      this.port.on('chat:typing', (notice) => {
        if (notice.conversationId === id && notice.side === 'staff') this.update({ counsellorTyping: notice.typing })
      }),
      this.port.on('chat:status', (notice) => {
        if (notice.conversationId === id) this.update({ status: notice.status, queuePosition: notice.queuePosition, withCounsellor: notice.withCounsellor, counsellorTyping: false })
      }),
      this.port.onResync(() => void this.resync()),
    )
    void this.resync()
  }

  stop(): void {
    this.unsubscribe.splice(0).forEach((off) => off())
  }

  /** Catch up from the last seq, then resend what the server has not acknowledged, oldest first. */
  async resync(): Promise<void> {
    await this.resume()
    for (const entry of storedOutbox.pending(this.conversation.id)) await this.deliver(entry)
  }

  send(body: string): void {
    const text = body.trim()
    if (text === '') return
    const entry: OutboxEntry = { conversationId: this.conversation.id, clientMessageId: newClientMessageId(), body: text, queuedAt: Date.now() }
    storedOutbox.add(entry)
    this.refreshSending()
    this.typingSentAt = 0
    void this.port.emit('chat:typing', { conversationId: this.conversation.id, typing: false })
    void this.deliver(entry)
  }

  /** Tell the counsellor "typing…", at most every 3 seconds. */
  typing(): void {
    if (Date.now() - this.typingSentAt < 3000) return
    this.typingSentAt = Date.now()
    void this.port.emit('chat:typing', { conversationId: this.conversation.id, typing: true })
  }

  dismissFailed(clientMessageId: string): void {
    this.update({ failed: this.snapshot.failed.filter((item) => item.entry.clientMessageId !== clientMessageId) })
  }

  /** One resume at a time; a gap found meanwhile runs one more pass after it. */
  private resume(): Promise<void> {
    if (this.resuming) {
      this.resumeAgain = true
      return this.resuming
    }
    this.resuming = (async () => {
      try {
        do {
          this.resumeAgain = false
          for (let more = true; more; ) {
            const ack = await this.port.emit('chat:resume', { conversationId: this.conversation.id, afterSeq: this.timeline.lastSeq })
            if (!ack.ok) return
            this.update({ status: ack.data.status, staffCursor: laterCursor(this.snapshot.staffCursor, ack.data.cursors.staff) })
            this.apply(ack.data.messages as UserChatMessageView[])
            more = ack.data.hasMore && ack.data.messages.length > 0
          }
        } while (this.resumeAgain)
      } finally {
        this.resuming = null
      }
    })()
    return this.resuming
  }

  private async deliver(entry: OutboxEntry): Promise<void> {
    if (this.inFlight.has(entry.clientMessageId)) return
    this.inFlight.add(entry.clientMessageId)
    try {
      const ack = await this.port.emit('chat:send', { conversationId: entry.conversationId, clientMessageId: entry.clientMessageId, body: entry.body })
      if (ack.ok) {
        storedOutbox.acknowledge(entry.clientMessageId)
        this.receive([ack.data as UserChatMessageView])
      } else if (!retryLaterCodes.has(ack.error.code)) {
        storedOutbox.acknowledge(entry.clientMessageId)
        this.update({ failed: [...this.snapshot.failed, { entry, reason: ack.error.message }] })
      }
    } finally {
      this.inFlight.delete(entry.clientMessageId)
      this.refreshSending()
    }
  }

  private receive(messages: UserChatMessageView[]): void {
    const gap = this.apply(messages)
    if (gap) void this.resume()
  }

  /** Applies in seq order; an echo of our own message also settles its outbox entry. */
  private apply(messages: UserChatMessageView[]): boolean {
    const gap = this.timeline.receive(messages)
    const own = new Set(this.timeline.applied.map((message) => message.clientMessageId))
    for (const entry of storedOutbox.pending(this.conversation.id)) if (own.has(entry.clientMessageId)) storedOutbox.acknowledge(entry.clientMessageId)
    this.update({ messages: [...this.timeline.applied] })
    this.refreshSending()
    this.markRead()
    return gap
  }

  private markRead(): void {
    const seq = this.timeline.lastSeq
    if (seq <= this.readSeq) return
    this.readSeq = seq
    void this.port.emit('chat:delivered', { conversationId: this.conversation.id, seq })
    void this.port.emit('chat:read', { conversationId: this.conversation.id, seq })
  }

  private refreshSending(): void {
    const shown = new Set(this.timeline.applied.map((message) => message.clientMessageId))
    this.update({ sending: storedOutbox.pending(this.conversation.id).filter((entry) => !shown.has(entry.clientMessageId)) })
  }

  private update(change: Partial<ChatSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...change }
    this.onChange(this.snapshot)
  }
}
