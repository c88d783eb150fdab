import { io, type Socket } from "socket.io-client";
import { ChatOutbox, ChatTimeline, newClientMessageId, type ChatMessageView, type ChatResumeResult, type ClientToServerEvents, type OutboxEntry, type ServerToClientEvents } from "@xinyuan/shared";

type AckResult<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } };

/**
 * A chat client that behaves as the admin and mini-program must: an outbox of unacknowledged
 * messages resent (same clientMessageId) after every reconnect, and a timeline that applies messages
 * once, in seq order, resuming from its last seq on every (re)connect and on any gap. Reconnects by
 * itself, including after the server disconnected it.
 */
export class ChaosChatClient {
  readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>;
  readonly timeline = new ChatTimeline<ChatMessageView>();
  readonly outbox = new ChatOutbox();
  /** clientMessageId -> seq the server acknowledged (every ack, to catch an id acked with two seqs). */
  readonly acked = new Map<string, number>();
  readonly problems: string[] = [];
  sentCount = 0;
  private inFlight = new Set<string>();
  private resuming = false;
  private resumeAgain = false;
  private timer: NodeJS.Timeout;

  constructor(
    url: string,
    token: string,
    readonly conversationId: string,
    readonly name: string,
  ) {
    this.socket = io(url, { path: "/socket.io", auth: { token }, transports: ["websocket"], reconnection: true, reconnectionDelay: 100, reconnectionDelayMax: 400, timeout: 3000 });
    this.socket.on("connect", () => {
      this.inFlight.clear();
      void this.resume().then(() => this.flush());
    });
    this.socket.on("disconnect", (reason) => {
      this.inFlight.clear();
      if (reason === "io server disconnect") setTimeout(() => this.socket.connect(), 100);
    });
    this.socket.on("chat:message", (message) => {
      if (message.conversationId !== this.conversationId) return;
      if (this.timeline.receive(message)) void this.resume();
    });
    this.timer = setInterval(() => {
      if (!this.socket.connected) return;
      this.flush();
      void this.resume();
    }, 500);
  }

  send(body: string): void {
    const entry: OutboxEntry = { conversationId: this.conversationId, clientMessageId: newClientMessageId(), body, queuedAt: Date.now() + this.sentCount / 1000 };
    this.sentCount += 1;
    this.outbox.add(entry);
    this.trySend(entry);
  }

  /** Simulates the network dropping under the client (the transport closes; socket.io reconnects). */
  dropNetwork(): void {
    this.socket.io.engine?.close();
  }

  private flush(): void {
    for (const entry of this.outbox.pending()) this.trySend(entry);
  }

  private trySend(entry: OutboxEntry): void {
    if (!this.socket.connected || this.inFlight.has(entry.clientMessageId)) return;
    this.inFlight.add(entry.clientMessageId);
    this.socket.timeout(4000).emit("chat:send", { conversationId: entry.conversationId, clientMessageId: entry.clientMessageId, body: entry.body }, (error: Error | null, result: AckResult<ChatMessageView>) => {
      this.inFlight.delete(entry.clientMessageId);
      if (error || !result) return;
      if (!result.ok) {
        if (result.error.code !== "CHAT_RATE_LIMITED") this.problems.push(`${this.name}: send refused ${result.error.code}`);
        return;
      }
      const previous = this.acked.get(entry.clientMessageId);
      if (previous !== undefined && previous !== result.data.seq) this.problems.push(`${this.name}: ${entry.clientMessageId} acked as ${previous} and ${result.data.seq}`);
      this.acked.set(entry.clientMessageId, result.data.seq);
      this.outbox.acknowledge(entry.clientMessageId);
    });
  }

  /** "chat:resume" from the last applied seq until there is nothing more. */
  async resume(): Promise<void> {
    if (this.resuming) {
      this.resumeAgain = true;
      return;
    }
    this.resuming = true;
    try {
      do {
        this.resumeAgain = false;
        for (let more = true; more && this.socket.connected; ) {
          const result = await new Promise<AckResult<ChatResumeResult> | undefined>((resolve) =>
            this.socket.timeout(4000).emit("chat:resume", { conversationId: this.conversationId, afterSeq: this.timeline.lastSeq }, (error: Error | null, answer: AckResult<ChatResumeResult>) => resolve(error ? undefined : answer)),
          );
          if (!result?.ok) break;
          this.timeline.receive(result.data.messages);
          more = result.data.hasMore;
        }
      } while (this.resumeAgain && this.socket.connected);
    } finally {
      this.resuming = false;
    }
  }

  close(): void {
    clearInterval(this.timer);
    this.socket.disconnect();
  }
}
