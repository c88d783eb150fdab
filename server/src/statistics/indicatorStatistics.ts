import { sql } from "drizzle-orm";
import type { StaffScope } from "@xinyuan/shared";
import type { DbOrTx } from "../db/database";
import { aggregateRows, scopeFilter } from "./statisticsSql";

export interface IndicatorFigures {
  schools: number;
  schoolsWithOwnCounsellor: number;
  schoolCounsellors: number;
  areaCounsellors: number;
  countyCounsellors: number;
}

/**
 * The plan's own indicators (measures 2, 3, 18): schools in scope, how many have a full-time
 * psychological teacher of their own, and the active counsellors by level (县管片用: area teachers cover
 * schools without their own). Staff counts are not personal data and are not suppressed.
 */
export async function indicatorFigures(db: DbOrTx, scope: StaffScope): Promise<IndicatorFigures> {
  const [schools] = await aggregateRows<{ schools: number; with_own: number }>(
    db,
    sql`SELECT count(*)::int AS schools, count(*) FILTER (WHERE has_full_time_counsellor)::int AS with_own FROM schools s WHERE ${scopeFilter(scope, sql`s.area_id`, sql`s.id`)}`,
  );
  const [staffCounts] = await aggregateRows<{ school: number; area: number; county: number }>(
    db,
    sql`SELECT count(*) FILTER (WHERE scope_level = 'school')::int AS school,
               count(*) FILTER (WHERE scope_level = 'area')::int AS area,
               count(*) FILTER (WHERE scope_level = 'county')::int AS county
        FROM staff st
        WHERE st.status = 'active' AND 'counsellor' = ANY(st.roles)
          AND ${scope.level === "county" ? sql`true` : scopeFilter(scope, sql`coalesce(st.area_id, (SELECT area_id FROM schools WHERE id = st.school_id))`, sql`st.school_id`)}`,
  );
  return {
    schools: schools?.schools ?? 0,
    schoolsWithOwnCounsellor: schools?.with_own ?? 0,
    schoolCounsellors: staffCounts?.school ?? 0,
    areaCounsellors: staffCounts?.area ?? 0,
    countyCounsellors: scope.level === "county" ? (staffCounts?.county ?? 0) : 0,
  };
}
