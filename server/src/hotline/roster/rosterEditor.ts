import { eq } from "drizzle-orm";
import type { z } from "zod";
import { isoDay, type createLeaveBody, type HolidayView } from "@xinyuan/shared";
import { hotlineHolidays, hotlineShifts, staff, staffLeave } from "../../db/schema";
import type { Services } from "../../services";
import { recordAudit, type AuditOrigin } from "../../audit/recordAudit";
import { AppError } from "../../http/errors";
import type { LeaveRow } from "./rosterViews";

const maxLeaveMs = 90 * 86_400_000;

/** Removes one shift. Audited with whose shift it was. */
export async function shiftDeleter(props: { services: Services; shiftId: string; origin: AuditOrigin }): Promise<void> {
  const { services, shiftId, origin } = props;
  await services.db.transaction(async (tx) => {
    const [deleted] = await tx.delete(hotlineShifts).where(eq(hotlineShifts.id, shiftId)).returning();
    if (!deleted) throw new AppError(404, "ROSTER_SHIFT_NOT_FOUND");
    await recordAudit(tx, origin, { action: "roster.shift.delete", targetType: "hotline_shift", targetId: shiftId, detail: { staffId: deleted.staffId, startsAt: deleted.startsAt.toISOString() } });
  });
}

/** Marks (or renames) a holiday: the line follows it in fixed-hours mode and coverage skips it. Audited. */
export async function holidaySetter(props: { services: Services; holiday: HolidayView; origin: AuditOrigin }): Promise<HolidayView> {
  const { services, holiday, origin } = props;
  await services.db.transaction(async (tx) => {
    await tx.insert(hotlineHolidays).values(holiday).onConflictDoUpdate({ target: hotlineHolidays.date, set: { name: holiday.name } });
    await recordAudit(tx, origin, { action: "roster.holiday.put", targetType: "hotline_holiday", targetId: holiday.date, detail: { name: holiday.name } });
  });
  return holiday;
}

/** Removes a holiday by its county date (a real YYYY-MM-DD day; anything else is simply not found). Audited. */
export async function holidayDeleter(props: { services: Services; date: string; origin: AuditOrigin }): Promise<void> {
  const { services, date, origin } = props;
  await services.db.transaction(async (tx) => {
    const [deleted] = isoDay().safeParse(date).success ? await tx.delete(hotlineHolidays).where(eq(hotlineHolidays.date, date)).returning() : [];
    if (!deleted) throw new AppError(404, "ROSTER_HOLIDAY_NOT_FOUND");
    await recordAudit(tx, origin, { action: "roster.holiday.delete", targetType: "hotline_holiday", targetId: date });
  });
}

/** Records a staff member's leave (at most 90 days); shifts it overlaps stop counting. Audited. */
export async function leaveCreator(props: { services: Services; input: z.output<typeof createLeaveBody>; createdBy: string; origin: AuditOrigin }): Promise<{ row: LeaveRow; staffName: string }> {
  const { services, input, createdBy, origin } = props;
  const startsAt = new Date(input.startsAt);
  const endsAt = new Date(input.endsAt);
  if (endsAt <= startsAt || endsAt.getTime() - startsAt.getTime() > maxLeaveMs) throw new AppError(400, "ROSTER_LEAVE_INVALID");
  return services.db.transaction(async (tx) => {
    const [member] = await tx.select().from(staff).where(eq(staff.id, input.staffId)).limit(1);
    if (!member) throw new AppError(404, "STAFF_NOT_FOUND");
    const [row] = await tx.insert(staffLeave).values({ staffId: input.staffId, startsAt, endsAt, reason: input.reason ?? null, createdBy }).returning();
    await recordAudit(tx, origin, { action: "roster.leave.create", targetType: "staff_leave", targetId: row!.id, detail: { staffId: input.staffId } });
    return { row: row!, staffName: member.displayName };
  });
}

/** Removes a leave entry. Audited. */
export async function leaveDeleter(props: { services: Services; leaveId: string; origin: AuditOrigin }): Promise<void> {
  const { services, leaveId, origin } = props;
  await services.db.transaction(async (tx) => {
    const [deleted] = await tx.delete(staffLeave).where(eq(staffLeave.id, leaveId)).returning();
    if (!deleted) throw new AppError(404, "ROSTER_LEAVE_NOT_FOUND");
    await recordAudit(tx, origin, { action: "roster.leave.delete", targetType: "staff_leave", targetId: leaveId, detail: { staffId: deleted.staffId } });
  });
}
