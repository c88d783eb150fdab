import { eq } from "drizzle-orm";
import {
  ageBandLabels,
  contactChannelLabels,
  contactChannels,
  letterBoxKindLabels,
  letterBoxKinds,
  type LetterFigures,
  riskLevelLabels,
  riskLevels,
  schoolStageLabels,
  statCell,
  type StatisticsQuery,
  type StatisticsView,
  type StatRow,
  type StaffScope,
} from "@xinyuan/shared";
import { areas, contactCategories, schools } from "../db/schema";
import type { DbOrTx } from "../db/database";
import type { Services } from "../services";
import { contactCounts, type ContactCount, type ContactDimension } from "./contactStatistics";
import { chatFigures, coverageFigures, hotlineFigures } from "./serviceStatistics";
import { indicatorFigures } from "./indicatorStatistics";
import { letterCounts, type LetterCount } from "./letterStatistics";
import { caseCounts, type CaseCount } from "./caseStatistics";
import { statisticsPeriodOf } from "./statisticsPeriod";

export interface StatisticsDashboardProps {
  db: DbOrTx;
  services: Services;
  scope: StaffScope;
  query: StatisticsQuery;
}

type Labels = (key: string) => string;

/**
 * The dashboard for the reader's scope: contacts by every breakdown, this period beside the previous
 * one; the county line, chat and roster figures for the county scope; the plan's indicators. Every
 * count of people passes through statCell, so 1–4 never leaves the server as a number.
 */
export async function statisticsDashboard({ db, services, scope, query }: StatisticsDashboardProps): Promise<StatisticsView> {
  const period = statisticsPeriodOf(query);
  const county = scope.level === "county";
  // every query at once: the pool runs them side by side
  const [counts, names, scopeName, hotline, chat, coverage, indicators, letterRows, caseRows] = await Promise.all([
    contactCounts(db, scope, period),
    placeNames(db),
    scopeNameOf(db, services, scope),
    county ? hotlineFigures(db, period) : null,
    county ? chatFigures(db, period) : null,
    county ? coverageFigures(db, services.config.hotline, period) : null,
    indicatorFigures(db, scope, period),
    letterCounts(db, scope, period),
    caseCounts(db, scope, period),
  ]);
  const rowsOf = (dimension: ContactDimension, labels: Labels, order?: readonly string[]) => breakdown(counts, dimension, labels, order);

  const monthLabel: Labels = (key) => (key === "unknown" ? "未知" : `${key.slice(0, 4)}年${Number(key.slice(5))}月`);
  const total = rowsOf("total", () => "全部")[0] ?? emptyRow("total", "全部");
  const flag = (dimension: ContactDimension, label: string) => rowsOf(dimension, () => label).find((row) => row.key === "true") ?? emptyRow("true", label);
  const ratingRows: StatRow[] = chat ? ["1", "2", "3", "4", "5"].map((key) => ({ key, label: `${key} 分`, current: statCell(chat.ratings[key] ?? 0), previous: statCell(0) })) : [];
  const rated = chat ? Object.values(chat.ratings).reduce((sum, n) => sum + n, 0) : 0;
  const ratingSum = chat ? Object.entries(chat.ratings).reduce((sum, [key, n]) => sum + Number(key) * n, 0) : 0;
  const offered = hotline ? statCell(hotline.offered) : null;

  return {
    period: { from: period.from, to: period.to, previousFrom: period.previousFrom, previousTo: period.previousTo },
    scopeName,
    contacts: {
      total,
      byChannel: rowsOf("channel", (key) => contactChannelLabels[key as keyof typeof contactChannelLabels] ?? key, contactChannels),
      byMonth: rowsOf("month", monthLabel).sort((a, b) => a.key.localeCompare(b.key)),
      byArea: rowsOf("area", (key) => names.areas.get(key) ?? "未填片区"),
      bySchool: rowsOf("school", (key) => names.schools.get(key) ?? "未填学校"),
      byStage: rowsOf("stage", (key) => schoolStageLabels[key as keyof typeof schoolStageLabels] ?? "未填学校"),
      byAgeBand: rowsOf("age_band", (key) => ageBandLabels[key as keyof typeof ageBandLabels] ?? "不清楚", [...Object.keys(ageBandLabels), "unknown"]),
      byCategory: rowsOf("category", (key) => names.categories.get(key) ?? "其他"),
      byRisk: rowsOf("risk", (key) => riskLevelLabels[key as keyof typeof riskLevelLabels] ?? key, riskLevels),
      followUpNeeded: flag("follow_up", "需要跟进"),
      referred: flag("referred", "已转介"),
    },
    hotline:
      hotline && offered
        ? {
            offered,
            answeredWithin5Min: statCell(hotline.answeredWithin5Min),
            serviceLevel: offered.suppressed || hotline.offered === 0 ? null : Math.round((hotline.answeredWithin5Min / hotline.offered) * 1000) / 1000,
            medianWaitMinutes: hotline.offered >= 5 ? hotline.medianWaitMinutes : null,
            abandoned: statCell(hotline.abandoned),
            missedCallbacks: statCell(hotline.missedCallbacks),
            completed: statCell(hotline.completed),
          }
        : null,
    chat: chat
      ? {
          chats: statCell(chat.chats),
          answered: statCell(chat.answered),
          medianFirstResponseSeconds: chat.answered >= 5 ? chat.medianFirstResponseSeconds : null,
          rated: statCell(rated),
          averageRating: rated >= 5 ? Math.round((ratingSum / rated) * 10) / 10 : null,
          ratings: ratingRows,
        }
      : null,
    coverage: coverage ? { ...coverage, coveredShare: coverage.serviceHours > 0 ? Math.round((1 - coverage.uncoveredHours / coverage.serviceHours) * 1000) / 1000 : null } : null,
    indicators,
    letters: letterFigures(letterRows),
    cases: caseFigures(caseRows),
  };
}

/** Both periods' letter counts as rows per box kind (every kind shown, zeros too). */
function letterFigures(counts: LetterCount[]): LetterFigures[] {
  return letterBoxKinds.map((kind) => {
    const of = (which: LetterCount["period"]) => counts.find((count) => count.kind === kind && count.period === which);
    const current = of("current");
    const previous = of("previous");
    const label = letterBoxKindLabels[kind];
    const pairRow = (key: string, value: (count: LetterCount) => number): StatRow => ({
      key,
      label,
      current: statCell(current ? value(current) : 0),
      previous: statCell(previous ? value(previous) : 0),
    });
    // a median of fewer than 5 replies would describe one or two letters
    const median = (count: LetterCount | undefined) => (count && count.onTime + count.late >= 5 ? count.medianWorkingDays : null);
    return {
      kind,
      label,
      received: pairRow("received", (count) => count.received),
      repliedOnTime: pairRow("on_time", (count) => count.onTime),
      repliedLate: pairRow("late", (count) => count.late),
      unreplied: pairRow("unreplied", (count) => count.unreplied),
      medianReplyWorkingDays: { current: median(current), previous: median(previous) },
    };
  });
}

function caseFigures(counts: CaseCount[]): StatisticsView["cases"] {
  const current = counts.find((count) => count.period === "current")!;
  const previous = counts.find((count) => count.period === "previous")!;
  const pairRow = (key: keyof Omit<CaseCount, "period">, label: string): StatRow => ({ key, label, current: statCell(current[key]), previous: statCell(previous[key]) });
  const share = (count: CaseCount) => (count.opened >= 5 ? Math.round((count.ownedWithin5Min / count.opened) * 1000) / 1000 : null);
  return {
    opened: pairRow("opened", "新开个案"),
    ownedWithin5Min: pairRow("ownedWithin5Min", "5 分钟内有人负责"),
    ownedShare: { current: share(current), previous: share(previous) },
    referred: pairRow("referred", "转介"),
    closed: pairRow("closed", "结案"),
  };
}

function emptyRow(key: string, label: string): StatRow {
  return { key, label, current: statCell(0), previous: statCell(0) };
}

/**
 * One breakdown's rows, current beside previous. With `order`, every listed key appears (zeros too) in
 * that order; otherwise the keys seen, largest current count first.
 */
function breakdown(counts: ContactCount[], dimension: ContactDimension, labels: Labels, order?: readonly string[]): StatRow[] {
  const raw = new Map<string, { current: number; previous: number }>();
  for (const key of order ?? []) raw.set(key, { current: 0, previous: 0 });
  for (const count of counts) {
    if (count.dimension !== dimension) continue;
    const entry = raw.get(count.key) ?? { current: 0, previous: 0 };
    entry[count.period] += count.count;
    raw.set(count.key, entry);
  }
  const rows = [...raw.entries()].map(([key, value]) => ({ key, label: labels(key), current: statCell(value.current), previous: statCell(value.previous), sortBy: value.current }));
  if (!order) rows.sort((a, b) => b.sortBy - a.sortBy || a.label.localeCompare(b.label, "zh"));
  return rows.map(({ sortBy: _sortBy, ...row }) => row);
}

async function placeNames(db: DbOrTx) {
  const [areaRows, schoolRows, categoryRows] = await Promise.all([
    db.select({ id: areas.id, name: areas.name }).from(areas),
    db.select({ id: schools.id, name: schools.name }).from(schools),
    db.select({ id: contactCategories.id, name: contactCategories.name }).from(contactCategories),
  ]);
  return {
    areas: new Map(areaRows.map((row) => [row.id, row.name])),
    schools: new Map(schoolRows.map((row) => [row.id, row.name])),
    categories: new Map(categoryRows.map((row) => [row.id, row.name])),
  };
}

async function scopeNameOf(db: DbOrTx, services: Services, scope: StaffScope): Promise<string> {
  if (scope.level === "area" && scope.areaId) return (await db.select({ name: areas.name }).from(areas).where(eq(areas.id, scope.areaId)))[0]?.name ?? "片区";
  if (scope.level === "school" && scope.schoolId) return (await db.select({ name: schools.name }).from(schools).where(eq(schools.id, scope.schoolId)))[0]?.name ?? "学校";
  return `${services.config.county.name}（全县）`;
}

