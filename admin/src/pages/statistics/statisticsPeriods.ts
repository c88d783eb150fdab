import dayjs, { type Dayjs } from "dayjs";
import type { StatCell, StatRow } from "@xinyuan/shared";

/** The periods the centre reports by: this month, this term (Sep–Jan or Feb–Jul), this school year, last 30 days. */
export type PeriodPreset = "month" | "term" | "schoolYear" | "last30";

export const periodPresetLabels: Record<PeriodPreset, string> = { month: "本月", term: "本学期", schoolYear: "本学年", last30: "最近 30 天" };

export function presetRange(preset: PeriodPreset, today: Dayjs): [Dayjs, Dayjs] {
  const day = today.startOf("day");
  if (preset === "month") return [day.startOf("month"), day];
  if (preset === "last30") return [day.subtract(29, "day"), day];
  const autumn = day.month() >= 8 || day.month() === 0; // September to January
  const schoolYearStart = day.month() >= 8 ? day.month(8).startOf("month") : day.subtract(1, "year").month(8).startOf("month");
  if (preset === "schoolYear") return [schoolYearStart, day];
  return [autumn ? schoolYearStart : day.month(1).startOf("month"), day];
}

/** A cell as a table shows it: "<5" for a suppressed count. */
export const cellText = (cell: StatCell): string => (cell.suppressed ? "<5" : String(cell.count ?? 0));

/** Change against the previous period, when both are shown numbers: "+12%", "−3%", "新增" or "". */
export function changeText(row: StatRow): string {
  const { current, previous } = row;
  if (current.suppressed || previous.suppressed || current.count === null || previous.count === null) return "";
  if (previous.count === 0) return current.count > 0 ? "新增" : "";
  const change = Math.round(((current.count - previous.count) / previous.count) * 100);
  return change === 0 ? "持平" : `${change > 0 ? "+" : "−"}${Math.abs(change)}%`;
}

/** Chart data: suppressed cells are left out of charts (a bar of "<5" would be a guess). */
export function chartRows(rows: readonly StatRow[], limit = 15): Array<{ label: string; 本期: number; 上期: number }> {
  return rows
    .filter((row) => !row.current.suppressed && !row.previous.suppressed)
    .slice(0, limit)
    .map((row) => ({ label: row.label, 本期: row.current.count ?? 0, 上期: row.previous.count ?? 0 }));
}
