import type { CallbackWindowOption } from "@xinyuan/shared";
import type { DbOrTx } from "../db/database";
import type { HotlineConfig } from "./hotlineConfig";
import { addDays, countyClockOf, countyDateOf, countyInstant } from "./countyTime";
import { callbackIntervals, type Interval } from "./hotlineSchedule";

const minute = 60_000;
const hour = 60 * minute;
/** Offered windows are longer than the 30 minutes a join needs, so a caller has time to fill in the form. */
const shortestOffer = 40 * minute;
const slotLength = 2 * hour;
const horizonDays = 3;
const maxOptions = 6;

const dayNames = ["今天", "明天", "后天"];

/** "今天 19:00–21:00", "明天 23:00–次日 01:00", "12月3日 08:00–10:00", in county time. */
export function labelWindow(start: number, end: number, now: Date): string {
  const startDate = countyDateOf(new Date(start));
  const endsAtMidnight = countyInstant(countyDateOf(new Date(end))).getTime() === end;
  const endDate = endsAtMidnight ? countyDateOf(new Date(end - 1)) : countyDateOf(new Date(end));
  const dayOffset = Math.round((Date.parse(startDate) - Date.parse(countyDateOf(now))) / 86_400_000);
  const [, month, day] = startDate.split("-").map(Number) as [number, number, number];
  const dayName = dayNames[dayOffset] ?? `${month}月${day}日`;
  const clock = (instant: number) => countyClockOf(new Date(instant));
  const endText = endsAtMidnight ? "24:00" : endDate === startDate ? clock(end) : `次日 ${clock(end)}`;
  return `${dayName} ${clock(start)}–${endText}`;
}

function floorToHour(instant: number): number {
  return Math.floor(instant / hour) * hour;
}

/** Two-hour slots on the hour within one open interval, starting at `from`; a short tail joins the slot before. */
function slotsWithin(interval: Interval, from: number): Interval[] {
  const slots: Interval[] = [];
  let start = Math.max(interval.start, from);
  while (interval.end - start >= shortestOffer) {
    let end = Math.min(interval.end, floorToHour(start) + slotLength);
    if (interval.end - end < shortestOffer) end = interval.end;
    slots.push({ start, end });
    start = end;
  }
  return slots;
}

/**
 * The call-back windows a caller can pick, soonest first: "接下来 1 小时内" while the line is open, then
 * two-hour slots inside the open hours of today and the next two county days. Every window is staffed
 * for all of its length, so checkCallbackWindow accepts it.
 */
export async function callbackWindowOptions(db: DbOrTx, config: HotlineConfig, now: Date): Promise<CallbackWindowOption[]> {
  const horizon = countyInstant(addDays(countyDateOf(now), horizonDays)).getTime();
  // read past the horizon so a shift running over midnight is offered whole
  const open = await callbackIntervals(db, config, now, new Date(horizon + 12 * hour));
  const windows: Array<Interval & { label?: string }> = [];
  for (const interval of open) {
    let from = interval.start;
    if (interval.start <= now.getTime()) {
      const soonEnd = Math.min(interval.end, now.getTime() + hour);
      if (soonEnd - now.getTime() >= shortestOffer) {
        const minutes = Math.floor((soonEnd - now.getTime()) / minute);
        windows.push({ start: now.getTime(), end: soonEnd, label: minutes >= 60 ? "接下来 1 小时内" : `接下来 ${minutes} 分钟内` });
      }
      from = soonEnd >= interval.end ? interval.end : Math.max(now.getTime(), floorToHour(soonEnd));
    }
    windows.push(...slotsWithin(interval, from));
  }
  return windows.filter((window) => window.start < horizon).slice(0, maxOptions).map((window) => ({
    start: new Date(window.start).toISOString(),
    end: new Date(window.end).toISOString(),
    label: window.label ?? labelWindow(window.start, window.end, now),
  }));
}
