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
