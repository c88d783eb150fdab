import { sql } from "drizzle-orm";
import type { Database } from "../db/database";
import type { Clock } from "../clock";
import { RateLimitedError } from "./errors";

export interface RateLimitRule {
  /** Bucket name, e.g. "staff-login". */
  name: string;
  limit: number;
  windowSeconds: number;
}

/**
 * Fixed-window counter in the database, so every server process shares it. Throws 429 with Retry-After
 * when `key` has used up its window.
 */
export async function consumeRateLimit(db: Database, clock: Clock, rule: RateLimitRule, key: string): Promise<void> {
  const now = clock.now().getTime();
  const windowMs = rule.windowSeconds * 1000;
  const windowStart = new Date(Math.floor(now / windowMs) * windowMs);
  const bucket = `${rule.name}:${key}`;
  const result = await db.execute<{ count: number }>(sql`
    INSERT INTO rate_limit_buckets (key, window_start, count) VALUES (${bucket}, ${windowStart.toISOString()}, 1)
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN rate_limit_buckets.window_start = excluded.window_start THEN rate_limit_buckets.count + 1 ELSE 1 END,
      window_start = excluded.window_start
    RETURNING count`);
  const count = Number((result as unknown as { rows: Array<{ count: number }> }).rows[0]?.count ?? 0);
  if (count > rule.limit) {
    const retryAfter = Math.max(1, Math.ceil((windowStart.getTime() + windowMs - now) / 1000));
    throw RateLimitedError(retryAfter);
  }
}

/**
 * The client part of a rate-limit key: an IPv4 address as is; an IPv6 address by its /64 network, since
 * one subscriber line gets a whole /64 and could otherwise rotate through addresses to reset its limits.
 */
export function clientRateKey(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return mapped[1]!;
  if (!ip.includes(":")) return ip;
  const [head = "", tail = ""] = ip.split("::");
  const front = head ? head.split(":") : [];
  const back = tail ? tail.split(":") : [];
  const groups = ip.includes("::") ? [...front, ...Array<string>(Math.max(0, 8 - front.length - back.length)).fill("0"), ...back] : front;
  return `${groups.slice(0, 4).map((group) => group.toLowerCase().replace(/^0+(?=.)/, "")).join(":")}::/64`;
}

