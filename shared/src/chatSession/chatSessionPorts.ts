import type { ChatResumeResult, ResumeChatInput, SendChatMessageInput, UserChatMessageView } from "../chat";
import type { OutboxEntry } from "../chatSync";

/** An answer from the server, or a refusal (TIMEOUT / DISCONNECTED when no answer came at all). */
export type ChatAnswer<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string; retryAfterMs?: number } };

/**
 * What the engine needs from the connection: the two acknowledged chat events. Adapters build it over
 * socket.io (admin), a Taro SocketTask (mini-program) or a fake (tests). Each call resolves, never
 * rejects: a lost connection or a missing ack is { ok: false, error: { code: "TIMEOUT" } }.
 */
export interface ChatTransport<M extends UserChatMessageView> {
  send(input: SendChatMessageInput): Promise<ChatAnswer<M>>;
  resume(input: ResumeChatInput): Promise<ChatAnswer<ChatResumeResult<M>>>;
}

/**
 * Where unacknowledged messages wait, so they survive a reload or an app restart: sessionStorage per
 * staff member (admin), Taro storage (mini-program), memory (tests). Kept across conversations; the
 * engine only reads and writes its own conversation's entries.
 */
export interface ChatOutboxStorage {
  /** This conversation's entries, oldest first. */
  pending(conversationId: string): OutboxEntry[];
  add(entry: OutboxEntry): void;
  remove(clientMessageId: string): void;
}

/** Timers, so tests can drive time; the defaults are the host's setTimeout / clearTimeout / Date.now. */
export interface ChatTimers {
  now(): number;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

interface HostTimers {
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** The host's timers (every JavaScript host the clients run in has them; shared/ has no DOM types). */
export const hostTimers: ChatTimers = {
  now: () => Date.now(),
  setTimeout: (run, ms) => (globalThis as unknown as HostTimers).setTimeout(run, ms),
  clearTimeout: (handle) => (globalThis as unknown as HostTimers).clearTimeout(handle),
};

/** An outbox in memory (tests, and a fallback when storage is unavailable). */
export function memoryOutboxStorage(initial: readonly OutboxEntry[] = []): ChatOutboxStorage & { entries: OutboxEntry[] } {
  const entries = [...initial];
  return {
    entries,
    pending: (conversationId) => entries.filter((entry) => entry.conversationId === conversationId).sort((a, b) => a.queuedAt - b.queuedAt),
    add: (entry) => {
      if (!entries.some((existing) => existing.clientMessageId === entry.clientMessageId)) entries.push(entry);
    },
    remove: (clientMessageId) => {
      const index = entries.findIndex((entry) => entry.clientMessageId === clientMessageId);
      if (index >= 0) entries.splice(index, 1);
    },
  };
}
