import type { DbOrTx } from "../db/database";
import { AppError } from "../http/errors";
import { burstQueue } from "../db/burstQueue";
import type { HotlineConfig } from "./hotlineConfig";
import { callbackIntervals, coveredMs, type Interval } from "./hotlineSchedule";

const minute = 60_000;
/** Long enough that a counsellor can reach the caller, with a retry. */
export const minWindowMs = 30 * minute;
/** A window is a promise to pick up: at most 12 hours, so an open-ended one cannot hold a place for good. */
export const maxWindowMs = 12 * 60 * minute;
export const maxAheadMs = 7 * 24 * 60 * minute;

/**
 * Checks a call-back window and returns it clipped to now: 30 minutes to 12 hours, starting within 7
 * days (HOTLINE_WINDOW_INVALID), and at least 30 minutes of it staffed inside the service hours (HOTLINE_WINDOW_NOT_STAFFED):
 * a window nobody is rostered for is a promise to call that nobody can keep.
 */
export async function checkCallbackWindow(db: DbOrTx, config: HotlineConfig, now: Date, window: { start: string; end: string }): Promise<{ start: Date; end: Date }> {
  const start = Math.max(Date.parse(window.start), now.getTime());
  const end = Date.parse(window.end);
  if (!(end - start >= minWindowMs && end - start <= maxWindowMs && start - now.getTime() <= maxAheadMs)) throw new AppError(400, "HOTLINE_WINDOW_INVALID");
  const open = await sharedCallbackIntervals(db, { config, start, end });
  if (coveredMs(open, start, end) < minWindowMs) throw new AppError(409, "HOTLINE_WINDOW_NOT_STAFFED");
  return { start: new Date(start), end: new Date(end) };
}

/**
 * The call-back intervals for a window, read once for all windows asked for (on the same database handle)
 * while the previous read runs: one read over the union of their ranges serves each configuration's windows
 * (what lies inside a window is the same whether read for it alone or for a wider range). A burst of
 * call-back joins then costs a few schedule reads, not three per join.
 */
const sharedCallbackIntervals = burstQueue(async (db: DbOrTx, requests: Array<{ config: HotlineConfig; start: number; end: number }>): Promise<Array<Interval[] | Error>> => {
  const answers: Array<Interval[] | Error> = [];
  for (const config of new Set(requests.map((request) => request.config))) {
    const group = requests.filter((request) => request.config === config);
    try {
      const open = await callbackIntervals(db, config, new Date(Math.min(...group.map((request) => request.start))), new Date(Math.max(...group.map((request) => request.end))));
      requests.forEach((request, index) => request.config === config && (answers[index] = open));
    } catch (error) {
      requests.forEach((request, index) => request.config === config && (answers[index] = error instanceof Error ? error : new Error(String(error))));
    }
  }
  return answers;
});
