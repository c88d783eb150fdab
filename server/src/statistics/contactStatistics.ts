import { sql } from "drizzle-orm";
import type { StaffScope } from "@xinyuan/shared";
import type { DbOrTx } from "../db/database";
import type { StatisticsPeriod } from "./statisticsPeriod";
import { aggregateRows, countyMonthOf, scopeFilter } from "./statisticsSql";

/** Which breakdown a count belongs to; "total" has no key. */
export type ContactDimension = "total" | "channel" | "month" | "area" | "school" | "stage" | "age_band" | "risk" | "follow_up" | "referred" | "category";

export interface ContactCount {
  period: "current" | "previous";
  dimension: ContactDimension;
  key: string;
  count: number;
}

interface GroupedRow {
  period: "c" | "p";
  channel: string | null;
  month: string | null;
  area_id: string | null;
  school_id: string | null;
  stage: string | null;
  age_band: string | null;
  risk_level: string | null;
  follow_up: boolean | null;
  referred: boolean | null;
  grp: number;
  n: number;
}

/** GROUPING() bit order follows the column list of the GROUPING call below (first column = highest bit). */
const groupingColumns = ["channel", "month", "area_id", "school_id", "stage", "age_band", "risk_level", "follow_up", "referred"] as const;
const dimensionOfColumn: Record<(typeof groupingColumns)[number], ContactDimension> = {
  channel: "channel",
  month: "month",
  area_id: "area",
  school_id: "school",
  stage: "stage",
  age_band: "age_band",
  risk_level: "risk",
  follow_up: "follow_up",
  referred: "referred",
};

/**
 * Every contact breakdown of both periods in one scan of contact_records (GROUPING SETS), plus one scan
 * of their categories rolled up to the 大类. Rows are counted where the record was made, in the reader's
 * scope; an anonymous record without a school counts for the county only.
 */
export async function contactCounts(db: DbOrTx, scope: StaffScope, period: StatisticsPeriod): Promise<ContactCount[]> {
  const inScope = scopeFilter(scope, sql`r.area_id`, sql`r.school_id`);
  const grouped = await aggregateRows<GroupedRow>(
    db,
    sql`SELECT period, channel, month, area_id::text, school_id::text, stage, age_band, risk_level, follow_up, referred,
          GROUPING(channel, month, area_id, school_id, stage, age_band, risk_level, follow_up, referred)::int AS grp, count(*)::int AS n
        FROM (
          SELECT CASE WHEN r.recorded_at >= ${period.currentStart} THEN 'c' ELSE 'p' END AS period,
                 r.channel, ${countyMonthOf(sql`r.recorded_at`)} AS month, r.area_id, r.school_id, s.stage, r.age_band, r.risk_level,
                 r.follow_up_needed AS follow_up, ('referral' = ANY(r.actions)) AS referred
          FROM contact_records r LEFT JOIN schools s ON s.id = r.school_id
          WHERE r.recorded_at >= ${period.previousStart} AND r.recorded_at < ${period.currentEnd} AND ${inScope}
        ) t
        GROUP BY GROUPING SETS ((period), (period, channel), (period, month), (period, area_id), (period, school_id), (period, stage), (period, age_band), (period, risk_level), (period, follow_up), (period, referred))`,
  );
  const counts: ContactCount[] = grouped.map((row) => {
    const periodName = row.period === "c" ? "current" : "previous";
    const allGrouped = (1 << groupingColumns.length) - 1;
    if (row.grp === allGrouped) return { period: periodName, dimension: "total", key: "", count: row.n };
    // exactly one column is not grouped away: its bit is 0
    const index = groupingColumns.findIndex((_column, position) => (row.grp & (1 << (groupingColumns.length - 1 - position))) === 0);
    const column = groupingColumns[index]!;
    const value = row[column];
    return { period: periodName, dimension: dimensionOfColumn[column], key: value === null ? "unknown" : String(value), count: row.n };
  });

  const categories = await aggregateRows<{ period: "c" | "p"; category_id: string; n: number }>(
    db,
    sql`SELECT CASE WHEN r.recorded_at >= ${period.currentStart} THEN 'c' ELSE 'p' END AS period,
               coalesce(c.parent_id, c.id)::text AS category_id, count(DISTINCT r.id)::int AS n
        FROM contact_records r
        JOIN contact_record_categories rc ON rc.record_id = r.id
        JOIN contact_categories c ON c.id = rc.category_id
        WHERE r.recorded_at >= ${period.previousStart} AND r.recorded_at < ${period.currentEnd} AND ${inScope}
        GROUP BY 1, 2`,
  );
  for (const row of categories) counts.push({ period: row.period === "c" ? "current" : "previous", dimension: "category", key: row.category_id, count: row.n });
  return counts;
}
