import { sql } from "drizzle-orm";
import { boolean, check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { appUsers, staff } from "./identity";
import { schools } from "./directory";
import { paymentOrders } from "./payments";

/** A school's counselling room (心理辅导室): weekly opening hours (county time) and who staffs it. */
export const counsellingRooms = pgTable("counselling_rooms", {
  id: uuid("id").primaryKey().defaultRandom(),
  schoolId: uuid("school_id").notNull().references(() => schools.id),
  name: text("name").notNull(),
  location: text("location").notNull().default(""),
  /** [{ weekday: 1..7, start: "14:00", end: "17:00" }] */
  weeklyHours: jsonb("weekly_hours").$type<Array<{ weekday: number; start: string; end: string }>>().notNull().default([]),
  staffIds: uuid("staff_ids").array().notNull().default([]),
  /** Length of one bookable slot cut from the opening hours. */
  slotMinutes: integer("slot_minutes").notNull().default(50),
  active: boolean("active").notNull().default(true),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/** An expert the county contracts (专家工作室): profile, qualifications, fields, where, price (0 = free). */
export const experts = pgTable("experts", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull(),
  title: text("title").notNull().default(""),
  profile: text("profile").notNull().default(""),
  qualifications: text("qualifications").array().notNull().default([]),
  fields: text("fields").array().notNull().default([]),
  /** "place" | "online" | "both" */
  mode: text("mode").notNull().default("place"),
  priceFen: integer("price_fen").notNull().default(0),
  /** The staff account that works this expert's day list (marks attended / no-show), if any. */
  staffId: uuid("staff_id").references(() => staff.id),
  /** Recurring weekly hours (county time) that become slots: [{ weekday: 1..7, start: "09:00", end: "12:00" }] */
  weeklyHours: jsonb("weekly_hours").$type<Array<{ weekday: number; start: string; end: string }>>().notNull().default([]),
  slotMinutes: integer("slot_minutes").notNull().default(50),
  active: boolean("active").notNull().default(true),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
}, (table) => [check("experts_price_not_negative", sql`${table.priceFen} >= 0`)]);

/** One bookable time: in a room or with an expert, one booking at most. The price is copied at creation. */
export const appointmentSlots = pgTable(
  "appointment_slots",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    roomId: uuid("room_id").references(() => counsellingRooms.id),
    expertId: uuid("expert_id").references(() => experts.id),
    staffId: uuid("staff_id").references(() => staff.id),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    /** "place" | "online" */
    mode: text("mode").notNull().default("place"),
    priceFen: integer("price_fen").notNull().default(0),
    withdrawnAt: timestamp("withdrawn_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    check("appointment_slots_one_owner", sql`(${table.roomId} IS NULL) <> (${table.expertId} IS NULL)`),
    check("appointment_slots_time", sql`${table.endsAt} > ${table.startsAt}`),
    // One slot per room or expert and start time: what makes generating slots from weekly hours idempotent.
    uniqueIndex("appointment_slots_room_start").on(table.roomId, table.startsAt),
    uniqueIndex("appointment_slots_expert_start").on(table.expertId, table.startsAt),
  ],
);

/**
 * A booking. Status: awaiting_payment (the 10-minute hold while paying) → paid; confirmed (free);
 * paid | confirmed → attended | no_show | cancelled; paid → refunded; awaiting_payment → expired.
 * The partial unique index is what makes a slot impossible to double-book, whatever the race.
 */
export const bookings = pgTable(
  "bookings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    slotId: uuid("slot_id").notNull().references(() => appointmentSlots.id),
    userId: uuid("user_id").references(() => appUsers.id),
    status: text("status").notNull(),
    /** A parent booking for their child (paid sessions for minors are always booked this way). */
    forChild: boolean("for_child").notNull().default(false),
    noteEnc: text("note_enc"),
    riskFlag: boolean("risk_flag").notNull().default(false),
    amountFen: integer("amount_fen").notNull().default(0),
    holdExpiresAt: timestamp("hold_expires_at", { withTimezone: true }),
    paymentOrderId: uuid("payment_order_id").references(() => paymentOrders.id),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
    markedBy: uuid("marked_by").references(() => staff.id),
    markedAt: timestamp("marked_at", { withTimezone: true }),
    /** The payer's/booker's openid (encrypted) from the one-time subscribe acceptance; erased when used. */
    remindOpenidEnc: text("remind_openid_enc"),
    /** When the subscribe-message reminder went out (or was given up: no quota); at most once. */
    remindedAt: timestamp("reminded_at", { withTimezone: true }),
    /** The contact record staff wrote for the session (contacts/), once attended. */
    contactId: uuid("contact_id"),
    /** Set by retention/ when the period ran out: the text is erased, the row and its figures stay. */
    contentErasedAt: timestamp("content_erased_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex("bookings_one_active_per_slot").on(table.slotId).where(sql`status IN ('awaiting_payment', 'confirmed', 'paid', 'attended', 'no_show')`),
    index("bookings_hold_idx").on(table.holdExpiresAt).where(sql`status = 'awaiting_payment'`),
    index("bookings_user_idx").on(table.userId, table.createdAt),
  ],
);
