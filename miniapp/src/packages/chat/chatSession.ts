import { ChatSessionEngine, laterCursor, type ChatCursorsView, type ChatFailedMessage, type ChatOutboxHold, type ChatTransport, type ConversationStatus, type OutboxEntry, type UserChatMessageView, type UserConversationView } from '@xinyuan/shared'
import { storedOutboxStorage } from '../../services/chatOutbox'
import type { ChatPort } from './chatPort'

export interface ChatSnapshot {
  messages: readonly UserChatMessageView[]
  /** Written here, not yet stored by the server (shown as "发送中", resent automatically). */
  sending: readonly OutboxEntry[]
  /** Why `sending` waits: "rate" (sent too fast, goes out by itself) or "network"; null while on its way. */
  hold: ChatOutboxHold
  failed: readonly ChatFailedMessage[]
  status: ConversationStatus
  queuePosition: number | null
  withCounsellor: boolean
  /** Assigned, the counsellor has not opened the chat yet: "已为你找到老师，老师马上就来". */
  counsellorComing: boolean
  /** Nobody on duty any more: it waits for the next shift. */
  heldForNextShift: boolean
  /** Closed and a rating may be asked for (never after a high-risk chat; the server decides). */
  canRate: boolean
  counsellorTyping: boolean
  /** The counsellor's side: the last seq it received / read. */
  staffCursor: ChatCursorsView['staff']
}

type Side = Omit<ChatSnapshot, 'messages' | 'sending' | 'hold' | 'failed'>

/** The shared engine's transport over the mini-program's socket port (acks already resolve, never reject). */
export function portChatTransport(port: ChatPort): ChatTransport<UserChatMessageView> {
  return {
    send: (input) => port.emit('chat:send', input) as ReturnType<ChatTransport<UserChatMessageView>['send']>,
    resume: (input) => port.emit('chat:resume', input) as ReturnType<ChatTransport<UserChatMessageView>['resume']>,
  }
}

/**
 * The student's side of one conversation: the shared ChatSessionEngine (messages once and in seq order,
 * resume on every (re)connect, gap and return to the foreground, the stored outbox sent one message at
 * a time with the one retry rule) over the socket port and Taro storage. This class adds what only the
 * student's screen has: status and queue position, the counsellor's typing and receipts, and our own
 * delivered / read receipts for what arrived.
 */
export class ChatSession {
  private readonly engine: ChatSessionEngine<UserChatMessageView>
  private readonly unsubscribe: Array<() => void> = []
  private side: Side
  private snapshot: ChatSnapshot
  private readSeq = 0
  private typingSentAt = 0

  constructor(
    private readonly conversation: UserConversationView,
    private readonly port: ChatPort,
    private readonly onChange: (snapshot: ChatSnapshot) => void,
  ) {
    this.side = {
      status: conversation.status,
      queuePosition: conversation.queuePosition,
      withCounsellor: conversation.withCounsellor,
      counsellorComing: conversation.counsellorComing,
      heldForNextShift: conversation.heldForNextShift,
      canRate: conversation.canRate,
      counsellorTyping: false,
      staffCursor: conversation.cursors.staff,
    }
    this.engine = new ChatSessionEngine<UserChatMessageView>({
      conversationId: conversation.id,
      transport: portChatTransport(port),
      outbox: storedOutboxStorage,
      onChange: () => this.publish(),
      onResumed: (result) => this.update({ status: result.status, staffCursor: laterCursor(this.side.staffCursor, result.cursors.staff) }),
      onApplied: () => this.markRead(),
    })
    this.snapshot = this.compose()
  }

  get conversationId(): string {
    return this.conversation.id
  }

  get current(): ChatSnapshot {
    return this.snapshot
  }

  start(): void {
    const id = this.conversation.id
    this.engine.start()
    this.unsubscribe.push(
      this.port.on('chat:message', (message) => this.engine.receive(message as UserChatMessageView)),
      this.port.on('chat:receipt', (notice) => {
        if (notice.conversationId === id && notice.side === 'staff') this.update({ staffCursor: laterCursor(this.side.staffCursor, notice) })
      }),
      this.port.on('chat:typing', (notice) => {
        if (notice.conversationId === id && notice.side === 'staff') this.update({ counsellorTyping: notice.typing })
      }),
      this.port.on('chat:status', (notice) => {
        if (notice.conversationId === id) this.update({ status: notice.status, queuePosition: notice.queuePosition, withCounsellor: notice.withCounsellor, counsellorComing: notice.counsellorComing, heldForNextShift: notice.heldForNextShift, canRate: notice.canRate, counsellorTyping: false })
      }),
      this.port.onResync(() => {
        void this.resync()
        void this.refreshStatus()
      }),
    )
    void this.resync()
  }

  /**
   * Reads the conversation's status again after a (re)connect: a status notice sent before the socket
   * joined (the counsellor opened the chat a moment after it started) would otherwise leave "老师马上就来"
   * on screen under "老师来了".
   */
  private async refreshStatus(): Promise<void> {
    const now = await this.port.conversation(this.conversation.id)
    if (!now) return
    this.update({ status: now.status, queuePosition: now.queuePosition, withCounsellor: now.withCounsellor, counsellorComing: now.counsellorComing, heldForNextShift: now.heldForNextShift, canRate: now.canRate })
  }

  stop(): void {
    this.unsubscribe.splice(0).forEach((off) => off())
    this.engine.stop()
  }

  /** Catch up from the last seq, then send what waits in the outbox, oldest first. */
  resync(): Promise<void> {
    return this.engine.resync()
  }

  send(body: string): void {
    if (!this.engine.send(body)) return
    this.typingSentAt = 0
    void this.port.emit('chat:typing', { conversationId: this.conversation.id, typing: false })
  }

  /** Tell the counsellor "typing…", at most every 3 seconds. */
  typing(): void {
    if (Date.now() - this.typingSentAt < 3000) return
    this.typingSentAt = Date.now()
    void this.port.emit('chat:typing', { conversationId: this.conversation.id, typing: true })
  }

  dismissFailed(clientMessageId: string): void {
    this.engine.dismissFailed(clientMessageId)
  }

  /** The chat ended: what still waits would be refused, so it is dropped. */
  discardPending(): void {
    this.engine.discardPending()
  }

  private markRead(): void {
    const seq = this.engine.snapshot.lastSeq
    if (seq <= this.readSeq) return
    this.readSeq = seq
    void this.port.emit('chat:delivered', { conversationId: this.conversation.id, seq })
    void this.port.emit('chat:read', { conversationId: this.conversation.id, seq })
  }

  private update(change: Partial<Side>): void {
    this.side = { ...this.side, ...change }
    this.publish()
  }

  private compose(): ChatSnapshot {
    const { messages, sending, hold, failed } = this.engine.snapshot
    return { ...this.side, messages, sending, hold, failed }
  }

  private publish(): void {
    this.snapshot = this.compose()
    this.onChange(this.snapshot)
  }
}
