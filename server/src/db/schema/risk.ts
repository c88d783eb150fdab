import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { staff } from "./identity";

/**
 * Every version of the risk lexicon ever saved; rows are never changed except to mark which one is active
 * (at most one: a partial unique index). The shipped file seeds a version (seed_label = its version label,
 * author null). `evaluation` holds the corpus figures measured when the version was saved (lexicon and
 * model together). `model` is the learned model used beside the lexicon (riskModelSchema; null: lexicon
 * only): a retrain makes a new version with the same lexicon and a new model.
 */
export const riskLexiconVersions = pgTable(
  "risk_lexicon_versions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    number: integer("number").notNull().unique(),
    label: text("label").notNull(),
    content: jsonb("content").notNull(),
    model: jsonb("model"),
    note: text("note").notNull().default(""),
    authorId: uuid("author_id").references(() => staff.id),
    seedLabel: text("seed_label").unique(),
    basedOnId: uuid("based_on_id"),
    evaluation: jsonb("evaluation").notNull(),
    isActive: boolean("is_active").notNull().default(false),
    activatedAt: timestamp("activated_at", { withTimezone: true }),
    activatedBy: uuid("activated_by").references(() => staff.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex("risk_lexicon_versions_one_active").on(table.isActive).where(sql`${table.isActive}`)],
);

/**
 * Labelled rows a supervisor added from counsellor feedback (the shipped corpus files hold the rest).
 * The text is encrypted like the message it came from; the gate decrypts it to evaluate.
 */
export const riskCorpusRows = pgTable(
  "risk_corpus_rows",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    textEnc: text("text_enc").notNull(),
    categories: text("categories").array().notNull().default([]),
    level: text("level").notNull(),
    feedbackId: uuid("feedback_id"),
    addedBy: uuid("added_by").notNull().references(() => staff.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("risk_corpus_rows_created_idx").on(table.createdAt)],
);

/**
 * A counsellor's feedback on one detection: "missed" (标记为风险: the detector should have flagged it) or
 * "false_alarm" (误报). It points at the message (source kind + id); the text is copied encrypted so the
 * review queue can show it (each read audited) even after the source is archived.
 */
export const riskFeedback = pgTable(
  "risk_feedback",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: text("kind").notNull(),
    sourceKind: text("source_kind").notNull(),
    sourceId: text("source_id").notNull(),
    textEnc: text("text_enc").notNull(),
    detectedLevel: text("detected_level").notNull(),
    detectedCategories: text("detected_categories").array().notNull().default([]),
    suggestedCategories: text("suggested_categories").array().notNull().default([]),
    comment: text("comment").notNull().default(""),
    staffId: uuid("staff_id").notNull().references(() => staff.id),
    status: text("status").notNull().default("open"),
    resolution: text("resolution"),
    resolvedBy: uuid("resolved_by").references(() => staff.id),
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
    /** Set by retention/ when the period ran out: the text is erased, the row and its figures stay. */
    contentErasedAt: timestamp("content_erased_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex("risk_feedback_once_per_staff").on(table.sourceKind, table.sourceId, table.staffId, table.kind),
    index("risk_feedback_queue_idx").on(table.status, table.createdAt),
  ],
);
