import dayjs, { type Dayjs } from "dayjs";
import type { CoverageView, ShiftView } from "@xinyuan/shared";

/** Monday 00:00 (local, county time) of the week `day` falls in. */
export function weekStartOf(day: Dayjs): Dayjs {
  const start = day.startOf("day");
  const offset = (start.day() + 6) % 7;
  return start.subtract(offset, "day");
}

export function weekDays(monday: Dayjs): Dayjs[] {
  return Array.from({ length: 7 }, (_unused, index) => monday.add(index, "day"));
}

/** The shifts of one counsellor that start on `day`. */
export function shiftsOn(shifts: readonly ShiftView[], staffId: string, day: Dayjs): ShiftView[] {
  return shifts.filter((shift) => shift.staffId === staffId && dayjs(shift.startsAt).isSame(day, "day"));
}

/** Minutes without anyone on shift per day (YYYY-MM-DD), for highlighting coverage gaps. */
export function gapMinutesByDay(coverage: Pick<CoverageView, "gaps">): Map<string, number> {
  const byDay = new Map<string, number>();
  for (const gap of coverage.gaps) {
    const key = dayjs(gap.startsAt).format("YYYY-MM-DD");
    byDay.set(key, (byDay.get(key) ?? 0) + gap.minutes);
  }
  return byDay;
}

export function describeGap(gap: { startsAt: string; endsAt: string }): string {
  const start = dayjs(gap.startsAt);
  const end = dayjs(gap.endsAt);
  return `${start.format("M月D日 HH:mm")}–${end.isSame(start, "day") ? end.format("HH:mm") : end.format("M月D日 HH:mm")}`;
}

/** Asked before a shift is deleted: whose, which day and which hours, so the right one goes. */
export function shiftDeleteQuestion(staffName: string, shift: Pick<ShiftView, "startsAt" | "endsAt">): string {
  return `删除 ${staffName} ${describeGap(shift)} 的班次？`;
}
