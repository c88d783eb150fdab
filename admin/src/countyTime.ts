import dayjs, { type Dayjs } from "dayjs";
import utc from "dayjs/plugin/utc";

dayjs.extend(utc);

/** County time is Beijing time: UTC+8 all year (China keeps no daylight saving), as on the server. */
const countyOffsetMinutes = 8 * 60;

type Instant = string | number | Date | Dayjs;

/**
 * An instant as county wall-clock time (Asia/Shanghai). The service runs in county time, so a supervisor
 * whose laptop is set to another zone must still read "08:00" for a shift that starts at 08:00 in 渠县:
 * every page formats server instants through this, never through the browser's own zone.
 */
export function countyTime(instant: Instant): Dayjs {
  return dayjs(instant).utcOffset(countyOffsetMinutes);
}

/** An instant formatted in county time with a dayjs pattern ("M月D日 HH:mm"). */
export function formatCountyTime(instant: Instant, pattern: string): string {
  return countyTime(instant).format(pattern);
}

/** Today's date in the county, YYYY-MM-DD (not the browser's today). */
export function countyToday(now: Instant = Date.now()): string {
  return formatCountyTime(now, "YYYY-MM-DD");
}

/**
 * The instant a county date's wall-clock time stands for ("2026-12-07", "08:00"): what a query about a
 * county day or week must send, whatever the browser's zone.
 */
export function countyInstant(date: string, time = "00:00"): Date {
  return new Date(`${date}T${time}:00+08:00`);
}

/**
 * Date pickers show the browser's wall clock. To let them show and take county time, a stored instant
 * becomes a picker value with the county's wall-clock reading ...
 */
export function countyPickerValue(instant: Instant): Dayjs {
  return dayjs(formatCountyTime(instant, "YYYY-MM-DDTHH:mm:ss"));
}

/** ... and a picked value is read as that wall-clock time in the county, ISO 8601 with the county's offset ("…T08:00:00+08:00"). */
export function countyIsoOfPicked(picked: Dayjs): string {
  return `${picked.format("YYYY-MM-DDTHH:mm:ss")}+08:00`;
}

/** The same instant in UTC ("08:00" means 08:00 in 渠县). */
export function countyInstantOfPicked(picked: Dayjs): string {
  return new Date(countyIsoOfPicked(picked)).toISOString();
}
