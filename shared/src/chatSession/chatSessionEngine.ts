import { chatMessageMaxChars, type ChatResumeResult, type UserChatMessageView } from "../chat";
import { ChatTimeline, newClientMessageId, type OutboxEntry } from "../chatSync";
import { chatRetryDelayMs, chatRetryRule } from "./chatRetryRule";
import { hostTimers, type ChatOutboxStorage, type ChatTimers, type ChatTransport } from "./chatSessionPorts";

/** Why the outbox is waiting, for the sentence under a message not sent yet. */
export type ChatOutboxHold = "rate" | "network" | null;

export interface ChatFailedMessage {
  entry: OutboxEntry;
  /** The server's own sentence (shown as is). */
  reason: string;
  code: string;
}

export interface ChatSessionSnapshot<M extends UserChatMessageView> {
  /** Stored messages, once each, in seq order. */
  messages: readonly M[];
  /** Written here, not stored yet (in order); resent automatically. */
  sending: readonly OutboxEntry[];
  /** Why `sending` waits: "rate" (发送太快了…) or "network" (连上网络后会自动发出); null while on its way. */
  hold: ChatOutboxHold;
  /** Refused for good (too long, chat closed…): never resent, shown until dismissed. */
  failed: readonly ChatFailedMessage[];
  lastSeq: number;
  /** The first resume has answered: until then an empty list says nothing. */
  synced: boolean;
  /** The last resume was refused or got no answer; cleared by the next that succeeds. */
  syncError: { code: string; message: string } | null;
}

export interface ChatSessionOptions<M extends UserChatMessageView> {
  conversationId: string;
  transport: ChatTransport<M>;
  outbox: ChatOutboxStorage;
  /** Called after every change with a fresh snapshot (a new object each time, for React state). */
  onChange?: (snapshot: ChatSessionSnapshot<M>) => void;
  /** Messages newly applied in order (receipts, "typing" off, refetch on a system line). */
  onApplied?: (messages: readonly M[]) => void;
  /** Every resume answer (status and receipt cursors live in the adapters). */
  onResumed?: (result: ChatResumeResult<M>) => void;
  /** Whether this side may send at all (a supervisor watching reads only). Default true. */
  canSend?: boolean;
  timers?: ChatTimers;
  newId?: () => string;
}

/**
 * One conversation's delivery, the same for the admin and the mini-program (shared/src/chat.ts):
 * - messages are applied once each and in seq order (ChatTimeline); a gap runs "chat:resume" from the
 *   last seq, as does every (re)connect and return to the foreground (`resync`), one resume at a time;
 * - what we write waits in the outbox (stored by the adapter, so it survives a restart) until the server
 *   acknowledges it with its seq; it is resent with the same clientMessageId, so the server stores it
 *   once; an echo or resume that carries our clientMessageId settles it too;
 * - ONE message is on its way at a time, oldest first: the next goes only after the previous is
 *   acknowledged or refused for good, so the order we wrote is the order stored, even across a
 *   reconnect to another server process;
 * - ONE retry rule (chatRetryRule): no answer → retry with backoff and at once on reconnect; rate limit →
 *   wait retryAfterMs and send the same message again; any other refusal → failed, never resent.
 */
export class ChatSessionEngine<M extends UserChatMessageView> {
  private timeline = new ChatTimeline<M>();
  private readonly ownIds = new Set<string>();
  private failedList: ChatFailedMessage[] = [];
  private hold: ChatOutboxHold = null;
  private synced = false;
  private syncError: ChatSessionSnapshot<M>["syncError"] = null;
  private inFlight: string | null = null;
  private retryTimer: unknown = null;
  private retryAttempt = 0;
  private resuming: Promise<void> | null = null;
  private resumeAgain = false;
  private stopped = false;
  private lastQueuedAt = 0;
  private readonly timers: ChatTimers;
  private readonly newId: () => string;
  private current: ChatSessionSnapshot<M>;

  constructor(private readonly options: ChatSessionOptions<M>) {
    this.timers = options.timers ?? hostTimers;
    this.newId = options.newId ?? (() => newClientMessageId());
    this.current = this.build();
  }

  get conversationId(): string {
    return this.options.conversationId;
  }

  get snapshot(): ChatSessionSnapshot<M> {
    return this.current;
  }

  /**
   * Catch up from the last seq, then send what waits in the outbox. Run it on start, on every
   * (re)connect and when the app returns to the foreground. Resolves when the resume is done.
   */
  async resync(): Promise<void> {
    if (this.stopped) return;
    // A reconnect is the best moment to retry: skip the backoff pause (a rate wait still holds).
    if (this.hold === "network") this.clearRetry();
    await this.resume();
    this.pump();
  }

  /** A "chat:message" push for any conversation; others are ignored. */
  receive(message: M): void {
    if (this.stopped || message.conversationId !== this.options.conversationId) return;
    if (this.apply([message])) void this.resume();
  }

  /**
   * Queues a message (trimmed) and sends it when its turn comes. Returns the entry, or null for an
   * empty text. Over-long text is refused here, as the server would, without a round trip.
   */
  send(body: string): OutboxEntry | null {
    const text = body.trim();
    if (this.stopped || text === "" || this.options.canSend === false) return null;
    const queuedAt = Math.max(this.timers.now(), this.lastQueuedAt + 1, ...this.options.outbox.pending(this.conversationId).map((entry) => entry.queuedAt + 1));
    this.lastQueuedAt = queuedAt;
    const entry: OutboxEntry = { conversationId: this.conversationId, clientMessageId: this.newId(), body: text, queuedAt };
    if ([...text].length > chatMessageMaxChars) {
      this.failedList = [...this.failedList, { entry, code: "CHAT_MESSAGE_TOO_LONG", reason: "这条消息有点长，请分成几条发送。" }];
      this.changed();
      return entry;
    }
    this.options.outbox.add(entry);
    this.changed();
    this.pump();
    return entry;
  }

  dismissFailed(clientMessageId: string): void {
    this.failedList = this.failedList.filter((item) => item.entry.clientMessageId !== clientMessageId);
    this.changed();
  }

  /** The conversation ended: what still waits would be refused (CHAT_CLOSED), so drop it. */
  discardPending(): void {
    for (const entry of this.options.outbox.pending(this.conversationId)) this.options.outbox.remove(entry.clientMessageId);
    this.clearRetry();
    this.hold = null;
    this.changed();
  }

  /** (Re)starts after stop (React runs effects twice in development); then run `resync`. */
  start(): void {
    this.stopped = false;
  }

  /** Stops timers and callbacks (the screen closed). Answers still arriving settle the outbox only. */
  stop(): void {
    this.stopped = true;
    this.clearRetry();
  }

  /** Sends the oldest waiting message, if none is on its way and no pause holds the queue. */
  private pump(): void {
    if (this.stopped || this.inFlight !== null || this.retryTimer !== null || this.options.canSend === false) return;
    const entry = this.options.outbox.pending(this.conversationId).find((candidate) => !this.ownIds.has(candidate.clientMessageId));
    if (!entry) {
      this.settleOwn();
      if (this.hold !== null) {
        this.hold = null;
        this.changed();
      }
      return;
    }
    this.inFlight = entry.clientMessageId;
    void this.options.transport.send({ conversationId: entry.conversationId, clientMessageId: entry.clientMessageId, body: entry.body }).then(
      (answer) => this.settle(entry, answer),
      () => this.settle(entry, { ok: false, error: { code: "TIMEOUT", message: "" } }),
    );
  }

  private settle(entry: OutboxEntry, answer: Awaited<ReturnType<ChatTransport<M>["send"]>>): void {
    this.inFlight = null;
    if (answer.ok) {
      this.options.outbox.remove(entry.clientMessageId);
      if (this.stopped) return;
      this.retryAttempt = 0;
      this.hold = null;
      if (this.apply([answer.data])) void this.resume();
      this.pump();
      return;
    }
    const decision = chatRetryRule(answer.error);
    if (decision.kind === "final") {
      this.options.outbox.remove(entry.clientMessageId);
      if (this.stopped) return;
      this.failedList = [...this.failedList, { entry, code: answer.error.code, reason: answer.error.message }];
      this.changed();
      this.pump();
      return;
    }
    if (this.stopped) return;
    // Keep it at the head of the queue: nothing behind it may overtake it.
    this.hold = decision.reason;
    const pause = decision.kind === "wait" ? decision.afterMs : chatRetryDelayMs((this.retryAttempt += 1));
    this.retryTimer = this.timers.setTimeout(() => {
      this.retryTimer = null;
      this.pump();
    }, pause);
    this.changed();
  }

  private clearRetry(): void {
    if (this.retryTimer !== null) this.timers.clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.retryAttempt = 0;
  }

  /** One resume at a time; a gap found meanwhile runs one more pass after it. */
  private resume(): Promise<void> {
    if (this.resuming) {
      this.resumeAgain = true;
      return this.resuming;
    }
    this.resuming = (async () => {
      try {
        do {
          this.resumeAgain = false;
          for (let more = true; more && !this.stopped; ) {
            const answer = await this.options.transport.resume({ conversationId: this.conversationId, afterSeq: this.timeline.lastSeq });
            if (this.stopped) return;
            if (!answer.ok) {
              this.syncError = answer.error;
              this.changed();
              return;
            }
            this.synced = true;
            this.syncError = null;
            this.options.onResumed?.(answer.data);
            this.apply(answer.data.messages);
            more = answer.data.hasMore && answer.data.messages.length > 0;
          }
        } while (this.resumeAgain && !this.stopped);
      } finally {
        this.resuming = null;
      }
    })();
    return this.resuming;
  }

  /** Applies in seq order; returns true when a gap remains. Our own messages coming back settle the outbox. */
  private apply(messages: readonly M[]): boolean {
    const before = this.timeline.applied.length;
    const gap = this.timeline.receive(messages);
    const added = this.timeline.applied.slice(before);
    for (const message of added) if (message.from !== "system") this.ownIds.add(message.clientMessageId);
    this.settleOwn();
    this.changed();
    if (added.length > 0) this.options.onApplied?.(added);
    return gap;
  }

  /** An entry whose message is already stored (its ack was lost) leaves the outbox, unless on its way. */
  private settleOwn(): void {
    for (const entry of this.options.outbox.pending(this.conversationId)) {
      if (this.ownIds.has(entry.clientMessageId) && entry.clientMessageId !== this.inFlight) this.options.outbox.remove(entry.clientMessageId);
    }
  }

  private build(): ChatSessionSnapshot<M> {
    return {
      messages: [...this.timeline.applied],
      sending: this.options.outbox.pending(this.conversationId).filter((entry) => !this.ownIds.has(entry.clientMessageId)),
      hold: this.hold,
      failed: this.failedList,
      lastSeq: this.timeline.lastSeq,
      synced: this.synced,
      syncError: this.syncError,
    };
  }

  private changed(): void {
    this.current = this.build();
    if (!this.stopped) this.options.onChange?.(this.current);
  }
}
