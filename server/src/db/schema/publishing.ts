import { sql } from "drizzle-orm";
import { boolean, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { appUsers, staff } from "./identity";
import { schools } from "./directory";

/**
 * A file behind the storage interface (DATA_DIR/uploads by default). Images are re-encoded without metadata.
 * purpose 'content' (covers, banners, article images, videos) is served to anyone; 'activity_report'
 * (school activity photos, which can show children) only to staff in the report's scope.
 */
export const publishingUploads = pgTable("publishing_uploads", {
  id: uuid("id").primaryKey().defaultRandom(),
  storageKey: text("storage_key").notNull().unique(),
  mime: text("mime").notNull(),
  purpose: text("purpose", { enum: ["content", "activity_report"] }).notNull().default("content"),
  size: integer("size").notNull(),
  width: integer("width"),
  height: integer("height"),
  uploadedBy: uuid("uploaded_by").references(() => staff.id),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/** A theme period (the May Mental Health Month, exam season …); takeover_home puts it on the app's home. */
export const campaigns = pgTable("campaigns", {
  id: uuid("id").primaryKey().defaultRandom(),
  title: text("title").notNull(),
  theme: text("theme").notNull().default(""),
  startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
  endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
  bannerUploadId: uuid("banner_upload_id").references(() => publishingUploads.id),
  takeoverHome: boolean("takeover_home").notNull().default(false),
  createdBy: uuid("created_by").references(() => staff.id),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * One piece of content (article, video, notice, event, material). body_html is stored sanitised. The
 * audience (roles, stages, county/area/schools) decides who reads it; owner_school_id marks a school
 * editor's content, which only ever targets that school. version counts edits (optimistic concurrency).
 */
export const publications = pgTable(
  "publications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: text("kind").notNull(),
    status: text("status").notNull().default("draft"),
    version: integer("version").notNull().default(1),
    title: text("title").notNull(),
    summary: text("summary").notNull().default(""),
    bodyHtml: text("body_html").notNull().default(""),
    videoUrl: text("video_url"),
    videoUploadId: uuid("video_upload_id").references(() => publishingUploads.id),
    coverUploadId: uuid("cover_upload_id").references(() => publishingUploads.id),
    materialFor: text("material_for"),
    audience: jsonb("audience").notNull(),
    ownerSchoolId: uuid("owner_school_id").references(() => schools.id),
    campaignId: uuid("campaign_id").references(() => campaigns.id),
    sensitive: boolean("sensitive").notNull().default(false),
    riskCategories: text("risk_categories").array().notNull().default([]),
    checklist: jsonb("checklist").notNull().default({}),
    reviewComment: text("review_comment"),
    reviewedBy: uuid("reviewed_by").references(() => staff.id),
    reviewedAt: timestamp("reviewed_at", { withTimezone: true }),
    publishAt: timestamp("publish_at", { withTimezone: true }),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    archivedAt: timestamp("archived_at", { withTimezone: true }),
    eventStartsAt: timestamp("event_starts_at", { withTimezone: true }),
    eventEndsAt: timestamp("event_ends_at", { withTimezone: true }),
    eventPlace: text("event_place"),
    eventOnlineUrl: text("event_online_url"),
    eventCapacity: integer("event_capacity"),
    signupOpensAt: timestamp("signup_opens_at", { withTimezone: true }),
    signupClosesAt: timestamp("signup_closes_at", { withTimezone: true }),
    /** Active sign-ups, kept under the row lock that checks capacity. */
    signedUp: integer("signed_up").notNull().default(0),
    createdBy: uuid("created_by").references(() => staff.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index("publications_published_idx").on(table.publishedAt.desc()).where(sql`status = 'published'`),
    index("publications_scheduled_idx").on(table.publishAt).where(sql`status = 'scheduled'`),
    index("publications_status_idx").on(table.status, table.updatedAt.desc()),
  ],
);

/** Version history: every edit keeps a snapshot; every transition keeps its action and comment. */
export const publicationVersions = pgTable(
  "publication_versions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    publicationId: uuid("publication_id").notNull().references(() => publications.id),
    version: integer("version").notNull(),
    action: text("action").notNull(),
    comment: text("comment"),
    snapshot: jsonb("snapshot"),
    byStaffId: uuid("by_staff_id").references(() => staff.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("publication_versions_publication_idx").on(table.publicationId, table.createdAt)],
);

/** One person's place at an event. The note is encrypted; one active sign-up per person and event. */
export const eventSignups = pgTable(
  "event_signups",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    publicationId: uuid("publication_id").notNull().references(() => publications.id),
    /** Null once the user deleted their account (the head count stays). */
    userId: uuid("user_id").references(() => appUsers.id),
    status: text("status").notNull().default("active"),
    noteEnc: text("note_enc"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
  },
  (table) => [
    uniqueIndex("event_signups_one_active").on(table.publicationId, table.userId).where(sql`status = 'active'`),
    index("event_signups_user_idx").on(table.userId),
  ],
);

/** A school's report of one May activity: what, when, how many took part, photos. */
export const activityReports = pgTable(
  "activity_reports",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    schoolId: uuid("school_id").notNull().references(() => schools.id),
    campaignId: uuid("campaign_id").references(() => campaigns.id),
    title: text("title").notNull(),
    heldOn: date("held_on").notNull(),
    participants: integer("participants").notNull(),
    description: text("description").notNull().default(""),
    photoUploadIds: uuid("photo_upload_ids").array().notNull().default([]),
    reportedBy: uuid("reported_by").references(() => staff.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("activity_reports_school_idx").on(table.schoolId, table.heldOn)],
);

/**
 * How many times a published item was opened per county day: one counter row per item and day, bumped
 * by each read of the article. Never who read it: no user, no device, no time of day.
 */
export const publicationReadsDaily = pgTable(
  "publication_reads_daily",
  {
    publicationId: uuid("publication_id").notNull().references(() => publications.id),
    day: date("day", { mode: "string" }).notNull(),
    n: integer("n").notNull().default(0),
  },
  (table) => [primaryKey({ columns: [table.publicationId, table.day] }), index("publication_reads_daily_day_idx").on(table.day)],
);
