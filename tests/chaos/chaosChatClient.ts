import { io, type Socket } from "socket.io-client";
import { ChatSessionEngine, chatRateCodes, chatRetryLaterCodes, memoryOutboxStorage, type ChatAnswer, type ChatMessageView, type ChatResumeResult, type ChatTransport, type ClientToServerEvents, type ServerToClientEvents } from "@xinyuan/shared";

type LooseEmitter = { timeout(ms: number): { emit(event: string, input: unknown, ack: (error: Error | null, result: unknown) => void): void } };

/**
 * A chat client that runs the very engine the admin and the mini-program run (shared/src/chatSession):
 * an outbox sent one message at a time and resent (same clientMessageId) after every reconnect, and a
 * timeline that applies messages once, in seq order, resuming from its last seq on every (re)connect
 * and on any gap. Reconnects by itself, including after the server disconnected it. Records every ack
 * (to catch an id acked with two seqs) and any refusal the engine would not retry.
 */
export class ChaosChatClient {
  readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>;
  /** clientMessageId -> seq from the send acks (every ack, to catch an id acked with two seqs). */
  private readonly ackedBySend = new Map<string, number>();
  private readonly mine = new Set<string>();
  readonly problems: string[] = [];
  /** Bodies in the order this client wrote them. */
  readonly written: string[] = [];
  private readonly storage = memoryOutboxStorage();
  private readonly engine: ChatSessionEngine<ChatMessageView>;
  private timer: NodeJS.Timeout;

  constructor(
    url: string,
    token: string,
    readonly conversationId: string,
    readonly name: string,
  ) {
    this.socket = io(url, { path: "/socket.io", auth: { token }, transports: ["websocket"], reconnection: true, reconnectionDelay: 100, reconnectionDelayMax: 400, timeout: 3000 });
    this.engine = new ChatSessionEngine<ChatMessageView>({ conversationId, transport: this.transport(), outbox: this.storage });
    this.socket.on("connect", () => void this.engine.resync());
    this.socket.on("disconnect", (reason) => {
      if (reason === "io server disconnect") setTimeout(() => this.socket.connect(), 100);
    });
    this.socket.on("chat:message", (message) => this.engine.receive(message));
    this.timer = setInterval(() => {
      if (this.socket.connected) void this.engine.resync();
    }, 500);
  }

  /**
   * clientMessageId -> seq of every message of ours the server has stored: acked by "chat:send", or seen
   * come back in the stream first (the engine then never resends it, so its ack may never come).
   */
  get acked(): Map<string, number> {
    const acked = new Map(this.ackedBySend);
    for (const message of this.engine.snapshot.messages) if (this.mine.has(message.clientMessageId) && !acked.has(message.clientMessageId)) acked.set(message.clientMessageId, message.seq);
    return acked;
  }

  /** What was applied, in order, and the last seq (the same shape the checks read). */
  get timeline(): { applied: readonly ChatMessageView[]; lastSeq: number } {
    const { messages, lastSeq } = this.engine.snapshot;
    return { applied: messages, lastSeq };
  }

  get outbox(): { size: number } {
    return { size: this.storage.entries.length };
  }

  send(body: string): void {
    this.written.push(body);
    const entry = this.engine.send(body);
    if (entry) this.mine.add(entry.clientMessageId);
  }

  /** Simulates the network dropping under the client (the transport closes; socket.io reconnects). */
  dropNetwork(): void {
    this.socket.io.engine?.close();
  }

  /** "chat:resume" from the last applied seq until there is nothing more. */
  resume(): Promise<void> {
    return this.engine.resync();
  }

  close(): void {
    clearInterval(this.timer);
    this.engine.stop();
    this.socket.disconnect();
  }

  private emit<T>(event: string, input: unknown): Promise<ChatAnswer<T>> {
    return new Promise((resolve) => {
      if (!this.socket.connected) return resolve({ ok: false, error: { code: "DISCONNECTED", message: "" } });
      (this.socket as unknown as LooseEmitter).timeout(4000).emit(event, input, (error, result) => resolve(error || !result ? { ok: false, error: { code: "TIMEOUT", message: "" } } : (result as ChatAnswer<T>)));
    });
  }

  private transport(): ChatTransport<ChatMessageView> {
    return {
      send: async (input) => {
        const answer = await this.emit<ChatMessageView>("chat:send", input);
        if (answer.ok) {
          const previous = this.ackedBySend.get(input.clientMessageId);
          if (previous !== undefined && previous !== answer.data.seq) this.problems.push(`${this.name}: ${input.clientMessageId} acked as ${previous} and ${answer.data.seq}`);
          this.ackedBySend.set(input.clientMessageId, answer.data.seq);
        } else if (!chatRateCodes.has(answer.error.code) && !chatRetryLaterCodes.has(answer.error.code)) {
          this.problems.push(`${this.name}: send refused ${answer.error.code}`);
        }
        return answer;
      },
      resume: (input) => this.emit<ChatResumeResult<ChatMessageView>>("chat:resume", input),
    };
  }
}
