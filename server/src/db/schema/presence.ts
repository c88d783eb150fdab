import { boolean, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { staff } from "./identity";

/** A counsellor's chosen duty state: on or off, for which channels, and how many chats at once. */
export const staffPresence = pgTable("staff_presence", {
  staffId: uuid("staff_id").primaryKey().references(() => staff.id),
  onDuty: boolean("on_duty").notNull().default(false),
  /** "hotline", "chat" */
  channels: text("channels").array().notNull().default([]),
  chatCapacity: integer("chat_capacity").notNull().default(3),
  changedAt: timestamp("changed_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Live socket connections of staff, one row per socket, refreshed by a heartbeat from the process
 * that holds it. On duty + a fresh connection = available. A closed tab, a lost network or a dead
 * process stops the heartbeat, and the staff member stops being available (no single process's memory).
 */
export const staffConnections = pgTable(
  "staff_connections",
  {
    socketId: text("socket_id").primaryKey(),
    staffId: uuid("staff_id").notNull().references(() => staff.id),
    instanceId: text("instance_id").notNull(),
    connectedAt: timestamp("connected_at", { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("staff_connections_staff_idx").on(table.staffId, table.lastSeenAt)],
);

/**
 * One row per server process, its heartbeat refreshed every presenceInstanceBeatMs. A process silent for
 * longer than presenceInstanceDeadAfterMs is dead (kill -9, a lost host): its connections stop counting
 * at once, without waiting for their own rows to go stale.
 */
export const presenceInstances = pgTable("presence_instances", {
  instanceId: text("instance_id").primaryKey(),
  startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
  beatAt: timestamp("beat_at", { withTimezone: true }).notNull().defaultNow(),
});
