import { countyDateTimeOf } from "../countyTime";

/**
 * Helpers for the readable Chinese export (GET /me/export `readable`): each section renders its own lines
 * in plain Chinese, with county (Beijing) times and no internal ids or English keys.
 */

/** "2026-12-06 19:30" in county time, or "—" when there is no time. */
export function exportTime(iso: string | null | undefined): string {
  return iso ? countyDateTimeOf(new Date(iso)) : "—";
}

/** A label from a Chinese label table; an unknown value is shown as 其他 rather than as an English key. */
export function labelOf(labels: Readonly<Record<string, string>>, value: string | null | undefined, fallback = "其他"): string {
  return value ? (labels[value] ?? fallback) : "—";
}

/** A stored text, or a plain note when there is none. */
export function textOr(value: string | null | undefined, empty = "（无）"): string {
  return value && value.length > 0 ? value : empty;
}

export const noRecordsLine = "（没有记录）";
