import { and, gte, inArray, lt } from "drizzle-orm";
import { hotlineHolidays, hotlineShifts } from "../../db/schema";
import type { Services } from "../../services";
import { recordAudit, type AuditOrigin } from "../../audit/recordAudit";
import { AppError } from "../../http/errors";
import { addDays, countyDateOf, countyInstant, isoWeekday } from "../countyTime";
import { shiftCreator } from "./shiftCreator";

/**
 * Copies the shifts of one county week (Monday to Sunday) to another, shifted by whole weeks. Shifts
 * landing on a holiday, overlapping an existing shift, or of counsellors no longer eligible are skipped
 * (and counted), so copying twice is harmless. One transaction: all copied or none.
 */
export async function rosterWeekCopier(props: { services: Services; fromWeekStart: string; toWeekStart: string; createdBy: string; origin: AuditOrigin }) {
  const { services, fromWeekStart, toWeekStart } = props;
  if (isoWeekday(fromWeekStart) !== 1 || isoWeekday(toWeekStart) !== 1 || fromWeekStart === toWeekStart) throw new AppError(400, "ROSTER_SHIFT_INVALID");
  const offsetMs = countyInstant(toWeekStart).getTime() - countyInstant(fromWeekStart).getTime();
  const from = countyInstant(fromWeekStart);
  const to = countyInstant(addDays(fromWeekStart, 7));
  return services.db.transaction(async (tx) => {
    const shifts = await tx.select().from(hotlineShifts).where(and(gte(hotlineShifts.startsAt, from), lt(hotlineShifts.startsAt, to)));
    const targetDates = [...Array(7).keys()].map((day) => addDays(toWeekStart, day));
    const holidays = new Set((await tx.select({ date: hotlineHolidays.date }).from(hotlineHolidays).where(inArray(hotlineHolidays.date, targetDates))).map((row) => row.date));
    let copied = 0;
    let skipped = 0;
    for (const shift of shifts) {
      const startsAt = new Date(shift.startsAt.getTime() + offsetMs);
      if (holidays.has(countyDateOf(startsAt))) {
        skipped += 1;
        continue;
      }
      try {
        await tx.execute("SAVEPOINT copy_shift");
        await shiftCreator({ tx, staffId: shift.staffId, startsAt, endsAt: new Date(shift.endsAt.getTime() + offsetMs), note: shift.note, createdBy: props.createdBy, origin: props.origin });
        await tx.execute("RELEASE SAVEPOINT copy_shift");
        copied += 1;
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        await tx.execute("ROLLBACK TO SAVEPOINT copy_shift");
        skipped += 1;
      }
    }
    await recordAudit(tx, props.origin, { action: "roster.week.copy", targetType: "hotline_roster", targetId: toWeekStart, detail: { fromWeekStart, copied, skipped } });
    return { copied, skipped };
  });
}
