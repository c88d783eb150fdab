import { and, eq, inArray } from "drizzle-orm";
import type { DutyChannel, TransferTargetView } from "@xinyuan/shared";
import { hotlineTickets, staff, staffPresence } from "../db/schema";
import type { DbOrTx } from "../db/database";
import { isHotlineEligibleStaff } from "../hotline/hotlinePolicy";
import { activeLoads } from "../chat/conversationQueries";
import { staffOnLeaveAt } from "../hotline/staffLeave";
import { availableStaffIds } from "../presence/dutyState";

/**
 * Who a call or chat could be handed to right now, by the same rules the transfer applies (callTransferer,
 * chatTransferer): on duty for the channel with a live connection; for the hotline a county counsellor
 * not on leave, free when not on a call; for chat a counsellor, free while under their chat capacity.
 * The busy ones are listed too (canTake false) so the counsellor sees why a name is greyed out.
 */
export async function transferTargets(db: DbOrTx, channel: DutyChannel, selfId: string, now: Date): Promise<TransferTargetView[]> {
  const ids = (await availableStaffIds(db, channel, now)).filter((id) => id !== selfId);
  if (ids.length === 0) return [];
  const rows = await db.select().from(staff).where(inArray(staff.id, ids));
  const targets = channel === "hotline" ? await hotlineTargets(db, rows, now) : await chatTargets(db, rows);
  return targets.sort((a, b) => Number(b.canTake) - Number(a.canTake) || a.load - b.load || a.name.localeCompare(b.name, "zh-CN"));
}

type StaffRow = typeof staff.$inferSelect;

async function hotlineTargets(db: DbOrTx, rows: StaffRow[], now: Date): Promise<TransferTargetView[]> {
  const onLeave = await staffOnLeaveAt(db, now);
  const eligible = rows.filter((row) => isHotlineEligibleStaff(row) && !onLeave.has(row.id));
  if (eligible.length === 0) return [];
  const onCall = await db
    .select({ staffId: hotlineTickets.claimedBy })
    .from(hotlineTickets)
    .where(and(eq(hotlineTickets.status, "claimed"), inArray(hotlineTickets.claimedBy, eligible.map((row) => row.id))));
  const busy = new Set(onCall.map((row) => row.staffId));
  return eligible.map((row) => ({ id: row.id, name: row.displayName, load: busy.has(row.id) ? 1 : 0, capacity: 1, canTake: !busy.has(row.id) }));
}

async function chatTargets(db: DbOrTx, rows: StaffRow[]): Promise<TransferTargetView[]> {
  const counsellors = rows.filter((row) => row.status === "active" && row.roles.includes("counsellor"));
  if (counsellors.length === 0) return [];
  const ids = counsellors.map((row) => row.id);
  const loads = await activeLoads(db, ids);
  const presence = await db.select({ staffId: staffPresence.staffId, capacity: staffPresence.chatCapacity }).from(staffPresence).where(inArray(staffPresence.staffId, ids));
  const capacities = new Map(presence.map((row) => [row.staffId, row.capacity]));
  return counsellors.map((row) => {
    const load = loads.get(row.id) ?? 0;
    const capacity = capacities.get(row.id) ?? 3;
    return { id: row.id, name: row.displayName, load, capacity, canTake: load < capacity };
  });
}
