import { sql } from "drizzle-orm";
import { hotlineAnswerTargetMinutes } from "@xinyuan/shared";
import type { DbOrTx } from "../db/database";
import type { HotlineConfig } from "../hotline/hotlineConfig";
import { coverageGaps } from "../hotline/hotlineSchedule";
import type { StatisticsPeriod } from "./statisticsPeriod";
import { aggregateRows } from "./statisticsSql";

export interface HotlineFigures {
  offered: number;
  answeredWithin5Min: number;
  medianWaitMinutes: number | null;
  abandoned: number;
  missedCallbacks: number;
  completed: number;
}

/**
 * The county line over the period, by when a caller became ready. Offered: claimed, or left waiting
 * past the 5-minute target (a caller who gave up sooner is not counted against the line, as on the
 * board); answered: first claimed within 5 minutes of being ready.
 */
export async function hotlineFigures(db: DbOrTx, period: StatisticsPeriod): Promise<HotlineFigures> {
  const target = sql`interval '${sql.raw(String(hotlineAnswerTargetMinutes))} minutes'`;
  const [row] = await aggregateRows<{ offered: number; answered: number; median_wait: number | null; abandoned: number; missed: number; completed: number }>(
    db,
    sql`SELECT
          count(*) FILTER (WHERE first_claimed_at IS NOT NULL OR closed_at IS NULL OR closed_at > first_ready_at + ${target})::int AS offered,
          count(*) FILTER (WHERE first_claimed_at <= first_ready_at + ${target})::int AS answered,
          (percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM first_claimed_at - first_ready_at)) FILTER (WHERE first_claimed_at IS NOT NULL) / 60)::float AS median_wait,
          count(*) FILTER (WHERE status = 'cancelled' AND first_claimed_at IS NULL)::int AS abandoned,
          count(*) FILTER (WHERE kind = 'callback' AND status = 'missed')::int AS missed,
          count(*) FILTER (WHERE status = 'completed')::int AS completed
        FROM hotline_tickets
        WHERE first_ready_at >= ${period.currentStart} AND first_ready_at < ${period.currentEnd}`,
  );
  return {
    offered: row?.offered ?? 0,
    answeredWithin5Min: row?.answered ?? 0,
    medianWaitMinutes: row?.median_wait == null ? null : Math.round(Number(row.median_wait) * 10) / 10,
    abandoned: row?.abandoned ?? 0,
    missedCallbacks: row?.missed ?? 0,
    completed: row?.completed ?? 0,
  };
}

export interface ChatFigures {
  chats: number;
  answered: number;
  medianFirstResponseSeconds: number | null;
  ratings: Record<string, number>;
}

/**
 * Chats started in the period: how many a counsellor answered, how soon their first message came (kept on
 * the conversation by a trigger on chat_messages), ratings (1–5 stars, the only values the rating accepts).
 * One pass, read from conversations_stats_idx alone (created_at, first_reply_at, rating).
 */
export async function chatFigures(db: DbOrTx, period: StatisticsPeriod): Promise<ChatFigures> {
  const [row] = await aggregateRows<{ chats: number; answered: number; median_first: number | null; r1: number; r2: number; r3: number; r4: number; r5: number }>(
    db,
    sql`SELECT count(*)::int AS chats,
               count(first_reply_at)::int AS answered,
               (percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM first_reply_at - created_at)) FILTER (WHERE first_reply_at IS NOT NULL))::float AS median_first,
               count(*) FILTER (WHERE rating = 1)::int AS r1, count(*) FILTER (WHERE rating = 2)::int AS r2, count(*) FILTER (WHERE rating = 3)::int AS r3,
               count(*) FILTER (WHERE rating = 4)::int AS r4, count(*) FILTER (WHERE rating = 5)::int AS r5
        FROM conversations
        WHERE created_at >= ${period.currentStart} AND created_at < ${period.currentEnd}`,
  );
  const ratingRows = ([1, 2, 3, 4, 5] as const).map((rating) => ({ rating, n: row?.[`r${rating}`] ?? 0 })).filter((rating) => rating.n > 0);
  return {
    chats: row?.chats ?? 0,
    answered: row?.answered ?? 0,
    medianFirstResponseSeconds: row?.median_first == null ? null : Math.round(Number(row.median_first)),
    ratings: Object.fromEntries(ratingRows.map((rating) => [String(rating.rating), rating.n])),
  };
}

/** Service hours of the period against the roster: how many of them nobody was rostered for. */
export async function coverageFigures(db: DbOrTx, config: HotlineConfig, period: StatisticsPeriod): Promise<{ serviceHours: number; uncoveredHours: number }> {
  const days = Math.round((period.currentEnd.getTime() - period.currentStart.getTime()) / 86_400_000);
  const coverage = await coverageGaps(db, config, period.currentStart, days);
  const uncovered = coverage.gaps.reduce((sum, gap) => sum + gap.minutes, 0);
  return { serviceHours: Math.round(coverage.serviceMinutes / 6) / 10, uncoveredHours: Math.round(uncovered / 6) / 10 };
}
