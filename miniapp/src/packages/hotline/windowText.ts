/**
 * "今天 19:00 到 21:00" / "9月3日 16:00 到 18:00" in the phone's time: how a booked call-back window reads
 * back to the caller on their ticket.
 */
export function describeWindow(window: { start: string; end: string }, now: Date = new Date()): string {
  const start = new Date(window.start)
  const end = new Date(window.end)
  const time = (date: Date) => `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`
  const sameDay = start.toDateString() === now.toDateString()
  const day = sameDay ? '今天' : `${start.getMonth() + 1}月${start.getDate()}日`
  return `${day} ${time(start)} 到 ${time(end)}`
}
