import { and, gt, lte } from "drizzle-orm";
import { staffLeave } from "../db/schema";
import type { DbOrTx } from "../db/database";

/** Staff on leave at an instant. A counsellor on leave is never routed callers. */
export async function staffOnLeaveAt(db: DbOrTx, now: Date): Promise<Set<string>> {
  const rows = await db.select({ staffId: staffLeave.staffId }).from(staffLeave).where(and(lte(staffLeave.startsAt, now), gt(staffLeave.endsAt, now)));
  return new Set(rows.map((row) => row.staffId));
}
