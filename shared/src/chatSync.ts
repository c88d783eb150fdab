/**
 * Client-side delivery helpers for the chat, shared by the admin and the mini-program (and used by the
 * chaos test, so the algorithm the clients run is the one that was proven).
 *
 * ChatTimeline applies incoming messages exactly once and in order: it keeps the last applied seq,
 * ignores what it already has, buffers what comes early and reports a gap so the caller runs
 * "chat:resume". ChatOutbox holds sent-but-unacknowledged messages so they are resent, with the same
 * clientMessageId, after a reconnect or an app restart (persist `pending()` in storage).
 */
export interface SequencedMessage {
  seq: number;
}

export class ChatTimeline<M extends SequencedMessage> {
  private readonly early = new Map<number, M>();
  readonly applied: M[] = [];

  constructor(private lastSeqValue = 0) {}

  get lastSeq(): number {
    return this.lastSeqValue;
  }

  /**
   * Applies what can be applied in order. Returns true when a gap remains (a message with a higher seq
   * arrived before the ones in between): the caller should resume from `lastSeq`.
   */
  receive(messages: M | readonly M[]): boolean {
    for (const message of Array.isArray(messages) ? (messages as readonly M[]) : [messages as M]) {
      if (message.seq > this.lastSeqValue) this.early.set(message.seq, message);
    }
    for (let next = this.early.get(this.lastSeqValue + 1); next; next = this.early.get(this.lastSeqValue + 1)) {
      this.early.delete(next.seq);
      this.applied.push(next);
      this.lastSeqValue = next.seq;
    }
    for (const seq of this.early.keys()) if (seq <= this.lastSeqValue) this.early.delete(seq);
    return this.early.size > 0;
  }
}

export interface OutboxEntry {
  conversationId: string;
  clientMessageId: string;
  body: string;
  queuedAt: number;
}

export class ChatOutbox {
  private readonly entries = new Map<string, OutboxEntry>();

  constructor(saved: readonly OutboxEntry[] = []) {
    for (const entry of saved) this.entries.set(entry.clientMessageId, entry);
  }

  add(entry: OutboxEntry): void {
    this.entries.set(entry.clientMessageId, entry);
  }

  /** The server acknowledged it (with a seq): it is stored and will come back through the timeline. */
  acknowledge(clientMessageId: string): void {
    this.entries.delete(clientMessageId);
  }

  /** Still unacknowledged, oldest first: resend these, in this order, after every (re)connect. */
  pending(): OutboxEntry[] {
    return [...this.entries.values()].sort((a, b) => a.queuedAt - b.queuedAt);
  }

  get size(): number {
    return this.entries.size;
  }
}

/** A client message id: random, URL-safe, unique per sender in practice. */
export function newClientMessageId(random: () => number = Math.random): string {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  let id = "";
  for (let index = 0; index < 22; index += 1) id += alphabet[Math.floor(random() * alphabet.length)];
  return id;
}

/** One side's receipt cursor: the last seq it has received and the last it has seen. */
export interface ReceiptCursor {
  deliveredSeq: number;
  readSeq: number;
}

/**
 * The later of two receipt cursors, field by field. Receipts and resume snapshots can arrive out of order
 * across reconnects (a snapshot read before a receipt may land after it), so a cursor only moves forward.
 */
export function laterCursor(current: ReceiptCursor | null | undefined, next: ReceiptCursor): ReceiptCursor {
  if (!current) return { deliveredSeq: next.deliveredSeq, readSeq: next.readSeq };
  return { deliveredSeq: Math.max(current.deliveredSeq, next.deliveredSeq), readSeq: Math.max(current.readSeq, next.readSeq) };
}
