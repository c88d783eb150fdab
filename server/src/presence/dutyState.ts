import { and, eq, sql } from "drizzle-orm";
import { type DutyChannel, type DutyView, type SetDutyBody } from "@xinyuan/shared";
import { staff, staffConnections, staffPresence } from "../db/schema";
import type { DbOrTx } from "../db/database";
import { connectionLive } from "./connectionRegistry";

/** Reads a staff member's duty state, with whether they are connected right now. */
export async function readDuty(db: DbOrTx, staffId: string, now: Date): Promise<DutyView> {
  const [row] = await db.select().from(staffPresence).where(eq(staffPresence.staffId, staffId)).limit(1);
  const live = await db
    .select({ socketId: staffConnections.socketId })
    .from(staffConnections)
    .where(and(eq(staffConnections.staffId, staffId), connectionLive(now)))
    .limit(1);
  return {
    onDuty: row?.onDuty ?? false,
    channels: (row?.channels ?? []) as DutyChannel[],
    chatCapacity: row?.chatCapacity ?? 3,
    connected: live.length > 0,
    changedAt: row?.changedAt.toISOString() ?? null,
  };
}

/** Goes on or off duty. Callers audit it and tell the staff member's other devices. */
export async function writeDuty(db: DbOrTx, staffId: string, input: SetDutyBody, now: Date): Promise<void> {
  const values = {
    onDuty: input.onDuty,
    channels: input.onDuty ? input.channels : [],
    ...(input.chatCapacity === undefined ? {} : { chatCapacity: input.chatCapacity }),
    changedAt: now,
  };
  await db
    .insert(staffPresence)
    .values({ staffId, ...values })
    .onConflictDoUpdate({ target: staffPresence.staffId, set: values });
}

/**
 * Staff available on a channel right now: on duty for it, holding a live connection, and allowed to
 * serve it (an active counsellor or supervisor; for the county hotline, at county scope, as
 * isHotlineEligibleStaff). Presence rows written before a role or scope change never count.
 * Hotline and chat routing, "nobody on duty" and wait estimates all start from this.
 */
export async function availableStaffIds(db: DbOrTx, channel: DutyChannel, now: Date): Promise<string[]> {
  const rows = await db
    .selectDistinct({ staffId: staffPresence.staffId })
    .from(staffPresence)
    .innerJoin(staffConnections, eq(staffConnections.staffId, staffPresence.staffId))
    .innerJoin(staff, eq(staff.id, staffPresence.staffId))
    .where(
      and(
        eq(staffPresence.onDuty, true),
        sql`${channel} = ANY(${staffPresence.channels})`,
        connectionLive(now),
        eq(staff.status, "active"),
        sql`${staff.roles} && ARRAY['counsellor', 'supervisor']::text[]`,
        channel === "hotline" ? eq(staff.scopeLevel, "county") : undefined,
      ),
    );
  return rows.map((row) => row.staffId);
}

export async function isStaffAvailable(db: DbOrTx, staffId: string, channel: DutyChannel, now: Date): Promise<boolean> {
  return (await availableStaffIds(db, channel, now)).includes(staffId);
}
