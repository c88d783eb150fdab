import { and, eq, inArray, sql } from "drizzle-orm";
import { staff } from "../db/schema";
import type { DbOrTx } from "../db/database";
import { availableStaffIds } from "../presence/dutyState";

export interface OnDutyAlertStaff {
  /** County supervisors on duty (either channel) with a live connection. */
  supervisorIds: string[];
  /** Everyone else on duty with a live connection (they hear of an alert when it escalates). */
  counsellorIds: string[];
}

/** Who is on duty right now, split into those the alert goes to first and those it escalates to. */
export async function onDutyAlertStaff(db: DbOrTx, now: Date): Promise<OnDutyAlertStaff> {
  const ids = [...new Set([...(await availableStaffIds(db, "chat", now)), ...(await availableStaffIds(db, "hotline", now))])];
  if (ids.length === 0) return { supervisorIds: [], counsellorIds: [] };
  const supervisors = await db
    .select({ id: staff.id })
    .from(staff)
    .where(and(inArray(staff.id, ids), sql`'supervisor' = ANY(${staff.roles})`, eq(staff.scopeLevel, "county")));
  const supervisorIds = supervisors.map((row) => row.id);
  return { supervisorIds, counsellorIds: ids.filter((id) => !supervisorIds.includes(id)) };
}

export async function isOnDuty(db: DbOrTx, staffId: string, now: Date): Promise<boolean> {
  const { supervisorIds, counsellorIds } = await onDutyAlertStaff(db, now);
  return supervisorIds.includes(staffId) || counsellorIds.includes(staffId);
}
