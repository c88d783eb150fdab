import { boolean, index, integer, pgTable, primaryKey, text, timestamp, uuid, type AnyPgColumn } from "drizzle-orm/pg-core";
import { appUsers, staff } from "./identity";
import { areas, schools } from "./directory";

/**
 * The reasons-for-contact taxonomy (CHI framework adapted to Chinese schools). Loaded from
 * contacts/defaultContactCategories.ts on start (missing codes only), then edited by the county centre.
 * Rows are never deleted: records keep pointing at them; `active` hides one from new records.
 */
export const contactCategories = pgTable(
  "contact_categories",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    code: text("code").notNull().unique(),
    name: text("name").notNull(),
    parentId: uuid("parent_id").references((): AnyPgColumn => contactCategories.id),
    sortOrder: integer("sort_order").notNull().default(0),
    active: boolean("active").notNull().default(true),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("contact_categories_parent_idx").on(table.parentId, table.sortOrder)],
);

/**
 * One structured record per contact, whatever the channel. `source` links it to what it came from (a
 * hotline ticket, a chat conversation); user is the alias's account when known (null for an anonymous
 * inbound call). The summary is encrypted with the field cipher.
 */
export const contactRecords = pgTable(
  "contact_records",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    channel: text("channel").notNull(),
    userId: uuid("user_id").references(() => appUsers.id),
    staffId: uuid("staff_id").notNull().references(() => staff.id),
    sourceType: text("source_type"),
    sourceId: uuid("source_id"),
    repeat: text("repeat").notNull().default("unknown"),
    ageBand: text("age_band").notNull().default("unknown"),
    gender: text("gender").notNull().default("not_stated"),
    schoolId: uuid("school_id").references(() => schools.id),
    areaId: uuid("area_id").references(() => areas.id),
    riskLevel: text("risk_level").notNull(),
    actions: text("actions").array().notNull().default([]),
    referralTargets: text("referral_targets").array().notNull().default([]),
    followUpNeeded: boolean("follow_up_needed").notNull().default(false),
    durationMinutes: integer("duration_minutes").notNull().default(0),
    summaryEnc: text("summary_enc"),
    /** Set by retention/ when the period ran out: the text is erased, the row and its figures stay. */
    contentErasedAt: timestamp("content_erased_at", { withTimezone: true }),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index("contact_records_user_idx").on(table.userId, table.recordedAt),
    index("contact_records_staff_idx").on(table.staffId, table.recordedAt),
    index("contact_records_source_idx").on(table.sourceType, table.sourceId),
    index("contact_records_recorded_idx").on(table.recordedAt),
  ],
);

/** The categories of a record (several per contact). */
export const contactRecordCategories = pgTable(
  "contact_record_categories",
  {
    recordId: uuid("record_id").notNull().references(() => contactRecords.id),
    categoryId: uuid("category_id").notNull().references(() => contactCategories.id),
  },
  (table) => [primaryKey({ columns: [table.recordId, table.categoryId] }), index("contact_record_categories_category_idx").on(table.categoryId)],
);
