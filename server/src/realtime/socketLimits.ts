import type { IncomingHttpHeaders } from "node:http";
import { errorMessages } from "@xinyuan/shared";
import type { Clock } from "../clock";
import { clientRateKey } from "../http/rateLimit";

/**
 * Socket limits (issue 14): a token bucket per socket per kind of client event, and caps on open sockets
 * per session and per client address. Everything is in this process's memory and O(1) per event: a
 * socket lives in one process, so its buckets do too; the connection caps hold per process (with N
 * processes a session may hold N × the cap, still a small number).
 */
export interface BucketRule {
  /** Events allowed at once. */
  burst: number;
  /** Events given back per second. */
  perSecond: number;
}

/**
 * Each client event of shared/src/socket.ts with its bucket, sized well above what the admin and the
 * mini-program send (typing at most every 3 s plus a "stopped" per message; a receipt pair per message
 * received; a resume per open conversation and page on every reconnect). "chat:send" is not limited
 * here: chat/chatMessageSender limits each sender and refuses every send queued behind a refused one, so
 * messages never overtake each other; a second limiter in front of it could.
 */
export const socketEventRules: Readonly<Record<string, BucketRule>> = {
  "chat:typing": { burst: 10, perSecond: 4 },
  "chat:delivered": { burst: 30, perSecond: 10 },
  "chat:read": { burst: 30, perSecond: 10 },
  "chat:resume": { burst: 60, perSecond: 10 },
  "chat:watch": { burst: 10, perSecond: 1 },
  "chat:unwatch": { burst: 10, perSecond: 2 },
  "hotline:watch": { burst: 10, perSecond: 1 },
  "hotline:unwatch": { burst: 10, perSecond: 2 },
  "duty:set": { burst: 10, perSecond: 1 },
};

/** Events the server has no handler for share one small bucket (names are not trusted as map keys). */
export const otherEventsRule: BucketRule = { burst: 10, perSecond: 1 };
export const unlimitedEvents: ReadonlySet<string> = new Set(["chat:send"]);

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * One socket's buckets. `take(event)` answers 0 when the event may run, else the milliseconds until
 * one token is back.
 */
export function socketEventLimiter(clock: Clock) {
  const buckets = new Map<string, Bucket>();
  return {
    take(event: string): number {
      if (unlimitedEvents.has(event)) return 0;
      const known = Object.hasOwn(socketEventRules, event);
      const rule = known ? socketEventRules[event]! : otherEventsRule;
      const key = known ? event : "(other)";
      const now = clock.now().getTime();
      let bucket = buckets.get(key);
      if (!bucket) {
        bucket = { tokens: rule.burst, at: now };
        buckets.set(key, bucket);
      }
      bucket.tokens = Math.min(rule.burst, bucket.tokens + ((now - bucket.at) / 1000) * rule.perSecond);
      bucket.at = now;
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return 0;
      }
      return Math.max(1, Math.ceil(((1 - bucket.tokens) / rule.perSecond) * 1000));
    },
  };
}

/** The ack of an event over its bucket: the same shape as any refusal, with when to try again. */
export function rateLimitedAck(retryAfterMs: number) {
  return { ok: false as const, error: { code: "RATE_LIMITED" as const, message: errorMessages.RATE_LIMITED, retryAfterMs } };
}

/** Open sockets per key in this process: reserve at the handshake, release when the connection closes. */
export function connectionCounter() {
  const open = new Map<string, number>();
  return {
    count: (key: string) => open.get(key) ?? 0,
    reserve(key: string): () => void {
      open.set(key, (open.get(key) ?? 0) + 1);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        const left = (open.get(key) ?? 1) - 1;
        if (left <= 0) open.delete(key);
        else open.set(key, left);
      };
    },
  };
}

/**
 * The client's rate-limit key at the handshake, as Koa reads it for HTTP: behind a trusted proxy, the
 * last X-Forwarded-For entry (the one our proxy appended; earlier ones the client may have written).
 */
export function socketClientKey(handshake: { address: string; headers: IncomingHttpHeaders }, trustProxy: boolean): string {
  const forwarded = trustProxy ? handshake.headers["x-forwarded-for"] : undefined;
  const list = Array.isArray(forwarded) ? forwarded.join(",") : forwarded;
  const last = list?.split(",").map((entry) => entry.trim()).filter(Boolean).pop();
  const address = last ?? handshake.address;
  return address ? clientRateKey(address) : "unknown";
}

export const tooManyConnections = {
  session: "这个账号同时打开的页面太多了，请关掉一些页面后再试。",
  address: "这个网络里同时在线的人太多了，请稍等一会儿再试。",
} as const;
