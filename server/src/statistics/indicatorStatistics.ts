import { sql } from "drizzle-orm";
import type { SchoolIndicatorRow, StaffScope, StatPair } from "@xinyuan/shared";
import type { DbOrTx } from "../db/database";
import type { StatisticsPeriod } from "./statisticsPeriod";
import { aggregateRows, scopeFilter } from "./statisticsSql";

export interface IndicatorFigures {
  schools: number;
  schoolsWithOwnCounsellor: number;
  schoolCounsellors: number;
  areaCounsellors: number;
  countyCounsellors: number;
  schoolsWithMailbox: number;
  schoolsWithRoom: number;
  schoolsReportingActivities: number;
  activities: StatPair;
  activityParticipants: StatPair;
  published: StatPair;
  reads: StatPair;
  bySchool: SchoolIndicatorRow[];
}

/**
 * The plan's own indicators (measures 2, 3, 18): schools in scope, how many have a full-time
 * psychological teacher of their own, and the active counsellors by level (县管片用: area teachers cover
 * schools without their own). Staff counts are not personal data and are not suppressed.
 */
export async function indicatorFigures(db: DbOrTx, scope: StaffScope, period: StatisticsPeriod): Promise<IndicatorFigures> {
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
  const [bySchool, content] = await Promise.all([schoolIndicators(db, scope, period), contentFigures(db, scope, period)]);
  return {
    schools: schools?.schools ?? 0,
    schoolsWithOwnCounsellor: schools?.with_own ?? 0,
    schoolCounsellors: staffCounts?.school ?? 0,
    areaCounsellors: staffCounts?.area ?? 0,
    countyCounsellors: scope.level === "county" ? (staffCounts?.county ?? 0) : 0,
    schoolsWithMailbox: bySchool.filter((row) => row.has_mailbox).length,
    schoolsWithRoom: bySchool.filter((row) => row.has_room).length,
    schoolsReportingActivities: bySchool.filter((row) => row.activities > 0).length,
    activities: content.activities,
    activityParticipants: content.participants,
    published: content.published,
    reads: content.reads,
    bySchool: bySchool.map(({ name, id, has_mailbox, has_room, has_own, activities }) => ({ key: id, label: name, hasMailbox: has_mailbox, hasRoom: has_room, hasOwnCounsellor: has_own, activities })),
  };
}

/**
 * Measures 2 and 3 school by school: an active school mailbox with at least one active teacher answering
 * it; an active counselling room with weekly opening hours; a full-time teacher of its own; activities
 * (May month activities) it reported as held in the period. School names are not personal data.
 */
async function schoolIndicators(db: DbOrTx, scope: StaffScope, period: StatisticsPeriod) {
  return aggregateRows<{ id: string; name: string; has_mailbox: boolean; has_room: boolean; has_own: boolean; activities: number }>(
    db,
    sql`SELECT s.id::text AS id, s.name,
               EXISTS (SELECT 1 FROM mailboxes m JOIN mailbox_members mm ON mm.mailbox_id = m.id JOIN staff st ON st.id = mm.staff_id
                       WHERE m.kind = 'school' AND m.school_id = s.id AND m.active AND st.status = 'active') AS has_mailbox,
               EXISTS (SELECT 1 FROM counselling_rooms r WHERE r.school_id = s.id AND r.active AND jsonb_array_length(r.weekly_hours) > 0) AS has_room,
               s.has_full_time_counsellor AS has_own,
               (SELECT count(*)::int FROM activity_reports a WHERE a.school_id = s.id AND a.held_on >= ${period.from}::date AND a.held_on <= ${period.to}::date) AS activities
        FROM schools s WHERE ${scopeFilter(scope, sql`s.area_id`, sql`s.id`)}
        ORDER BY s.name`,
  );
}

/**
 * Activities reported and content of both periods. Content for the county is everything published; for
 * an area or a school, what its schools' editors published. Reads come from the daily counter
 * (publication_reads_daily), by the day of reading, of any content in that scope.
 */
async function contentFigures(db: DbOrTx, scope: StaffScope, period: StatisticsPeriod) {
  const schoolsInScope = sql`(SELECT s.id FROM schools s WHERE ${scopeFilter(scope, sql`s.area_id`, sql`s.id`)})`;
  const ownedInScope = scope.level === "county" ? sql`true` : sql`p.owner_school_id IN ${schoolsInScope}`;
  const dayPeriod = (column: ReturnType<typeof sql>) => sql`CASE WHEN ${column} >= ${period.from}::date THEN 'current' ELSE 'previous' END`;
  const [activities, published, reads] = await Promise.all([
    aggregateRows<{ period: "current" | "previous"; n: number; people: number }>(
      db,
      sql`SELECT ${dayPeriod(sql`a.held_on`)} AS period, count(*)::int AS n, coalesce(sum(a.participants), 0)::int AS people FROM activity_reports a
          WHERE a.held_on >= ${period.previousFrom}::date AND a.held_on <= ${period.to}::date AND a.school_id IN ${schoolsInScope} GROUP BY 1`,
    ),
    aggregateRows<{ period: "current" | "previous"; n: number }>(
      db,
      sql`SELECT CASE WHEN p.published_at >= ${period.currentStart} THEN 'current' ELSE 'previous' END AS period, count(*)::int AS n FROM publications p
          WHERE p.published_at >= ${period.previousStart} AND p.published_at < ${period.currentEnd} AND ${ownedInScope} GROUP BY 1`,
    ),
    aggregateRows<{ period: "current" | "previous"; n: number }>(
      db,
      // the county counts every read (each counter row belongs to a publication), so it needs no join
      scope.level === "county"
        ? sql`SELECT ${dayPeriod(sql`d.day`)} AS period, sum(d.n)::int AS n FROM publication_reads_daily d
              WHERE d.day >= ${period.previousFrom}::date AND d.day <= ${period.to}::date GROUP BY 1`
        : sql`SELECT ${dayPeriod(sql`d.day`)} AS period, sum(d.n)::int AS n FROM publication_reads_daily d JOIN publications p ON p.id = d.publication_id
              WHERE d.day >= ${period.previousFrom}::date AND d.day <= ${period.to}::date AND ${ownedInScope} GROUP BY 1`,
    ),
  ]);
  const pair = (rows: Array<{ period: string; n: number; people?: number }>, field: "n" | "people" = "n"): StatPair => ({
    current: rows.find((row) => row.period === "current")?.[field] ?? 0,
    previous: rows.find((row) => row.period === "previous")?.[field] ?? 0,
  });
  return {
    activities: pair(activities),
    participants: pair(activities, "people"),
    published: pair(published),
    reads: pair(reads),
  };
}
