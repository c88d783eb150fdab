import { sql } from "drizzle-orm";
import type { StaffScope } from "@xinyuan/shared";
import type { DbOrTx } from "../db/database";
import type { StatisticsPeriod } from "./statisticsPeriod";
import { aggregateRows, scopeFilter } from "./statisticsSql";

export interface CaseCount {
  period: "current" | "previous";
  opened: number;
  ownedWithin5Min: number;
  referred: number;
  closed: number;
}

/** The 5-minute ownership clock of the cases feature (ownerlessCaseEscalator). */
const ownTargetMinutes = 5;

/**
 * Crisis cases of both periods in the reader's scope (the case's school and area): opened; of those, given
 * an owner (taken, or handed over to someone) within 5 minutes of opening; cases with a referral made in
 * the period; closed in the period. Each measure is anchored on its own moment, so a case opened in April
 * and closed in May counts as opened in April and closed in May.
 */
export async function caseCounts(db: DbOrTx, scope: StaffScope, period: StatisticsPeriod): Promise<CaseCount[]> {
  const inScope = scopeFilter(scope, sql`c.area_id`, sql`c.school_id`);
  const periodOf = (column: ReturnType<typeof sql>) => sql`CASE WHEN ${column} >= ${period.currentStart} THEN 'current' ELSE 'previous' END`;
  const inRange = (column: ReturnType<typeof sql>) => sql`${column} >= ${period.previousStart} AND ${column} < ${period.currentEnd}`;
  const rows = await aggregateRows<{ period: CaseCount["period"]; measure: "opened" | "owned" | "referred" | "closed"; n: number }>(
    db,
    sql`SELECT period, measure, count(*)::int AS n FROM (
          SELECT ${periodOf(sql`c.opened_at`)} AS period, 'opened' AS measure FROM crisis_cases c
          WHERE ${inRange(sql`c.opened_at`)} AND ${inScope}
          UNION ALL
          SELECT ${periodOf(sql`c.opened_at`)}, 'owned' FROM crisis_cases c
          WHERE ${inRange(sql`c.opened_at`)} AND ${inScope}
            AND EXISTS (SELECT 1 FROM case_events e WHERE e.case_id = c.id AND e.kind IN ('taken', 'handed_over')
                          AND e.at <= c.opened_at + interval '${sql.raw(String(ownTargetMinutes))} minutes')
          UNION ALL
          SELECT DISTINCT ON (c.id, ${periodOf(sql`r.created_at`)}) ${periodOf(sql`r.created_at`)}, 'referred'
          FROM case_referrals r JOIN crisis_cases c ON c.id = r.case_id
          WHERE ${inRange(sql`r.created_at`)} AND ${inScope}
          UNION ALL
          SELECT ${periodOf(sql`c.closed_at`)}, 'closed' FROM crisis_cases c
          WHERE ${inRange(sql`c.closed_at`)} AND ${inScope}
        ) t GROUP BY period, measure`,
  );
  return (["current", "previous"] as const).map((which) => {
    const of = (measure: string) => rows.find((row) => row.period === which && row.measure === measure)?.n ?? 0;
    return { period: which, opened: of("opened"), ownedWithin5Min: of("owned"), referred: of("referred"), closed: of("closed") };
  });
}
