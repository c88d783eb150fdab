import dayjs, { type Dayjs } from "dayjs";
import type { CoverageView, ShiftView } from "@xinyuan/shared";
import { countyTime, formatCountyTime } from "../../countyTime";

/** The Monday of the week the calendar date `day` falls in (the grid's days are county dates). */
export function weekStartOf(day: Dayjs): Dayjs {
  const start = day.startOf("day");
  const offset = (start.day() + 6) % 7;
  return start.subtract(offset, "day");
}

export function weekDays(monday: Dayjs): Dayjs[] {
  return Array.from({ length: 7 }, (_unused, index) => monday.add(index, "day"));
}

/** The shifts of one counsellor that start on the county date `day`. */
export function shiftsOn(shifts: readonly ShiftView[], staffId: string, day: Dayjs): ShiftView[] {
  const date = day.format("YYYY-MM-DD");
  return shifts.filter((shift) => shift.staffId === staffId && formatCountyTime(shift.startsAt, "YYYY-MM-DD") === date);
}

/** Minutes without anyone on shift per day (YYYY-MM-DD), for highlighting coverage gaps. */
export function gapMinutesByDay(coverage: Pick<CoverageView, "gaps">): Map<string, number> {
  const byDay = new Map<string, number>();
  for (const gap of coverage.gaps) {
    const key = formatCountyTime(gap.startsAt, "YYYY-MM-DD");
    byDay.set(key, (byDay.get(key) ?? 0) + gap.minutes);
  }
  return byDay;
}

/** Both county times fall on the same county date (compared as written, whatever the browser's zone). */
const sameDate = (a: Dayjs, b: Dayjs) => a.format("YYYY-MM-DD") === b.format("YYYY-MM-DD");

export function describeGap(gap: { startsAt: string; endsAt: string }): string {
  const start = countyTime(gap.startsAt);
  const end = countyTime(gap.endsAt);
  return `${start.format("M月D日 HH:mm")}–${sameDate(start, end) ? end.format("HH:mm") : end.format("M月D日 HH:mm")}`;
}

/**
 * How a shift reads on the grid: "08:00–12:00", "22:00–次日06:00" across midnight, and "08:00 起 24 小时"
 * for a round-the-clock shift (it used to read "08:00–08:00", as if it lasted no time at all).
 */
export function shiftLabel(shift: Pick<ShiftView, "startsAt" | "endsAt">): string {
  const start = countyTime(shift.startsAt);
  const end = countyTime(shift.endsAt);
  const hours = end.diff(start, "minute") / 60;
  if (hours >= 24 && hours % 24 === 0) return `${start.format("HH:mm")} 起 ${hours} 小时`;
  if (sameDate(start, end)) return `${start.format("HH:mm")}–${end.format("HH:mm")}`;
  const days = dayjs(end.format("YYYY-MM-DD")).diff(dayjs(start.format("YYYY-MM-DD")), "day");
  return `${start.format("HH:mm")}–${days === 1 ? "次日" : end.format("M月D日 ")}${end.format("HH:mm")}`;
}

/** Only the gaps that have not ended yet: a gap list of days already gone helps nobody plan. */
export function upcomingGaps<T extends { endsAt: string }>(gaps: readonly T[], now: Dayjs): T[] {
  return gaps.filter((gap) => dayjs(gap.endsAt).isAfter(now));
}

/** Asked before a shift is deleted: whose, which day and which hours, so the right one goes. */
export function shiftDeleteQuestion(staffName: string, shift: Pick<ShiftView, "startsAt" | "endsAt">): string {
  return `删除 ${staffName} ${describeGap(shift)} 的班次？`;
}
