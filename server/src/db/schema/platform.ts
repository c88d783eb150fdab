import { date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

/** Platform settings as key/value rows (requireTotpForAllStaff, …). */
export const settings = pgTable("settings", {
  key: text("key").primaryKey(),
  value: jsonb("value").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Fixed-window rate limit counters, shared by every server process. */
export const rateLimitBuckets = pgTable("rate_limit_buckets", {
  key: text("key").primaryKey(),
  windowStart: timestamp("window_start", { withTimezone: true }).notNull(),
  count: integer("count").notNull(),
});

/**
 * Each retention pass (retention/): a dry run (what would be erased, counts only) or an erasing run. An
 * erasing run claims its county day with the unique (mode, day) key, so with several processes exactly one
 * erases per day; `counts` is per kind, never any text.
 */
export const retentionRuns = pgTable(
  "retention_runs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** dry_run | erase */
    mode: text("mode").notNull(),
    /** County day of an erasing run (null for a dry run, which may run any number of times). */
    day: date("day", { mode: "string" }),
    /** The periods (days) per kind the run used, and which kinds were enabled. */
    periods: jsonb("periods").notNull(),
    counts: jsonb("counts").notNull(),
    /** Staff who asked for a dry run (null for the daily job). */
    staffId: uuid("staff_id"),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (table) => [uniqueIndex("retention_runs_one_erase_per_day").on(table.mode, table.day), index("retention_runs_started_idx").on(table.startedAt)],
);
