import { sql } from "drizzle-orm";
import type { StaffScope } from "@xinyuan/shared";
import type { DbOrTx } from "../db/database";
import { noPlace } from "../db/schema";
import type { StatisticsPeriod } from "./statisticsPeriod";
import { aggregateRows, scopeFilter } from "./statisticsSql";

/** Which breakdown a count belongs to; "total" has no key. */
export type ContactDimension = "total" | "channel" | "month" | "area" | "school" | "stage" | "age_band" | "risk" | "follow_up" | "referred" | "category";

export interface ContactCount {
  period: "current" | "previous";
  dimension: ContactDimension;
  key: string;
  count: number;
}

/**
 * Every contact breakdown of both periods, summed from the daily rollup (contact_stats_daily, kept by
 * triggers on the records): one pass over the reader's grain for the per-dimension counts, one over the
 * per-school totals for area, school, stage and month. Records without a place count for the county only.
 * The per-school totals are read from their own partial index (contact_stats_daily_place_idx, no table
 * pages) and first summed per school and month on their raw values, so the grouping sets and the text of
 * ids and months work on a few thousand rows rather than one per school and day (57 → 25 ms for a year).
 */
export async function contactCounts(db: DbOrTx, scope: StaffScope, period: StatisticsPeriod): Promise<ContactCount[]> {
  const inScope = scopeFilter(scope, sql`d.area_id`, sql`d.school_id`);
  // the county reads the county grain, an area its area's rows, a school its school's: a small slice each
  const grain = sql.raw(`'${scope.level === "county" ? "county" : scope.level === "area" ? "area" : "school"}'`);
  const inRange = sql`d.day >= ${period.previousFrom}::date AND d.day <= ${period.to}::date`;
  const periodOf = sql`CASE WHEN d.day >= ${period.from}::date THEN 'current' ELSE 'previous' END`;
  const [byDimension, byPlace] = await Promise.all([
    aggregateRows<{ period: ContactCount["period"]; dimension: ContactDimension; key: string; n: number }>(
      db,
      sql`SELECT ${periodOf} AS period, d.dimension, d.key, sum(d.n)::int AS n
          FROM contact_stats_daily d WHERE d.grain = ${grain} AND ${inRange} AND ${inScope}
          GROUP BY 1, 2, 3 HAVING sum(d.n) <> 0`,
    ),
    aggregateRows<{ period: ContactCount["period"]; area: string | null; school: string | null; stage: string | null; month: string | null; grp: number; n: number }>(
      db,
      sql`SELECT period, area, school, stage, month, GROUPING(area, school, stage, month)::int AS grp, sum(n)::int AS n FROM (
            SELECT g.period, nullif(g.area_id, ${noPlace}::uuid)::text AS area, nullif(g.school_id, ${noPlace}::uuid)::text AS school,
                   s.stage, to_char(g.month, 'YYYY-MM') AS month, g.n
            FROM (
              SELECT ${periodOf} AS period, d.area_id, d.school_id, date_trunc('month', d.day::timestamp) AS month, sum(d.n) AS n
              FROM contact_stats_daily d
              WHERE d.grain = 'school' AND d.dimension = 'total' AND ${inRange} AND ${inScope}
              GROUP BY 1, 2, 3, 4
            ) g LEFT JOIN schools s ON s.id = g.school_id
          ) t
          GROUP BY GROUPING SETS ((period, area), (period, school), (period, stage), (period, month))
          HAVING sum(n) <> 0`,
    ),
  ]);
  const placeDimension: Array<[number, ContactDimension, "area" | "school" | "stage" | "month"]> = [
    [0b0111, "area", "area"],
    [0b1011, "school", "school"],
    [0b1101, "stage", "stage"],
    [0b1110, "month", "month"],
  ];
  return [
    ...byDimension.map((row) => ({ period: row.period, dimension: row.dimension, key: row.key, count: row.n })),
    ...byPlace.flatMap((row) => {
      const match = placeDimension.find(([grp]) => grp === row.grp);
      if (!match) return [];
      const value = row[match[2]];
      return [{ period: row.period, dimension: match[1], key: value ?? "unknown", count: row.n }];
    }),
  ];
}
