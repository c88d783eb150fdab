import { inArray, sql } from "drizzle-orm";
import { emergencyLines, fallbackHelplines, hotlineLongWaitMinutes, type HotlineStatusView } from "@xinyuan/shared";
import { hotlineTickets } from "../db/schema";
import type { Services } from "../services";
import { hotlineOpenState } from "./hotlineSchedule";
import { readQueuePace } from "./callerTicketView";
import { readyWaitingCount } from "./queuePositions";
import { estimateWaitMinutes } from "./waitEstimate";
import { callbackWindowOptions } from "./callbackWindowOptions";

/** What the join page shows before anyone joins: open or not, how many wait, an honest estimate, call-back windows, other help. */
export async function loadHotlineStatus(services: Services): Promise<HotlineStatusView> {
  const { db, clock, config } = services;
  const now = clock.now();
  const [open, waiting, pace, queued, callbackWindows] = await Promise.all([
    hotlineOpenState(db, config.hotline, now),
    readyWaitingCount(db, now),
    readQueuePace(db, now),
    db.select({ count: sql<number>`count(*)::int` }).from(hotlineTickets).where(inArray(hotlineTickets.status, ["waiting", "claimed"])),
    callbackWindowOptions(db, config.hotline, now),
  ]);
  const estimateMinutes = estimateWaitMinutes(waiting + 1, pace.serving, pace.idle, pace.handleMinutes);
  return {
    open: open.open,
    openReason: open.reason,
    nextOpenAt: open.nextOpenAt?.toISOString() ?? null,
    hoursText: config.county.hotlineHours,
    hotlineNumber: config.county.hotlineNumber,
    waiting,
    counsellorsOnDuty: pace.serving,
    estimateMinutes,
    full: Number(queued[0]?.count ?? 0) >= config.hotline.queueCapacity,
    longWait: estimateMinutes === null || estimateMinutes >= hotlineLongWaitMinutes,
    fallbackHelplines,
    emergencyLines,
    callbackWindows,
  };
}
