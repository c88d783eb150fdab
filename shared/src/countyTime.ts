/**
 * County wall-clock time. Every county in China keeps Beijing time (UTC+8, no daylight saving), so the
 * roster, holidays, fixed hours and "today" on the board are computed at this fixed offset — on the server,
 * and in the mini-program, which shows every time as the counsellor sees it (whatever the phone's zone).
 */
const offsetMs = 8 * 3600_000;

/** YYYY-MM-DD of an instant in county time. */
export function countyDateOf(instant: Date): string {
  return new Date(instant.getTime() + offsetMs).toISOString().slice(0, 10);
}

/** HH:MM of an instant in county time. */
export function countyClockOf(instant: Date): string {
  return new Date(instant.getTime() + offsetMs).toISOString().slice(11, 16);
}

/** "YYYY-MM-DD HH:MM" of an instant in county time (the time fields of subscribe messages). */
export function countyDateTimeOf(instant: Date): string {
  return `${countyDateOf(instant)} ${countyClockOf(instant)}`;
}

/** The instant of HH:MM ("24:00" allowed) on a county date. */
export function countyInstant(date: string, time = "00:00"): Date {
  const [hours, minutes] = time.split(":").map(Number) as [number, number];
  return new Date(Date.parse(`${date}T00:00:00Z`) - offsetMs + (hours * 60 + minutes) * 60_000);
}

/** RFC 3339 with the county's +08:00 offset, seconds precision ("2026-05-20T14:30:00+08:00"; WeChat Pay's time_expire). */
export function countyRfc3339Of(instant: Date): string {
  return new Date(instant.getTime() + offsetMs).toISOString().replace(/\.\d{3}Z$/, "+08:00");
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

export function startOfCountyDay(instant: Date): Date {
  return countyInstant(countyDateOf(instant));
}

/** 1 = Monday … 7 = Sunday, of a county date. */
export function isoWeekday(date: string): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}
