import { sql } from "drizzle-orm";
import { date, index, integer, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";

/** Stands for "no area" / "no school" in the rollup's key (an anonymous call is counted for the county). */
export const noPlace = "00000000-0000-0000-0000-000000000000";

/**
 * Contact counts per county day, grain, place and breakdown (total, channel, age band, risk, follow-up,
 * referred, 大类), kept by database triggers on contact_records and contact_record_categories (migration
 * 0007), so the dashboard sums a few thousand rows instead of scanning a year of records. Counts only:
 * no record ids, no people.
 */
export const contactStatsDaily = pgTable(
  "contact_stats_daily",
  {
    /** county (no place), area (area only) or school (area and school): each query reads one grain. */
    grain: text("grain").notNull(),
    day: date("day").notNull(),
    areaId: uuid("area_id").notNull(),
    schoolId: uuid("school_id").notNull(),
    dimension: text("dimension").notNull(),
    key: text("key").notNull(),
    n: integer("n").notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.grain, table.day, table.areaId, table.schoolId, table.dimension, table.key] }),
    index("contact_stats_daily_grain_day_idx").on(table.grain, table.day),
    index("contact_stats_daily_dimension_idx").on(table.grain, table.dimension, table.day),
    index("contact_stats_daily_area_idx").on(table.grain, table.areaId, table.day),
    index("contact_stats_daily_school_idx").on(table.grain, table.schoolId, table.day),
    /**
     * The per-school day totals (area, school, stage and month breakdowns) read from the index alone:
     * partial, so the count in its key stops HOT updates for these rows only.
     */
    index("contact_stats_daily_place_idx").on(table.day, table.areaId, table.schoolId, table.n).where(sql`grain = 'school' AND dimension = 'total'`),
  ],
);
