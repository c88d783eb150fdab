import { and, gte, lte } from "drizzle-orm";
import { hotlineHolidays, letterTerms } from "../db/schema";
import type { DbOrTx } from "../db/database";
import { addDays, countyDateOf, countyInstant, isoWeekday } from "../hotline/countyTime";

/** A letter falls due at the end of the teachers' working day (county time) of its last working day. */
export const letterDueClock = "18:00";

/** County dates that are not working days in [fromDate, toDate]: the holiday calendar and 寒暑假 terms. */
async function closedDates(db: DbOrTx, fromDate: string, toDate: string): Promise<Set<string>> {
  const holidays = await db.select({ date: hotlineHolidays.date }).from(hotlineHolidays).where(and(gte(hotlineHolidays.date, fromDate), lte(hotlineHolidays.date, toDate)));
  const terms = await db.select({ startsOn: letterTerms.startsOn, endsOn: letterTerms.endsOn }).from(letterTerms).where(and(lte(letterTerms.startsOn, toDate), gte(letterTerms.endsOn, fromDate)));
  const closed = new Set(holidays.map((row) => row.date));
  for (const term of terms) for (let date = term.startsOn; date <= term.endsOn; date = addDays(date, 1)) closed.add(date);
  return closed;
}

/** Whether a county date is a working day for letters given the closed dates. */
function isWorkingDay(date: string, closed: Set<string>): boolean {
  return isoWeekday(date) <= 5 && !closed.has(date);
}

/**
 * The due instant of a letter received at `from`: the end (18:00 county time) of the `workingDays`-th
 * working day after the day it arrived (weekends, holidays and 寒暑假 do not count). Looks up to a year ahead.
 */
export async function workingDayDue(db: DbOrTx, from: Date, workingDays: number): Promise<Date> {
  const start = countyDateOf(from);
  const closed = await closedDates(db, start, addDays(start, 400));
  let date = start;
  let counted = 0;
  for (let step = 0; step < 400 && counted < workingDays; step += 1) {
    date = addDays(date, 1);
    if (isWorkingDay(date, closed)) counted += 1;
  }
  return countyInstant(date, letterDueClock);
}

/** The 寒暑假 term on now's county date, if any (mailboxes then show their out-of-term notice). */
export async function currentTerm(db: DbOrTx, now: Date): Promise<{ name: string; endsOn: string } | undefined> {
  const today = countyDateOf(now);
  const [term] = await db.select({ name: letterTerms.name, endsOn: letterTerms.endsOn }).from(letterTerms).where(and(lte(letterTerms.startsOn, today), gte(letterTerms.endsOn, today))).limit(1);
  return term;
}
