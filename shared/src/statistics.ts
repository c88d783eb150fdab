/**
 * Statistics for the county centre (督查督办): aggregates only. Any count from 1 to 4 is suppressed (shown
 * as "<5"), so no cell can point at one child; no alias, no free text ever leaves in a statistic.
 */
import { z } from "zod";
import { isoDay } from "./schemas/common";

/** Counts from 1 to this minus one are suppressed. */
export const smallCellThreshold = 5;

const countyDate = isoDay();

/** GET /statistics/dashboard and the report exports: an inclusive county-date range of at most 3 years. */
export const statisticsQuery = z
  .object({ from: countyDate, to: countyDate })
  .refine((query) => query.from <= query.to, { error: "开始日期不能晚于结束日期", path: ["from"] })
  .refine((query) => Date.parse(query.to) - Date.parse(query.from) <= 3 * 366 * 86_400_000, { error: "一次最多统计三年", path: ["to"] });
export type StatisticsQuery = z.infer<typeof statisticsQuery>;

/** One count: null (with suppressed true) when it is 1–4. */
export interface StatCell {
  count: number | null;
  suppressed: boolean;
}

/** One row of a breakdown, this period beside the previous period of the same length. */
export interface StatRow {
  key: string;
  label: string;
  current: StatCell;
  previous: StatCell;
}

export interface StatisticsView {
  period: { from: string; to: string; previousFrom: string; previousTo: string };
  /** "渠县（全县）", an area's or a school's name. */
  scopeName: string;
  contacts: {
    total: StatRow;
    byChannel: StatRow[];
    byMonth: StatRow[];
    byArea: StatRow[];
    bySchool: StatRow[];
    byStage: StatRow[];
    byAgeBand: StatRow[];
    byCategory: StatRow[];
    byRisk: StatRow[];
    followUpNeeded: StatRow;
    referred: StatRow;
  };
  /** County line figures: for county scope only (the line is the county's, callers are not placed in schools). */
  hotline: {
    offered: StatCell;
    answeredWithin5Min: StatCell;
    /** answered / offered, null when offered is 0 or suppressed. */
    serviceLevel: number | null;
    medianWaitMinutes: number | null;
    abandoned: StatCell;
    missedCallbacks: StatCell;
    completed: StatCell;
  } | null;
  chat: {
    chats: StatCell;
    answered: StatCell;
    /** Median seconds from joining the queue to a counsellor's first message. */
    medianFirstResponseSeconds: number | null;
    rated: StatCell;
    averageRating: number | null;
    ratings: StatRow[];
  } | null;
  /** Staffed hours of the county line against its service hours (county scope only). */
  coverage: { serviceHours: number; uncoveredHours: number; coveredShare: number | null } | null;
  /** The plan's own indicators. */
  indicators: {
    schools: number;
    schoolsWithOwnCounsellor: number;
    schoolCounsellors: number;
    areaCounsellors: number;
    countyCounsellors: number;
  };
}

/** Suppresses a raw count for publication. */
export function statCell(count: number): StatCell {
  return count > 0 && count < smallCellThreshold ? { count: null, suppressed: true } : { count, suppressed: false };
}

/** How a cell reads in a table or a report. */
export function statCellText(cell: StatCell): string {
  return cell.suppressed ? "<5" : String(cell.count ?? 0);
}
