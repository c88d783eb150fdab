import { sql } from "drizzle-orm";
import { bigserial, boolean, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { appUsers, staff } from "./identity";
import { areas, schools } from "./directory";
import { contactRecords } from "./contacts";

/**
 * One caller in the hotline queue: a call-back request or an "I'll call" ticket. Claim order is
 * priority (risk flag) first, then joined_at; release and retries keep joined_at, so the caller keeps
 * their place. ready_at is when the ticket may be claimed (now, the call-back window's start, or the
 * next retry). Phone, topic and the notification address are encrypted and erased when the ticket ends.
 */
export const hotlineTickets = pgTable(
  "hotline_tickets",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    number: bigserial("number", { mode: "number" }).notNull().unique(),
    /** Null once the user deleted their account (the anonymous statistics stay). */
    userId: uuid("user_id").references(() => appUsers.id),
    kind: text("kind").notNull(),
    status: text("status").notNull().default("waiting"),
    priority: integer("priority").notNull().default(0),
    feelingUnsafe: boolean("feeling_unsafe").notNull().default(false),
    joinedAt: timestamp("joined_at", { withTimezone: true }).notNull(),
    /** First moment the ticket was claimable: for the 5-minute service level. */
    firstReadyAt: timestamp("first_ready_at", { withTimezone: true }).notNull(),
    readyAt: timestamp("ready_at", { withTimezone: true }).notNull(),
    windowStart: timestamp("window_start", { withTimezone: true }),
    windowEnd: timestamp("window_end", { withTimezone: true }),
    phoneEnc: text("phone_enc"),
    topicEnc: text("topic_enc"),
    schoolId: uuid("school_id").references(() => schools.id),
    areaId: uuid("area_id").references(() => areas.id),
    claimedBy: uuid("claimed_by").references(() => staff.id),
    claimedAt: timestamp("claimed_at", { withTimezone: true }),
    firstClaimedAt: timestamp("first_claimed_at", { withTimezone: true }),
    /** Last time the claimant was seen connected; the stale-claim job returns the call when this gets old. */
    claimantSeenAt: timestamp("claimant_seen_at", { withTimezone: true }),
    attempts: integer("attempts").notNull().default(0),
    /** The caller's openid, encrypted, only while an opted-in reminder may still be sent. */
    notifyOpenidEnc: text("notify_openid_enc"),
    notifyTemplates: text("notify_templates").array().notNull().default([]),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    closedBy: uuid("closed_by").references(() => staff.id),
    contactRecordId: uuid("contact_record_id").references(() => contactRecords.id),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index("hotline_tickets_queue_idx").on(table.priority.desc(), table.joinedAt, table.id).where(sql`status = 'waiting'`),
    /** Capacity of one call at a time, enforced by the database (two "take next" clicks cannot both win). */
    uniqueIndex("hotline_tickets_one_claim_per_staff").on(table.claimedBy).where(sql`status = 'claimed'`),
    /** One active ticket per caller, even when two joins race. */
    uniqueIndex("hotline_tickets_one_active_per_user").on(table.userId).where(sql`status IN ('waiting', 'claimed')`),
    index("hotline_tickets_closed_idx").on(table.closedAt),
    index("hotline_tickets_first_ready_idx").on(table.firstReadyAt),
  ],
);

/** Each try to reach a caller: reached, no answer, wrong number. */
export const hotlineCallAttempts = pgTable(
  "hotline_call_attempts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ticketId: uuid("ticket_id").notNull().references(() => hotlineTickets.id),
    staffId: uuid("staff_id").notNull().references(() => staff.id),
    result: text("result").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull(),
  },
  (table) => [index("hotline_call_attempts_ticket_idx").on(table.ticketId, table.at)],
);

/** 值班表: one shift of one counsellor. The line is open while someone not on leave is on shift. */
export const hotlineShifts = pgTable(
  "hotline_shifts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    staffId: uuid("staff_id").notNull().references(() => staff.id),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    note: text("note"),
    createdBy: uuid("created_by").references(() => staff.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("hotline_shifts_time_idx").on(table.startsAt, table.endsAt), index("hotline_shifts_staff_idx").on(table.staffId, table.startsAt)],
);

/** Holiday calendar (county dates): fixed hours do not apply and no coverage is expected. */
export const hotlineHolidays = pgTable("hotline_holidays", {
  date: date("date", { mode: "string" }).primaryKey(),
  name: text("name").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Leave: a counsellor on leave is never routed callers, and their shifts do not count as coverage. */
export const staffLeave = pgTable(
  "staff_leave",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    staffId: uuid("staff_id").notNull().references(() => staff.id),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    reason: text("reason"),
    createdBy: uuid("created_by").references(() => staff.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("staff_leave_staff_idx").on(table.staffId, table.startsAt, table.endsAt)],
);
