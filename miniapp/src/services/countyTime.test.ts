import { countyDate, countyHourMinute, countyLongDateTime, countyShortDateTime, countyWeekday } from './countyTime'
import { describeWindow } from '../packages/hotline/windowText'
import { slotTime } from './appointments'

/** jest.config.cjs runs these under America/New_York: the phone's own zone must not move county times. */
describe('county time on the phone', () => {
  it('runs these tests in a zone other than the county', () => {
    expect(new Date('2026-09-01T00:05:00Z').getTimezoneOffset()).not.toBe(-480)
  })

  it('reads an instant on the county clock', () => {
    expect(countyHourMinute('2026-09-01T00:05:00Z')).toBe('08:05')
    expect(countyShortDateTime('2026-09-02T16:00:00Z')).toBe('9月3日 00:00')
    expect(countyLongDateTime('2026-09-01T00:05:00Z')).toBe('2026年9月1日 08:05')
    expect(countyWeekday('2026-09-05T16:30:00Z')).toBe(0) // Sunday 00:30 in 渠县
  })

  it('dates a letter written at 07:30 in the county on that day, not the day before', () => {
    expect(countyDate('2026-09-02T23:30:00Z')).toBe('2026-09-03')
  })

  it('gives back what is not a date unchanged', () => {
    expect(countyShortDateTime('不是时间')).toBe('不是时间')
  })

  it('says 今天 for a call-back window on the county day, and the county hours', () => {
    const now = new Date('2026-09-03T01:00:00Z') // 09:00 on 9月3日 in 渠县, still 9月2日 in New York
    expect(describeWindow({ start: '2026-09-03T11:00:00Z', end: '2026-09-03T13:00:00Z' }, now)).toBe('今天 19:00 到 21:00')
    expect(describeWindow({ start: '2026-09-04T08:00:00Z', end: '2026-09-04T10:00:00Z' }, now)).toBe('9月4日 16:00 到 18:00')
  })

  it('shows an appointment slot with its county weekday', () => {
    expect(slotTime('2026-09-05T06:00:00Z', '2026-09-05T07:00:00Z')).toMatch(/^9月5日 周六 14:00–15:00$/)
  })
})
