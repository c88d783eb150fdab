import { sql } from "drizzle-orm";
import type { StaffScope } from "@xinyuan/shared";
import type { DbOrTx } from "../db/database";
import { letterDueClock } from "../letters/letterCalendar";
import type { StatisticsPeriod } from "./statisticsPeriod";
import { aggregateRows, scopeFilter } from "./statisticsSql";

export interface LetterCount {
  period: "current" | "previous";
  /** all | school | area | county (the kind of box the writer sent it to) */
  kind: string;
  received: number;
  onTime: number;
  late: number;
  unreplied: number;
  medianWorkingDays: number | null;
}

/**
 * Letters received in both periods, by the kind of box they were sent to, in the reader's scope (the box's
 * place: a school admin sees their school box's letters, never an area or county letter kept from them).
 *
 * The first teacher's reply is judged against the due time the writer was first given — 18:00 county
 * time of the N-th working day after arrival, N being the home box's working days — worked out again
 * from the holiday calendar and the 寒暑假 terms, because letters.due_at moves when a letter escalates or
 * the writer writes again. Working days to the first reply count the working days after the day of
 * arrival up to the reply's day (0: answered the same day). The calendar (a few hundred days) is folded
 * into two arrays — working days counted up to each day, and the k-th working day — so placing a letter
 * is two array lookups rather than a join the planner may run as a nested loop (1.4 s on 30 000 letters).
 * The first reply is a grouped join, not a subquery per letter: the subquery is cheap but its estimated
 * cost switched on PostgreSQL's JIT (70 ms of compiling) and it ran once per use of its column.
 */
export async function letterCounts(db: DbOrTx, scope: StaffScope, period: StatisticsPeriod): Promise<LetterCount[]> {
  const inScope = scopeFilter(scope, sql`l.box_area_id`, sql`l.box_school_id`);
  const local = (column: ReturnType<typeof sql>) => sql`((${column} AT TIME ZONE 'UTC') + interval '8 hours')`;
  const rows = await aggregateRows<{ period: LetterCount["period"]; kind: string | null; received: number; on_time: number; late: number; unreplied: number; median_days: number | null }>(
    db,
    sql`WITH cal AS (
          SELECT d::date AS day,
                 extract(isodow FROM d) <= 5
                   AND NOT EXISTS (SELECT 1 FROM hotline_holidays h WHERE h.date = d::date)
                   AND NOT EXISTS (SELECT 1 FROM letter_terms t WHERE d::date BETWEEN t.starts_on AND t.ends_on) AS working
          FROM generate_series(${period.previousFrom}::date - 1, ${period.to}::date + 400, interval '1 day') d
        ), numbered AS (
          SELECT day, working, sum(working::int) OVER (ORDER BY day) AS n FROM cal
        ), calendar AS (
          -- by_day[i]: working days counted up to the calendar's i-th day; workday[k]: the k-th working day
          SELECT min(day) AS first_day, array_agg(n ORDER BY day) AS by_day, array_agg(day ORDER BY day) FILTER (WHERE working) AS workday FROM numbered
        ), received AS (
          SELECT CASE WHEN l.created_at >= ${period.currentStart} THEN 'current' ELSE 'previous' END AS period,
                 l.mailbox_kind AS kind,
                 ${local(sql`l.created_at`)}::date AS arrived_on,
                 m.reply_working_days AS days,
                 ${local(sql`min(lm.created_at)`)} AS replied
          FROM letters l JOIN mailboxes m ON m.id = l.mailbox_id
          LEFT JOIN letter_messages lm ON lm.letter_id = l.id AND lm.sender_type = 'staff'
          WHERE l.created_at >= ${period.previousStart} AND l.created_at < ${period.currentEnd} AND ${inScope}
          GROUP BY l.id, m.reply_working_days
        ), placed AS (
          SELECT r.period, r.kind, r.replied, r.days,
                 c.by_day[r.arrived_on - c.first_day + 1] AS arrived_n,
                 c.by_day[r.replied::date - c.first_day + 1] AS replied_n,
                 c.workday
          FROM received r CROSS JOIN calendar c
        ), judged AS (
          SELECT period, kind, replied,
                 replied IS NOT NULL AND (workday[arrived_n + days] IS NULL OR replied <= workday[arrived_n + days] + time '${sql.raw(letterDueClock)}') AS on_time,
                 replied_n - arrived_n AS working_days
          FROM placed
        )
        SELECT period, kind, count(*)::int AS received,
               count(*) FILTER (WHERE on_time)::int AS on_time,
               count(*) FILTER (WHERE replied IS NOT NULL AND NOT on_time)::int AS late,
               count(*) FILTER (WHERE replied IS NULL)::int AS unreplied,
               (percentile_cont(0.5) WITHIN GROUP (ORDER BY working_days) FILTER (WHERE replied IS NOT NULL))::float AS median_days
        FROM judged
        GROUP BY GROUPING SETS ((period), (period, kind))`,
  );
  return rows.map((row) => ({
    period: row.period,
    kind: row.kind ?? "all",
    received: row.received,
    onTime: row.on_time,
    late: row.late,
    unreplied: row.unreplied,
    medianWorkingDays: row.median_days == null ? null : Math.round(Number(row.median_days) * 10) / 10,
  }));
}
