import { and, eq, gt, inArray, lt, sql, type AnyColumn, type SQL } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import { presenceStaleAfterMs } from "@xinyuan/shared";
import { presenceInstances, staffConnections } from "../db/schema";
import type { DbOrTx } from "../db/database";

/** This process's id in staff_connections and presence_instances rows. */
export const instanceId = `${process.pid}-${randomUUID().slice(0, 8)}`;

/** Each process writes its own heartbeat this often… */
export const presenceInstanceBeatMs = 2_000;
/** …and a process silent for longer is dead: its connections stop counting (kill -9, a lost host). */
export const presenceInstanceDeadAfterMs = 5_000;

export async function registerConnection(db: DbOrTx, socketId: string, staffId: string, now: Date): Promise<void> {
  await db
    .insert(staffConnections)
    .values({ socketId, staffId, instanceId, connectedAt: now, lastSeenAt: now })
    .onConflictDoUpdate({ target: staffConnections.socketId, set: { lastSeenAt: now } });
}

export async function dropConnection(db: DbOrTx, socketId: string): Promise<void> {
  await db.delete(staffConnections).where(eq(staffConnections.socketId, socketId));
}

/** Heartbeat: refresh this process's live sockets and forget rows nobody refreshed (dead processes). */
export async function refreshConnections(db: DbOrTx, socketIds: string[], now: Date): Promise<void> {
  if (socketIds.length > 0) {
    await db.update(staffConnections).set({ lastSeenAt: now }).where(and(eq(staffConnections.instanceId, instanceId), inArray(staffConnections.socketId, socketIds)));
  }
  await db.delete(staffConnections).where(lt(staffConnections.lastSeenAt, new Date(now.getTime() - presenceStaleAfterMs * 4)));
}

/**
 * This process is alive. Beats use the database's clock (process death is a real-time fact; tests move
 * the application clock), and a process long dead is forgotten.
 */
export async function beatInstance(db: DbOrTx): Promise<void> {
  await db
    .insert(presenceInstances)
    .values({ instanceId, startedAt: sql`now()`, beatAt: sql`now()` })
    .onConflictDoUpdate({ target: presenceInstances.instanceId, set: { beatAt: sql`now()` } });
  await db.delete(presenceInstances).where(lt(presenceInstances.beatAt, sql`now() - interval '1 hour'`));
}

const deadInterval = sql.raw(`now() - interval '${presenceInstanceDeadAfterMs} milliseconds'`);

/**
 * SQL: the process holding connection row `connection` is known dead (its heartbeat is older than
 * presenceInstanceDeadAfterMs). Never this process: whoever asks is alive, even when its own beat was held
 * up (a busy embedded database runs one transaction at a time), so a slow moment never marks its own
 * counsellors absent and tells waiting students that nobody is left.
 */
export function instanceDead(connectionInstanceId: AnyColumn | SQL): SQL {
  return sql`EXISTS (SELECT 1 FROM ${presenceInstances} WHERE ${presenceInstances.instanceId} = ${connectionInstanceId} AND ${presenceInstances.instanceId} <> ${instanceId} AND ${presenceInstances.beatAt} < ${deadInterval})`;
}

/**
 * The one rule for "this staff_connections row is live": refreshed within presenceStaleAfterMs, and its
 * process not known dead. Every presence question (duty, routing, grace periods, the hotline board) uses it.
 */
export function connectionLive(now: Date): SQL {
  return and(gt(staffConnections.lastSeenAt, new Date(now.getTime() - presenceStaleAfterMs)), sql`NOT ${instanceDead(staffConnections.instanceId)}`)!;
}

/** SQL: staff member `staffIdColumn` holds a live connection. */
export function staffConnected(staffIdColumn: AnyColumn | SQL, now: Date): SQL {
  return sql`EXISTS (SELECT 1 FROM ${staffConnections} WHERE ${staffConnections.staffId} = ${staffIdColumn} AND ${connectionLive(now)})`;
}
