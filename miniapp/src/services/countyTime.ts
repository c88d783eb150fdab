/**
 * County wall-clock time for every date and time the mini-program shows. The service runs in 渠县's time
 * (Beijing time, UTC+8 all year, no daylight saving), like the server and the admin: a call-back window,
 * an appointment or an event reads the same on a phone set to another zone (a parent working in another
 * country) as on the counsellor's screen. No dependency: the fixed offset is added and the UTC fields read.
 */
const countyOffsetMs = 8 * 3600_000

const pad = (value: number) => String(value).padStart(2, '0')

/** The county's wall clock of an instant, read through the UTC getters. */
function countyClock(iso: string | number | Date): Date | null {
  const time = new Date(iso).getTime()
  return Number.isNaN(time) ? null : new Date(time + countyOffsetMs)
}

/** "HH:MM" in county time. */
export function countyHourMinute(iso: string | number | Date): string {
  const clock = countyClock(iso)
  return clock ? `${pad(clock.getUTCHours())}:${pad(clock.getUTCMinutes())}` : String(iso)
}

/** "9月3日" in county time. */
export function countyMonthDay(iso: string | number | Date): string {
  const clock = countyClock(iso)
  return clock ? `${clock.getUTCMonth() + 1}月${clock.getUTCDate()}日` : String(iso)
}

/** "9月3日 16:00" in county time; the raw value if it is not a date. */
export function countyShortDateTime(iso: string | number | Date): string {
  const clock = countyClock(iso)
  return clock ? `${countyMonthDay(iso)} ${countyHourMinute(iso)}` : String(iso)
}

/** "2026年9月1日 08:05" in county time; the raw value if it is not a date. */
export function countyLongDateTime(iso: string | number | Date): string {
  const clock = countyClock(iso)
  return clock ? `${clock.getUTCFullYear()}年${countyShortDateTime(iso)}` : String(iso)
}

/** "2026-09-01": the county date of an instant (a letter written at 07:30 in 渠县 is dated that day, not the day before in UTC). */
export function countyDate(iso: string | number | Date): string {
  const clock = countyClock(iso)
  return clock ? clock.toISOString().slice(0, 10) : String(iso)
}

/** 0 = Sunday … 6 = Saturday, of the county date of an instant. */
export function countyWeekday(iso: string | number | Date): number {
  return countyClock(iso)?.getUTCDay() ?? 0
}
