import { and, asc, eq, gt, sql } from "drizzle-orm";
import { chatMessageMaxChars } from "@xinyuan/shared";
import { chatMessages } from "../db/schema";
import type { Services } from "../services";
import type { DbOrTx } from "../db/database";
import { AppError } from "../http/errors";

/** Refuses empty and over-long bodies before anything is stored. */
export function checkMessageBody(body: string): void {
  if (body.trim().length === 0) throw new AppError(400, "CHAT_MESSAGE_EMPTY");
  if ([...body].length > chatMessageMaxChars) throw new AppError(413, "CHAT_MESSAGE_TOO_LONG", undefined, { maxChars: chatMessageMaxChars });
}

/** Refused by the per-sender rate: nothing stored; the same message succeeds after `retryAfterMs`. */
export const ChatRateLimitedError = (retryAfterMs: number) =>
  new AppError(429, "CHAT_RATE_LIMITED", undefined, { retryAfterMs }, { "Retry-After": String(Math.max(1, Math.ceil(retryAfterMs / 1000))) });

/**
 * One count at a time per sender: a counsellor writes into several conversations, whose row locks do
 * not serialise each other, so simultaneous sends would each count before the others insert.
 * (Taken after the conversation's row lock, and nothing takes them the other way round.)
 */
async function lockSenderRate(tx: DbOrTx, sender: { type: "user" | "staff"; id: string }): Promise<void> {
  if (sender.type === "staff") await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`chat-rate:${sender.id}`}))`);
}

/**
 * Per-sender limit (CHAT_MESSAGES_PER_SECOND, ~3): counted from stored messages, so it holds across
 * server processes. Checked after the resend lookup, so a resend of a stored message never counts.
 * A refusal says when the oldest message of the window leaves it (retryAfterMs), so the client's
 * outbox waits exactly that long and sends again, in order, instead of blaming the network.
 */
export async function checkRate(tx: DbOrTx, services: Services, sender: { type: "user" | "staff"; id: string }): Promise<void> {
  await lockSenderRate(tx, sender);
  const rows = await tx
    .select({ createdAt: chatMessages.createdAt })
    .from(chatMessages)
    .where(and(eq(chatMessages.senderType, sender.type), eq(chatMessages.senderId, sender.id), gt(chatMessages.createdAt, new Date(services.clock.now().getTime() - 1000))))
    .orderBy(asc(chatMessages.createdAt));
  refuseOverRate(services, rows.map((row) => row.createdAt.getTime()));
}

/** The rate rule on a sender's stored messages of the last second (epoch ms, oldest first), read by the caller under the sender's locks. */
export function refuseOverRate(services: Services, recent: number[]): void {
  const limit = services.config.chat.messagesPerSecond;
  if (recent.length < limit) return;
  // Below the limit again once enough of the window's oldest messages have left it.
  const freeing = recent[recent.length - limit]! + 1000;
  throw ChatRateLimitedError(Math.min(1000, Math.max(50, freeing - services.clock.now().getTime())));
}

/**
 * One sender's sends into one conversation, one at a time and in arrival order. socket.io hands a
 * socket's events to their handlers as they arrive, and the handlers used to run concurrently: the
 * conversation's row lock then went to whichever transaction came first, storing a burst out of
 * order. A socket lives in one process and its events arrive in order, so an in-process queue per
 * (sender, conversation) restores send order; across processes (a reconnect to another instance) the
 * clients' outbox sends the next message only after the previous one is acknowledged, and a resend
 * of the same clientMessageId is idempotent, so order holds there too.
 * A send refused by the rate makes every send already queued behind it refused the same way (they
 * arrived before the client could know), so no later message is stored ahead of it.
 */
export function chatSendQueue() {
  interface Lane {
    tail: Promise<unknown>;
    queued: number;
    /** Sends numbered up to here are refused: they were queued behind a rate-limited one. */
    refusedThrough: number;
    refusal: AppError | null;
    pending: number;
  }
  const lanes = new Map<string, Lane>();
  return function inSendOrder<T>(key: string, send: () => Promise<T>): Promise<T> {
    const lane = lanes.get(key) ?? { tail: Promise.resolve(), queued: 0, refusedThrough: 0, refusal: null, pending: 0 };
    lanes.set(key, lane);
    const number = (lane.queued += 1);
    lane.pending += 1;
    const run = async (): Promise<T> => {
      if (number <= lane.refusedThrough && lane.refusal) throw lane.refusal;
      try {
        return await send();
      } catch (error) {
        if (error instanceof AppError && error.code === "CHAT_RATE_LIMITED") {
          lane.refusedThrough = lane.queued;
          lane.refusal = error;
        }
        throw error;
      }
    };
    const result = lane.tail.then(run, run);
    lane.tail = result.then(
      () => undefined,
      () => undefined,
    ).finally(() => {
      lane.pending -= 1;
      if (lane.pending === 0 && lanes.get(key) === lane) lanes.delete(key);
    });
    return result;
  };
}
