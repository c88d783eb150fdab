import { sql } from "drizzle-orm";
import { bigserial, boolean, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { appUsers, staff } from "./identity";
import { areas, schools } from "./directory";

/**
 * 危机个案: one student (by alias) followed from a risk signal to closure. user_id links the student's
 * calls, chats and letters and is never shown; at most one case per user is not closed (a second signal
 * joins it), enforced by a partial unique index so two signals racing cannot open two cases.
 * phone_enc keeps an unsafe caller's call-back number (encrypted) when their urgent call-back was missed.
 */
export const crisisCases = pgTable(
  "crisis_cases",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    number: bigserial("number", { mode: "number" }).notNull().unique(),
    /** Null for an anonymous inbound call, and once the user deleted their account. */
    userId: uuid("user_id").references(() => appUsers.id),
    subjectAlias: text("subject_alias").notNull(),
    level: text("level").notNull(),
    status: text("status").notNull().default("open"),
    closeReason: text("close_reason"),
    ownerId: uuid("owner_id").references(() => staff.id),
    teamMode: text("team_mode").notNull().default("one_to_one"),
    flags: text("flags").array().notNull().default([]),
    nextFollowUpOn: date("next_follow_up_on", { mode: "string" }),
    schoolId: uuid("school_id").references(() => schools.id),
    areaId: uuid("area_id").references(() => areas.id),
    sourceKind: text("source_kind").notNull(),
    sourceId: uuid("source_id"),
    phoneEnc: text("phone_enc"),
    /** When the case last needed an owner at 危机 level: the 5-minute ownership clock counts from here. */
    ownerlessSince: timestamp("ownerless_since", { withTimezone: true }),
    ownerlessEscalatedAt: timestamp("ownerless_escalated_at", { withTimezone: true }),
    /** The follow-up date whose overdue escalation was raised, so each date escalates once. */
    overdueEscalatedFor: date("overdue_escalated_for", { mode: "string" }),
    openedAt: timestamp("opened_at", { withTimezone: true }).notNull(),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (table) => [
    uniqueIndex("crisis_cases_one_open_per_user").on(table.userId).where(sql`status <> 'closed' AND user_id IS NOT NULL`),
    index("crisis_cases_owner_idx").on(table.ownerId).where(sql`status <> 'closed'`),
    index("crisis_cases_ownerless_idx").on(table.ownerlessSince).where(sql`owner_id IS NULL AND status <> 'closed'`),
    index("crisis_cases_follow_up_idx").on(table.nextFollowUpOn).where(sql`status <> 'closed'`),
    index("crisis_cases_opened_idx").on(table.openedAt),
  ],
);

/** 多对一: the staff following a case with its owner. */
export const caseTeamMembers = pgTable(
  "case_team_members",
  {
    caseId: uuid("case_id").notNull().references(() => crisisCases.id),
    staffId: uuid("staff_id").notNull().references(() => staff.id),
    addedAt: timestamp("added_at", { withTimezone: true }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.caseId, table.staffId] }), index("case_team_members_staff_idx").on(table.staffId)],
);

/** Contacts and alerts a case links to (any number of calls, chats, letters of the same user). */
export const caseLinks = pgTable(
  "case_links",
  {
    caseId: uuid("case_id").notNull().references(() => crisisCases.id),
    kind: text("kind").notNull(),
    targetId: uuid("target_id").notNull(),
    riskLevel: text("risk_level"),
    at: timestamp("at", { withTimezone: true }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.caseId, table.kind, table.targetId] }), index("case_links_target_idx").on(table.kind, table.targetId)],
);

/** The timeline: everything that happened, with its actor (null: the system) and time. Notes encrypted. */
export const caseEvents = pgTable(
  "case_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    caseId: uuid("case_id").notNull().references(() => crisisCases.id),
    kind: text("kind").notNull(),
    actorId: uuid("actor_id").references(() => staff.id),
    at: timestamp("at", { withTimezone: true }).notNull(),
    noteEnc: text("note_enc"),
    detail: jsonb("detail").$type<Record<string, unknown>>().notNull().default({}),
  },
  (table) => [index("case_events_case_idx").on(table.caseId, table.id)],
);

/** The centre's directory of referral institutions (县人民医院, 达州市心理卫生中心 …). Never deleted. */
export const referralInstitutions = pgTable("referral_institutions", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull().unique(),
  kind: text("kind").notNull(),
  phone: text("phone").notNull().default(""),
  address: text("address").notNull().default(""),
  active: boolean("active").notNull().default(true),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/** One referral (转介) of a case to an institution, its state and the institution's feedback (encrypted). */
export const caseReferrals = pgTable(
  "case_referrals",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id").notNull().references(() => crisisCases.id),
    institutionId: uuid("institution_id").notNull().references(() => referralInstitutions.id),
    state: text("state").notNull().default("proposed"),
    feedbackEnc: text("feedback_enc"),
    createdBy: uuid("created_by").notNull().references(() => staff.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (table) => [index("case_referrals_case_idx").on(table.caseId)],
);

/** The emergency checklist the centre configures per level. */
export const caseChecklistItems = pgTable("case_checklist_items", {
  id: uuid("id").primaryKey().defaultRandom(),
  level: text("level").notNull(),
  label: text("label").notNull(),
  sortOrder: integer("sort_order").notNull().default(100),
  active: boolean("active").notNull().default(true),
});

export const caseChecklistTicks = pgTable(
  "case_checklist_ticks",
  {
    caseId: uuid("case_id").notNull().references(() => crisisCases.id),
    itemId: uuid("item_id").notNull().references(() => caseChecklistItems.id),
    tickedBy: uuid("ticked_by").notNull().references(() => staff.id),
    tickedAt: timestamp("ticked_at", { withTimezone: true }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.caseId, table.itemId] })],
);

/**
 * Who the child is, recorded only as its own action with a legal basis. person_enc is the encrypted JSON
 * (name, grade, class, guardian contact, how it was learnt). One identity record per case.
 */
export const caseIdentities = pgTable("case_identities", {
  id: uuid("id").primaryKey().defaultRandom(),
  caseId: uuid("case_id").notNull().unique().references(() => crisisCases.id),
  /** Erased when a review rejects the record. */
  personEnc: text("person_enc"),
  legalBasis: text("legal_basis").notNull(),
  emergency: boolean("emergency").notNull(),
  state: text("state").notNull(),
  recordedBy: uuid("recorded_by").notNull().references(() => staff.id),
  recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull(),
  reviewedBy: uuid("reviewed_by").references(() => staff.id),
  reviewedAt: timestamp("reviewed_at", { withTimezone: true }),
});

/** Each school's 应急预案: the document text and its contact list, shown in the school's cases. */
export const schoolEmergencyPlans = pgTable("school_emergency_plans", {
  schoolId: uuid("school_id").primaryKey().references(() => schools.id),
  planText: text("plan_text").notNull(),
  contacts: jsonb("contacts").$type<Array<{ role: string; name: string; phone: string }>>().notNull().default([]),
  updatedBy: uuid("updated_by").references(() => staff.id),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
});

/** The centre's key-period calendar (exams, school start, holidays, graduation). */
export const keyPeriods = pgTable("key_periods", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull(),
  kind: text("kind").notNull(),
  startsOn: date("starts_on", { mode: "string" }).notNull(),
  endsOn: date("ends_on", { mode: "string" }).notNull(),
  remindDaysBefore: integer("remind_days_before").notNull().default(3),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/** One key-period reminder per open case: the primary key makes the reminder job idempotent across processes. */
export const caseKeyPeriodReminders = pgTable(
  "case_key_period_reminders",
  {
    caseId: uuid("case_id").notNull().references(() => crisisCases.id),
    keyPeriodId: uuid("key_period_id").notNull().references(() => keyPeriods.id),
    at: timestamp("at", { withTimezone: true }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.caseId, table.keyPeriodId] })],
);
