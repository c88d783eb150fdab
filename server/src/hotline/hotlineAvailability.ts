import { eq } from "drizzle-orm";
import { hotlineTickets } from "../db/schema";
import type { DbOrTx } from "../db/database";
import { availableStaffIds } from "../presence/dutyState";
import { staffOnLeaveAt } from "./staffLeave";

export interface HotlineAvailability {
  /** On duty for the hotline, connected, not on leave: the counsellors who serve the queue. */
  serving: string[];
  /** Of those, how many hold no call right now. */
  idle: number;
}

/** Who serves the hotline right now: presence (on duty + live socket) minus leave. */
export async function hotlineAvailability(db: DbOrTx, now: Date): Promise<HotlineAvailability> {
  const [available, onLeave, claims] = await Promise.all([
    availableStaffIds(db, "hotline", now),
    staffOnLeaveAt(db, now),
    db.select({ staffId: hotlineTickets.claimedBy }).from(hotlineTickets).where(eq(hotlineTickets.status, "claimed")),
  ]);
  const serving = available.filter((id) => !onLeave.has(id));
  const busy = new Set(claims.map((row) => row.staffId));
  return { serving, idle: serving.filter((id) => !busy.has(id)).length };
}
