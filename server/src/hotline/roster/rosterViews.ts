import { and, asc, eq, gt, gte, lt, lte } from "drizzle-orm";
import type { HolidayView, RosterStaffView } from "@xinyuan/shared";
import { hotlineHolidays, hotlineShifts, staff, staffLeave } from "../../db/schema";
import type { DbOrTx } from "../../db/database";
import { isHotlineEligibleStaff } from "../hotlinePolicy";

export type ShiftRow = typeof hotlineShifts.$inferSelect;
export type LeaveRow = typeof staffLeave.$inferSelect;

/** Shifts overlapping [from, to), earliest first. */
export async function shiftsBetween(db: DbOrTx, from: Date, to: Date): Promise<ShiftRow[]> {
  return db.select().from(hotlineShifts).where(and(lt(hotlineShifts.startsAt, to), gt(hotlineShifts.endsAt, from))).orderBy(asc(hotlineShifts.startsAt));
}

/** Holidays between two county dates (YYYY-MM-DD, inclusive). */
export async function holidaysBetween(db: DbOrTx, from: string, to: string): Promise<HolidayView[]> {
  return db
    .select({ date: hotlineHolidays.date, name: hotlineHolidays.name })
    .from(hotlineHolidays)
    .where(and(gte(hotlineHolidays.date, from), lte(hotlineHolidays.date, to)))
    .orderBy(asc(hotlineHolidays.date));
}

/** Leave overlapping [from, to) with the staff member's name, earliest first. */
export async function leaveBetween(db: DbOrTx, from: Date, to: Date): Promise<Array<{ leave: LeaveRow; name: string }>> {
  return db
    .select({ leave: staffLeave, name: staff.displayName })
    .from(staffLeave)
    .innerJoin(staff, eq(staff.id, staffLeave.staffId))
    .where(and(lt(staffLeave.startsAt, to), gt(staffLeave.endsAt, from)))
    .orderBy(asc(staffLeave.startsAt));
}

/** Who may be put on the roster: county staff eligible for the hotline, by name. */
export async function rosterStaff(db: DbOrTx): Promise<RosterStaffView[]> {
  const rows = await db.select().from(staff).where(eq(staff.scopeLevel, "county")).orderBy(asc(staff.displayName));
  return rows.filter(isHotlineEligibleStaff).map((row) => ({ id: row.id, name: row.displayName }));
}
