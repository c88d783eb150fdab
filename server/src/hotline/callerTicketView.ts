import type { CallerTicketView } from "@xinyuan/shared";
import type { DbOrTx } from "../db/database";
import type { Services } from "../services";
import { hotlineAvailability } from "./hotlineAvailability";
import { positionOf } from "./queuePositions";
import { averageHandleMinutes, estimateWaitMinutes } from "./waitEstimate";
import { presentCallerTicket, type HotlineTicketRow } from "./presentHotlineTicket";

/** The live facts a position estimate needs, read once and reused for many tickets. */
export interface QueuePace {
  serving: number;
  idle: number;
  handleMinutes: number;
}

export async function readQueuePace(db: DbOrTx, now: Date): Promise<QueuePace> {
  const [availability, handleMinutes] = await Promise.all([hotlineAvailability(db, now), averageHandleMinutes(db, now)]);
  return { serving: availability.serving.length, idle: availability.idle, handleMinutes };
}

/** A caller's view of their ticket with a fresh position and estimate. */
export async function callerTicketView(services: Pick<Services, "db" | "clock" | "config">, row: HotlineTicketRow, pace?: QueuePace, knownPosition?: number | null): Promise<CallerTicketView> {
  const now = services.clock.now();
  const position = knownPosition !== undefined ? knownPosition : await positionOf(services.db, row, now);
  const livePace = position === null ? undefined : pace ?? (await readQueuePace(services.db, now));
  // No counsellor on duty: no place in line and no estimate, which would promise a call nobody can make now.
  const nobodyOnDuty = livePace !== undefined && livePace.serving === 0;
  if (nobodyOnDuty) return presentCallerTicket(row, { position: null, estimateMinutes: null, hotlineNumber: services.config.county.hotlineNumber, now, nobodyOnDuty });
  const estimateMinutes = position === null || !livePace ? null : estimateWaitMinutes(position, livePace.serving, livePace.idle, livePace.handleMinutes);
  return presentCallerTicket(row, { position, estimateMinutes, hotlineNumber: services.config.county.hotlineNumber, now });
}
