import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * Append-only audit log: every staff login, every read of a sensitive record, every change.
 * A trigger (migration 0001) refuses UPDATE, DELETE and TRUNCATE, so the application cannot rewrite it.
 */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    actorType: text("actor_type").notNull(),
    actorId: uuid("actor_id"),
    action: text("action").notNull(),
    targetType: text("target_type"),
    targetId: text("target_id"),
    ip: text("ip"),
    requestId: text("request_id"),
    detail: jsonb("detail").$type<Record<string, unknown>>(),
  },
  (table) => [index("audit_events_at_idx").on(table.at), index("audit_events_actor_idx").on(table.actorId, table.at), index("audit_events_target_idx").on(table.targetType, table.targetId)],
);
