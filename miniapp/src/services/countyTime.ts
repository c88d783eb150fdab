import { countyClockOf, countyDateOf, isoWeekday } from '@xinyuan/shared'

/**
 * County wall-clock time for every date and time the mini-program shows, in its Chinese formats, on
 * shared's county clock (Beijing time, UTC+8 all year, as on the server and in the admin): a call-back
 * window, an appointment or an event reads the same on a phone set to another zone (a parent working in
 * another country) as on the counsellor's screen. What is not a date is shown as given.
 */
function instantOf(iso: string | number | Date): Date | null {
  const instant = new Date(iso)
  return Number.isNaN(instant.getTime()) ? null : instant
}

/** "HH:MM" in county time. */
export function countyHourMinute(iso: string | number | Date): string {
  const instant = instantOf(iso)
  return instant ? countyClockOf(instant) : String(iso)
}

/** "9月3日" in county time. */
export function countyMonthDay(iso: string | number | Date): string {
  const instant = instantOf(iso)
  if (!instant) return String(iso)
  const [, month, day] = countyDateOf(instant).split('-').map(Number)
  return `${month}月${day}日`
}

/** "9月3日 16:00" in county time. */
export function countyShortDateTime(iso: string | number | Date): string {
  return instantOf(iso) ? `${countyMonthDay(iso)} ${countyHourMinute(iso)}` : String(iso)
}

/** "2026年9月1日 08:05" in county time. */
export function countyLongDateTime(iso: string | number | Date): string {
  return instantOf(iso) ? `${countyDate(iso).slice(0, 4)}年${countyShortDateTime(iso)}` : String(iso)
}

/** "2026-09-01": the county date of an instant (a letter written at 07:30 in 渠县 is dated that day, not the day before in UTC). */
export function countyDate(iso: string | number | Date): string {
  const instant = instantOf(iso)
  return instant ? countyDateOf(instant) : String(iso)
}

/** 0 = Sunday … 6 = Saturday, of the county date of an instant. */
export function countyWeekday(iso: string | number | Date): number {
  const instant = instantOf(iso)
  return instant ? isoWeekday(countyDateOf(instant)) % 7 : 0
}
