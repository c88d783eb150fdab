import type { Choice } from '../../components/ChoiceList'

export interface CallbackWindow {
  start: string
  end: string
}

const minute = 60_000

function at(day: Date, addDays: number, hour: number): Date {
  const date = new Date(day)
  date.setDate(date.getDate() + addDays)
  date.setHours(hour, 0, 0, 0)
  return date
}

/**
 * Time windows a caller can pick (at least 30 minutes, within 7 days, as the server requires), in the
 * phone's local time. Evening slots are offered only while they are still ahead.
 */
export function callbackWindows(now: Date = new Date()): Array<Choice<string> & { window: CallbackWindow }> {
  const soon = { start: new Date(now.getTime() + minute), end: new Date(now.getTime() + 61 * minute) }
  const later = { start: new Date(now.getTime() + 60 * minute), end: new Date(now.getTime() + 120 * minute) }
  const candidates = [
    { value: 'soon', label: '接下来 1 小时内', range: soon },
    { value: 'later', label: '1 到 2 小时后', range: later },
    { value: 'tonight', label: '今天晚上 19:00–21:00', range: { start: at(now, 0, 19), end: at(now, 0, 21) } },
    { value: 'tomorrow-afternoon', label: '明天下午 16:00–18:00', range: { start: at(now, 1, 16), end: at(now, 1, 18) } },
    { value: 'tomorrow-evening', label: '明天晚上 19:00–21:00', range: { start: at(now, 1, 19), end: at(now, 1, 21) } },
  ]
  return candidates
    .filter((candidate) => candidate.range.end.getTime() - Math.max(candidate.range.start.getTime(), now.getTime()) >= 30 * minute)
    .map((candidate) => ({ value: candidate.value, label: candidate.label, window: { start: candidate.range.start.toISOString(), end: candidate.range.end.toISOString() } }))
}

/** "今天 19:00 到 21:00" / "9月3日 16:00 到 18:00" in the phone's time. */
export function describeWindow(window: CallbackWindow, now: Date = new Date()): string {
  const start = new Date(window.start)
  const end = new Date(window.end)
  const time = (date: Date) => `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`
  const sameDay = start.toDateString() === now.toDateString()
  const day = sameDay ? '今天' : `${start.getMonth() + 1}月${start.getDate()}日`
  return `${day} ${time(start)} 到 ${time(end)}`
}
