import { bigint, bigserial, index, jsonb, pgTable, text, timestamp, uuid, uniqueIndex } from "drizzle-orm/pg-core";

/**
 * Append-only audit log: every staff login, every read of a sensitive record, every change.
 * A trigger (migration 0001) refuses UPDATE, DELETE and TRUNCATE, so the application cannot rewrite it;
 * on PostgreSQL the application runs as a role with INSERT and SELECT only (see server/src/audit/README.md).
 * Tamper evidence: a BEFORE INSERT trigger (migration 0010) numbers each row in chain order and stores
 * the hash of the previous row and its own (sha256 over prev_hash and the row's fields); the application
 * never sets these. `npm run audit:verify` walks the chain and names the first broken row.
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
    /** Set by the chain trigger, never by the application. */
    chainSeq: bigint("chain_seq", { mode: "number" }),
    prevHash: text("prev_hash"),
    rowHash: text("row_hash"),
  },
  (table) => [uniqueIndex("audit_events_chain_seq_idx").on(table.chainSeq), index("audit_events_at_idx").on(table.at), index("audit_events_actor_idx").on(table.actorId, table.at), index("audit_events_target_idx").on(table.targetType, table.targetId)],
);
