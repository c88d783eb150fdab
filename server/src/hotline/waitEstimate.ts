import { and, eq, gte, isNotNull, sql } from "drizzle-orm";
import { hotlineTickets } from "../db/schema";
import type { DbOrTx } from "../db/database";

/** Used until the line has served enough calls to measure (a typical counselling call). */
export const defaultHandleMinutes = 15;
const sampleDays = 14;
const minimumSample = 5;

/** Calls completed in the last two weeks and their mean minutes from claim to outcome (null with none). */
export async function measuredHandleTime(db: DbOrTx, now: Date): Promise<{ calls: number; minutes: number | null }> {
  const since = new Date(now.getTime() - sampleDays * 86_400_000);
  const [row] = await db
    .select({
      count: sql<number>`count(*)::int`,
      minutes: sql<number | null>`avg(extract(epoch from (${hotlineTickets.closedAt} - ${hotlineTickets.claimedAt})) / 60)::float`,
    })
    .from(hotlineTickets)
    .where(and(eq(hotlineTickets.status, "completed"), isNotNull(hotlineTickets.claimedAt), gte(hotlineTickets.closedAt, since)));
  const calls = Number(row?.count ?? 0);
  return { calls, minutes: calls === 0 || row?.minutes == null ? null : Math.max(1, Math.round(Number(row.minutes))) };
}

/** The pace behind wait estimates: the line's own mean once it has served enough calls, else a typical call. */
export async function averageHandleMinutes(db: DbOrTx, now: Date): Promise<number> {
  const measured = await measuredHandleTime(db, now);
  if (measured.calls < minimumSample || measured.minutes === null) return defaultHandleMinutes;
  return measured.minutes;
}

/**
 * Minutes until a caller at `position` (1 = next) is likely taken: the idle counsellors take the first
 * few at once; the rest wait for calls to end, `serving` at a time. Null when nobody serves the line,
 * so the app says so instead of inventing a number.
 */
export function estimateWaitMinutes(position: number, serving: number, idle: number, handleMinutes: number): number | null {
  if (serving <= 0) return null;
  if (position <= idle) return 1;
  const rounds = Math.ceil((position - idle) / serving);
  // the calls in progress are on average half done
  return Math.max(1, Math.round((rounds - 0.5) * handleMinutes));
}
