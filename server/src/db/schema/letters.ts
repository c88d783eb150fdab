import { sql } from "drizzle-orm";
import { bigserial, boolean, date, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { appUsers, staff } from "./identity";
import { areas, schools } from "./directory";
import { contactRecords } from "./contacts";

/**
 * 心理咨询电子邮箱: one per school (kind school), one per 片区 (kind area, answered by the area's teachers)
 * and the county centre's (kind county, exactly one). Settings are plain text shown to writers.
 */
export const mailboxes = pgTable(
  "mailboxes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** school | area | county */
    kind: text("kind").notNull(),
    schoolId: uuid("school_id").references(() => schools.id),
    areaId: uuid("area_id").references(() => areas.id),
    name: text("name").notNull(),
    /** Shown to the writer right after sending (and stored as the first system line of the thread). */
    autoAckText: text("auto_ack_text").notNull().default(""),
    /** Shown before sending while a 寒暑假 term is on. */
    outOfTermNotice: text("out_of_term_notice").notNull().default(""),
    replyWorkingDays: integer("reply_working_days").notNull().default(3),
    active: boolean("active").notNull().default(true),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex("mailboxes_one_per_school").on(table.schoolId).where(sql`kind = 'school'`),
    uniqueIndex("mailboxes_one_per_area").on(table.areaId).where(sql`kind = 'area'`),
    uniqueIndex("mailboxes_one_county").on(table.kind).where(sql`kind = 'county'`),
  ],
);

/** The teachers who answer a mailbox. */
export const mailboxMembers = pgTable(
  "mailbox_members",
  {
    mailboxId: uuid("mailbox_id").notNull().references(() => mailboxes.id),
    staffId: uuid("staff_id").notNull().references(() => staff.id),
    addedAt: timestamp("added_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.mailboxId, table.staffId] }), index("mailbox_members_staff_idx").on(table.staffId)],
);

/** 寒暑假: county dates on which letters are not answered (no working days), like holidays. */
export const letterTerms = pgTable("letter_terms", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull(),
  startsOn: date("starts_on", { mode: "string" }).notNull(),
  endsOn: date("ends_on", { mode: "string" }).notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * One letter. `mailboxId` is where the writer sent it; `handlingMailboxId` is who must answer now (it
 * moves school → area → county when the letter is overdue). box* columns copy the home box's place so
 * scope checks are plain SQL. Subject, body and contact preference are encrypted.
 */
export const letters = pgTable(
  "letters",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Null once the writer deleted their account. */
    userId: uuid("user_id").references(() => appUsers.id),
    alias: text("alias").notNull(),
    /** student | parent */
    writerRole: text("writer_role").notNull(),
    mailboxId: uuid("mailbox_id").notNull().references(() => mailboxes.id),
    mailboxKind: text("mailbox_kind").notNull(),
    boxSchoolId: uuid("box_school_id").references(() => schools.id),
    boxAreaId: uuid("box_area_id").references(() => areas.id),
    handlingMailboxId: uuid("handling_mailbox_id").notNull().references(() => mailboxes.id),
    handlingMailboxKind: text("handling_mailbox_kind").notNull(),
    /** The writer's own school and area (from their profile) when known. */
    originSchoolId: uuid("origin_school_id").references(() => schools.id),
    originAreaId: uuid("origin_area_id").references(() => areas.id),
    /** Sent to the area or county and asked that their school's staff not read it. */
    keepFromSchool: boolean("keep_from_school").notNull().default(false),
    subjectEnc: text("subject_enc").notNull(),
    bodyEnc: text("body_enc").notNull(),
    category: text("category"),
    contactPreferenceEnc: text("contact_preference_enc"),
    /** delivered | read | replied | closed */
    status: text("status").notNull().default("delivered"),
    dueAt: timestamp("due_at", { withTimezone: true }).notNull(),
    /** Set when the "due soon" reminder went to the handling box; cleared when a new due date is set. */
    dueReminderAt: timestamp("due_reminder_at", { withTimezone: true }),
    /** 0 home box, 1 area, 2 county. */
    escalationLevel: integer("escalation_level").notNull().default(0),
    urgent: boolean("urgent").notNull().default(false),
    riskLevel: text("risk_level").notNull().default("none"),
    riskCategories: text("risk_categories").array().notNull().default([]),
    assignedStaffId: uuid("assigned_staff_id").references(() => staff.id),
    clientSubmitId: text("client_submit_id").notNull(),
    lastSeq: integer("last_seq").notNull().default(0),
    /** The writer's opt-in WeChat address (encrypted) for one "a teacher replied" message; erased when used. */
    notifyOpenidEnc: text("notify_openid_enc"),
    firstReadAt: timestamp("first_read_at", { withTimezone: true }),
    repliedAt: timestamp("replied_at", { withTimezone: true }),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    /** writer | staff | system */
    closedBy: text("closed_by"),
    contactRecordId: uuid("contact_record_id").references(() => contactRecords.id),
    /** Set by retention/ when the period ran out: the text is erased, the row and its figures stay. */
    contentErasedAt: timestamp("content_erased_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (table) => [
    uniqueIndex("letters_client_submit_idx").on(table.userId, table.clientSubmitId),
    index("letters_mailbox_idx").on(table.mailboxId, table.status),
    index("letters_handling_idx").on(table.handlingMailboxId, table.status),
    index("letters_due_idx").on(table.dueAt).where(sql`status IN ('delivered', 'read')`),
    index("letters_user_idx").on(table.userId, table.createdAt),
  ],
);

/** The thread: the writer's and teachers' replies (and system lines), numbered by seq. Bodies encrypted. */
export const letterMessages = pgTable(
  "letter_messages",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    letterId: uuid("letter_id").notNull().references(() => letters.id),
    seq: integer("seq").notNull(),
    /** writer | staff | system */
    senderType: text("sender_type").notNull(),
    staffId: uuid("staff_id").references(() => staff.id),
    clientMessageId: text("client_message_id").notNull(),
    bodyEnc: text("body_enc").notNull(),
    riskLevel: text("risk_level"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (table) => [
    uniqueIndex("letter_messages_seq_idx").on(table.letterId, table.seq),
    uniqueIndex("letter_messages_client_idx").on(table.letterId, table.senderType, table.clientMessageId),
    /** Statistics: each letter's first teacher reply, read from the index alone. */
    index("letter_messages_staff_reply_idx").on(table.letterId, table.createdAt).where(sql`sender_type = 'staff'`),
  ],
);

/** Teachers' internal notes on a letter (never shown to the writer). Encrypted. */
export const letterNotes = pgTable(
  "letter_notes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    letterId: uuid("letter_id").notNull().references(() => letters.id),
    staffId: uuid("staff_id").notNull().references(() => staff.id),
    bodyEnc: text("body_enc").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (table) => [index("letter_notes_letter_idx").on(table.letterId, table.createdAt)],
);

/** 回信模板: a teacher's own (ownerStaffId) or county-wide (null). */
export const letterReplyTemplates = pgTable("letter_reply_templates", {
  id: uuid("id").primaryKey().defaultRandom(),
  ownerStaffId: uuid("owner_staff_id").references(() => staff.id),
  title: text("title").notNull(),
  body: text("body").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  deletedAt: timestamp("deleted_at", { withTimezone: true }),
});

/** Each time an overdue letter moved up (school → area → county), or a teacher moved it. */
export const letterEscalations = pgTable(
  "letter_escalations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    letterId: uuid("letter_id").notNull().references(() => letters.id),
    fromMailboxId: uuid("from_mailbox_id").notNull().references(() => mailboxes.id),
    toMailboxId: uuid("to_mailbox_id").notNull().references(() => mailboxes.id),
    level: integer("level").notNull(),
    /** overdue */
    reason: text("reason").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull(),
  },
  (table) => [index("letter_escalations_letter_idx").on(table.letterId, table.at)],
);
