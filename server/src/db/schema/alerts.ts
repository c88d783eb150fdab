import { sql } from "drizzle-orm";
import { bigserial, boolean, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { staff } from "./identity";

/**
 * The durable alert inbox (see server/src/alerts/README.md). One row per risk signal per (source kind,
 * source id, level): a chat that rises from medium to high gets a second alert; the same level again
 * does not. State: new -> acknowledged (one winner) -> handled. `fannedOutAt` is claimed by the one
 * process that tells the sockets after commit; `escalateAt` is when an unacknowledged alert escalates;
 * the webhook columns drive delivery (and retries) to the centre's external channel.
 */
export const riskAlerts = pgTable(
  "risk_alerts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** chat | hotline | letter | case | appointment | event */
    sourceKind: text("source_kind").notNull(),
    sourceId: text("source_id").notNull(),
    level: text("level").notNull(),
    categories: text("categories").array().notNull().default([]),
    subjectAlias: text("subject_alias").notNull(),
    /** The student (null once they deleted their account; the alert and its handling stay). */
    userId: uuid("user_id"),
    /** new | acknowledged | handled */
    state: text("state").notNull().default("new"),
    nobodyOnDuty: boolean("nobody_on_duty").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    fannedOutAt: timestamp("fanned_out_at", { withTimezone: true }),
    escalateAt: timestamp("escalate_at", { withTimezone: true }).notNull(),
    escalatedAt: timestamp("escalated_at", { withTimezone: true }),
    webhookDueAt: timestamp("webhook_due_at", { withTimezone: true }),
    webhookAttempts: integer("webhook_attempts").notNull().default(0),
    webhookDeliveredAt: timestamp("webhook_delivered_at", { withTimezone: true }),
    acknowledgedAt: timestamp("acknowledged_at", { withTimezone: true }),
    acknowledgedBy: uuid("acknowledged_by").references(() => staff.id),
    handledAt: timestamp("handled_at", { withTimezone: true }),
    handledBy: uuid("handled_by").references(() => staff.id),
    outcome: text("outcome"),
    /** The handler's note, encrypted. */
    noteEnc: text("note_enc"),
  },
  (table) => [
    uniqueIndex("risk_alerts_source_level_idx").on(table.sourceKind, table.sourceId, table.level),
    index("risk_alerts_open_idx").on(table.state, table.createdAt).where(sql`state <> 'handled'`),
    index("risk_alerts_escalate_idx").on(table.escalateAt).where(sql`state = 'new' AND escalated_at IS NULL`),
    index("risk_alerts_webhook_idx").on(table.webhookDueAt).where(sql`webhook_due_at IS NOT NULL AND webhook_delivered_at IS NULL`),
    index("risk_alerts_user_idx").on(table.userId),
  ],
);

/** What happened to an alert, with times: raised, nobody on duty, escalated, webhook sent/failed, acknowledged, handled. */
export const riskAlertSteps = pgTable(
  "risk_alert_steps",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    alertId: uuid("alert_id").notNull().references(() => riskAlerts.id),
    kind: text("kind").notNull(),
    staffId: uuid("staff_id").references(() => staff.id),
    /** How many on-duty counsellors were told (escalation), or the HTTP status (webhook); never text. */
    detail: integer("detail"),
    at: timestamp("at", { withTimezone: true }).notNull(),
  },
  (table) => [index("risk_alert_steps_alert_idx").on(table.alertId, table.at)],
);
