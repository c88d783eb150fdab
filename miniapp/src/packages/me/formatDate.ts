import { countyLongDateTime } from '../../services/countyTime'

/** "2026年9月1日 08:05" in county time; the raw value if it is not a date. */
export function formatDateTime(iso: string): string {
  return countyLongDateTime(iso)
}
