import type { StatisticsQuery } from "@xinyuan/shared";
import { addDays, countyInstant } from "../hotline/countyTime";

/** The asked range in county days and the same number of days just before it, as instants [start, end). */
export interface StatisticsPeriod {
  from: string;
  to: string;
  previousFrom: string;
  previousTo: string;
  currentStart: Date;
  currentEnd: Date;
  previousStart: Date;
}

export function statisticsPeriodOf(query: StatisticsQuery): StatisticsPeriod {
  const days = Math.round((Date.parse(query.to) - Date.parse(query.from)) / 86_400_000) + 1;
  const previousFrom = addDays(query.from, -days);
  const previousTo = addDays(query.from, -1);
  return {
    from: query.from,
    to: query.to,
    previousFrom,
    previousTo,
    currentStart: countyInstant(query.from),
    currentEnd: countyInstant(addDays(query.to, 1)),
    previousStart: countyInstant(previousFrom),
  };
}
