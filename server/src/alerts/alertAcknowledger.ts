import { and, eq } from "drizzle-orm";
import type { AlertView } from "@xinyuan/shared";
import { riskAlertSteps, riskAlerts, staff } from "../db/schema";
import type { Services } from "../services";
import type { StaffActor } from "../auth/actor";
import { recordAudit, type AuditOrigin } from "../audit/recordAudit";
import { AppError, NotFoundError } from "../http/errors";
import { canSeeAlert } from "./alertPolicy";
import { isOnDuty } from "./alertRecipients";
import { emitAlert } from "./alertNotices";
import { findAlert, presentAlertRows } from "./alertViews";

/**
 * "我来处理": the first staff member to acknowledge wins (a conditional update on state = 'new', so two
 * clicks at once, in any process, give one winner); the others get ALERT_ALREADY_ACKNOWLEDGED naming who
 * has it. Acknowledging again by the winner is a no-op. Audited; everyone watching is told after commit.
 */
export async function alertAcknowledger(props: { services: Services; actor: StaffActor; alertId: string; origin: AuditOrigin }): Promise<AlertView> {
  const { services, actor, alertId, origin } = props;
  const { db, clock, cipher } = services;
  const now = clock.now();
  const existing = await findAlert(db, alertId);
  if (!existing || !canSeeAlert(actor, existing, await isOnDuty(db, actor.id, now))) throw NotFoundError("ALERT_NOT_FOUND");

  const row = await db.transaction(async (tx) => {
    const [won] = await tx
      .update(riskAlerts)
      .set({ state: "acknowledged", acknowledgedAt: now, acknowledgedBy: actor.id, webhookDueAt: null })
      .where(and(eq(riskAlerts.id, alertId), eq(riskAlerts.state, "new")))
      .returning();
    if (!won) return undefined;
    await tx.insert(riskAlertSteps).values({ alertId, kind: "acknowledged", staffId: actor.id, at: now });
    await recordAudit(tx, origin, { action: "alert.acknowledge", targetType: "risk_alert", targetId: alertId });
    return won;
  });
  if (!row) {
    const current = (await findAlert(db, alertId))!;
    if (current.acknowledgedBy !== actor.id) {
      const [holder] = current.acknowledgedBy ? await db.select({ name: staff.displayName }).from(staff).where(eq(staff.id, current.acknowledgedBy)).limit(1) : [];
      throw new AppError(409, "ALERT_ALREADY_ACKNOWLEDGED", holder ? `这条预警已由${holder.name}确认并在处理了。` : undefined, { acknowledgedByName: holder?.name ?? null, state: current.state });
    }
    return (await presentAlertRows(db, cipher, [current]))[0]!;
  }
  emitAlert(services, "alert:changed", row);
  return (await presentAlertRows(db, cipher, [row]))[0]!;
}
