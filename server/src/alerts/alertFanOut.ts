import { and, eq, isNull, lte } from "drizzle-orm";
import { riskAlerts } from "../db/schema";
import type { Services } from "../services";
import { emitAlert } from "./alertNotices";
import { escalateDueAlerts } from "./alertEscalator";

/**
 * After the raising transaction committed: exactly one process claims the alert's fan-out (a conditional
 * update) and tells the supervisors room; an alert due for escalation at once (no supervisor on duty)
 * escalates right away instead of waiting for the next check.
 */
export async function fanOutAlert(services: Services, alertId: string): Promise<void> {
  const { db, clock } = services;
  const [row] = await db
    .update(riskAlerts)
    .set({ fannedOutAt: clock.now() })
    .where(and(eq(riskAlerts.id, alertId), isNull(riskAlerts.fannedOutAt)))
    .returning();
  if (!row) return;
  emitAlert(services, "alert:new", row);
  if (row.state === "new" && row.escalateAt.getTime() <= clock.now().getTime()) {
    await escalateDueAlerts({ services });
  }
}

/** Alerts whose notification was lost (a process died between commit and fan-out): fan them out now. */
export async function fanOutMissedAlerts(services: Services): Promise<void> {
  const olderThan = new Date(services.clock.now().getTime() - 3000);
  const rows = await services.db
    .select({ id: riskAlerts.id })
    .from(riskAlerts)
    .where(and(isNull(riskAlerts.fannedOutAt), lte(riskAlerts.createdAt, olderThan)))
    .limit(50);
  for (const { id } of rows) await fanOutAlert(services, id);
}
