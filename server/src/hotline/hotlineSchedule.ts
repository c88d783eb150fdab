import { and, asc, gt, gte, inArray, lt, lte } from "drizzle-orm";
import { hotlineHolidays, hotlineShifts, staffLeave } from "../db/schema";
import type { DbOrTx } from "../db/database";
import type { HotlineConfig } from "./hotlineConfig";
import { addDays, countyDateOf, countyInstant } from "./countyTime";

/** A span of time in epoch milliseconds, end exclusive. */
export interface Interval {
  start: number;
  end: number;
}

export interface HotlineOpenState {
  open: boolean;
  reason: "roster" | "fixed_hours" | null;
  nextOpenAt: Date | null;
}

/** Shifts overlapping [from, to) minus each counsellor's leave: the time someone really staffs the line. */
async function staffedIntervals(db: DbOrTx, from: Date, to: Date): Promise<Interval[]> {
  const shifts = await db
    .select()
    .from(hotlineShifts)
    .where(and(lt(hotlineShifts.startsAt, to), gt(hotlineShifts.endsAt, from)))
    .orderBy(asc(hotlineShifts.startsAt));
  if (shifts.length === 0) return [];
  const leave = await db
    .select()
    .from(staffLeave)
    .where(and(inArray(staffLeave.staffId, [...new Set(shifts.map((shift) => shift.staffId))]), lt(staffLeave.startsAt, to), gt(staffLeave.endsAt, from)));
  const intervals: Interval[] = [];
  for (const shift of shifts) {
    let pieces: Interval[] = [{ start: Math.max(shift.startsAt.getTime(), from.getTime()), end: Math.min(shift.endsAt.getTime(), to.getTime()) }];
    for (const away of leave.filter((row) => row.staffId === shift.staffId)) pieces = subtract(pieces, { start: away.startsAt.getTime(), end: away.endsAt.getTime() });
    intervals.push(...pieces);
  }
  return merge(intervals);
}

function subtract(pieces: Interval[], cut: Interval): Interval[] {
  return pieces.flatMap((piece) => {
    if (cut.end <= piece.start || cut.start >= piece.end) return [piece];
    const left = cut.start > piece.start ? [{ start: piece.start, end: cut.start }] : [];
    const right = cut.end < piece.end ? [{ start: cut.end, end: piece.end }] : [];
    return [...left, ...right];
  });
}

function merge(intervals: Interval[]): Interval[] {
  const sorted = intervals.filter((piece) => piece.end > piece.start).sort((a, b) => a.start - b.start);
  const merged: Interval[] = [];
  for (const piece of sorted) {
    const last = merged[merged.length - 1];
    if (last && piece.start <= last.end) last.end = Math.max(last.end, piece.end);
    else merged.push({ ...piece });
  }
  return merged;
}

async function holidaysBetween(db: DbOrTx, fromDate: string, toDate: string): Promise<Array<{ date: string; name: string }>> {
  return db.select({ date: hotlineHolidays.date, name: hotlineHolidays.name }).from(hotlineHolidays).where(and(gte(hotlineHolidays.date, fromDate), lte(hotlineHolidays.date, toDate))).orderBy(asc(hotlineHolidays.date));
}

/** The service-hours interval of each non-holiday county day touching [from, to). */
async function serviceIntervals(db: DbOrTx, config: HotlineConfig, from: Date, to: Date): Promise<Interval[]> {
  const firstDate = countyDateOf(from);
  const lastDate = countyDateOf(to);
  const holidays = new Set((await holidaysBetween(db, firstDate, lastDate)).map((holiday) => holiday.date));
  const intervals: Interval[] = [];
  for (let date = firstDate; date <= lastDate; date = addDays(date, 1)) {
    if (holidays.has(date)) continue;
    const start = Math.max(countyInstant(date, config.serviceHours.start).getTime(), from.getTime());
    const end = Math.min(countyInstant(date, config.serviceHours.end).getTime(), to.getTime());
    if (end > start) intervals.push({ start, end });
  }
  return intervals;
}

/**
 * Whether the line is open: someone not on leave is on shift now, or (fixed mode) it is within the
 * configured hours of a non-holiday. When closed, nextOpenAt looks up to 8 days ahead.
 */
export async function hotlineOpenState(db: DbOrTx, config: HotlineConfig, now: Date): Promise<HotlineOpenState> {
  const horizon = new Date(now.getTime() + 8 * 86_400_000);
  const staffed = await staffedIntervals(db, now, horizon);
  if (staffed[0] && staffed[0].start <= now.getTime()) return { open: true, reason: "roster", nextOpenAt: null };
  const fixed = config.openMode === "fixed" ? await serviceIntervals(db, config, now, horizon) : [];
  if (fixed[0] && fixed[0].start <= now.getTime()) return { open: true, reason: "fixed_hours", nextOpenAt: null };
  const starts = [staffed[0]?.start, fixed[0]?.start].filter((value): value is number => value !== undefined);
  return { open: false, reason: null, nextOpenAt: starts.length ? new Date(Math.min(...starts)) : null };
}

/**
 * When the line is open within [from, to): rostered time net of leave, plus (fixed mode) the configured
 * hours of non-holidays. Merged and sorted.
 */
export async function openIntervals(db: DbOrTx, config: HotlineConfig, from: Date, to: Date): Promise<Interval[]> {
  const staffed = await staffedIntervals(db, from, to);
  const fixed = config.openMode === "fixed" ? await serviceIntervals(db, config, from, to) : [];
  return merge([...staffed, ...fixed]);
}

/**
 * When a call-back may be promised within [from, to): open time (staffed, or fixed hours) that also lies
 * inside HOTLINE_SERVICE_HOURS of its county day. A shift rostered at night is no reason to promise a
 * child a call at 03:00: nobody should ring a student's phone outside the line's hours.
 */
export async function callbackIntervals(db: DbOrTx, config: HotlineConfig, from: Date, to: Date): Promise<Interval[]> {
  const open = await openIntervals(db, config, from, to);
  const hours: Interval[] = [];
  for (let date = countyDateOf(from); date <= countyDateOf(to); date = addDays(date, 1)) {
    hours.push({ start: countyInstant(date, config.serviceHours.start).getTime(), end: countyInstant(date, config.serviceHours.end).getTime() });
  }
  const inside: Interval[] = [];
  for (const piece of open) {
    for (const day of hours) {
      const start = Math.max(piece.start, day.start);
      const end = Math.min(piece.end, day.end);
      if (end > start) inside.push({ start, end });
    }
  }
  return merge(inside);
}

/** How much of [start, end) the given intervals cover, in milliseconds. */
export function coveredMs(intervals: Interval[], start: number, end: number): number {
  return intervals.reduce((sum, piece) => sum + Math.max(0, Math.min(piece.end, end) - Math.max(piece.start, start)), 0);
}

/** The service hours of [from, from + days) that no shift (net of leave) covers; holidays excluded. */
export async function coverageGaps(db: DbOrTx, config: HotlineConfig, from: Date, days: number) {
  const to = new Date(from.getTime() + days * 86_400_000);
  const staffed = await staffedIntervals(db, from, to);
  const service = await serviceIntervals(db, config, from, to);
  let gaps: Interval[] = service;
  for (const covered of staffed) gaps = subtract(gaps, covered);
  const holidays = await holidaysBetween(db, countyDateOf(from), countyDateOf(to));
  return {
    from,
    to,
    gaps: gaps.map((gap) => ({ startsAt: new Date(gap.start).toISOString(), endsAt: new Date(gap.end).toISOString(), minutes: Math.round((gap.end - gap.start) / 60_000) })),
    holidays,
    /** The service hours in the range (holidays excluded), the whole the gaps are part of. */
    serviceMinutes: Math.round(service.reduce((sum, piece) => sum + piece.end - piece.start, 0) / 60_000),
  };
}
