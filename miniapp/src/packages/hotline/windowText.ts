import { countyDate, countyHourMinute, countyMonthDay } from '../../services/countyTime'

/**
 * "今天 19:00 到 21:00" / "9月3日 16:00 到 18:00" in county time: how a booked call-back window reads
 * back to the caller on their ticket (the same hours the counsellor sees).
 */
export function describeWindow(window: { start: string; end: string }, now: Date = new Date()): string {
  const sameDay = countyDate(window.start) === countyDate(now)
  const day = sameDay ? '今天' : countyMonthDay(window.start)
  return `${day} ${countyHourMinute(window.start)} 到 ${countyHourMinute(window.end)}`
}
