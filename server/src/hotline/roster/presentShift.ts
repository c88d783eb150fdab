import { inArray } from "drizzle-orm";
import type { LeaveView, ShiftView } from "@xinyuan/shared";
import { staff, staffLeave } from "../../db/schema";
import type { DbOrTx } from "../../db/database";
import type { LeaveRow, ShiftRow } from "./rosterViews";

/** Shifts with their counsellor's name and whether leave overlaps them. */
export async function presentShifts(db: DbOrTx, rows: ShiftRow[]): Promise<ShiftView[]> {
  if (rows.length === 0) return [];
  const ids = [...new Set(rows.map((row) => row.staffId))];
  const names = await db.select({ id: staff.id, name: staff.displayName }).from(staff).where(inArray(staff.id, ids));
  const leave = await db.select().from(staffLeave).where(inArray(staffLeave.staffId, ids));
  return rows.map((row) => ({
    id: row.id,
    staffId: row.staffId,
    staffName: names.find((entry) => entry.id === row.staffId)?.name ?? "",
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    note: row.note,
    onLeave: leave.some((away) => away.staffId === row.staffId && away.startsAt < row.endsAt && away.endsAt > row.startsAt),
  }));
}

export function presentLeave(leave: LeaveRow, staffName: string): LeaveView {
  return { id: leave.id, staffId: leave.staffId, staffName, startsAt: leave.startsAt.toISOString(), endsAt: leave.endsAt.toISOString(), reason: leave.reason };
}
