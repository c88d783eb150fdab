import { and, eq, inArray, lt } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import { presenceStaleAfterMs } from "@xinyuan/shared";
import { staffConnections } from "../db/schema";
import type { DbOrTx } from "../db/database";

/** This process's id in staff_connections rows. */
export const instanceId = `${process.pid}-${randomUUID().slice(0, 8)}`;

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
