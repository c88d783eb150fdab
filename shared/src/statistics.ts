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
    /** Schools with an active school mailbox that has at least one active teacher answering it. */
    schoolsWithMailbox: number;
    /** Schools with an active counselling room that has weekly opening hours. */
    schoolsWithRoom: number;
    /** Schools that reported at least one activity held in the period. */
    schoolsReportingActivities: number;
    /** Activity reports (May month activities) held in the period, this period beside the previous one. */
    activities: StatPair;
    /** People taking part in those activities as the schools reported them. */
    activityParticipants: StatPair;
    /** Content published in the period (for a school or area: content its schools published). */
    published: StatPair;
    /** Times that content was opened by readers in the period (an aggregated daily counter, never per reader). */
    reads: StatPair;
    /** One row per school in scope. */
    bySchool: SchoolIndicatorRow[];
  };
  /** Letters received in the period by the box they were sent to: all boxes first, then school, area, county. */
  letters: LetterFigures[];
  /** Crisis cases in the reader's scope. */
  cases: {
    /** Opened in the period. */
    opened: StatRow;
    /** Of those opened, first given an owner (taken or handed over) within 5 minutes of opening. */
    ownedWithin5Min: StatRow;
    /** Share of opened cases owned within 5 minutes (null when opened is 0 or suppressed). */
    ownedShare: { current: number | null; previous: number | null };
    /** Cases with a referral made in the period. */
    referred: StatRow;
    /** Closed in the period. */
    closed: StatRow;
  };
}

/** A plain (not personal) figure of two periods. */
export interface StatPair {
  current: number;
  previous: number;
}

export interface SchoolIndicatorRow {
  key: string;
  label: string;
  hasMailbox: boolean;
  hasRoom: boolean;
  hasOwnCounsellor: boolean;
  /** Activities reported as held in the period. */
  activities: number;
}

export const letterBoxKinds = ["all", "school", "area", "county"] as const;
export type LetterBoxKind = (typeof letterBoxKinds)[number];
export const letterBoxKindLabels: Record<LetterBoxKind, string> = { all: "全部信箱", school: "学校信箱", area: "片区信箱", county: "县中心信箱" };

/** Letters of one box kind: each count of letters suppressed under 5; the median only over 5 or more replies. */
export interface LetterFigures {
  kind: LetterBoxKind;
  label: string;
  received: StatRow;
  /** First teacher's reply at or before the due time the writer was given (18:00 of the N-th working day). */
  repliedOnTime: StatRow;
  repliedLate: StatRow;
  /** No teacher's reply yet. */
  unreplied: StatRow;
  /** Median working days from the day of arrival to the first reply (0: the same day). */
  medianReplyWorkingDays: { current: number | null; previous: number | null };
}

/** Suppresses a raw count for publication. */
export function statCell(count: number): StatCell {
  return count > 0 && count < smallCellThreshold ? { count: null, suppressed: true } : { count, suppressed: false };
}

/** How a cell reads in a table or a report. */
export function statCellText(cell: StatCell): string {
  return cell.suppressed ? "<5" : String(cell.count ?? 0);
}
