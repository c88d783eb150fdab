import { and, eq } from "drizzle-orm";
import type { AlertView, HandleAlertBody } from "@xinyuan/shared";
import { riskAlertSteps, riskAlerts } from "../db/schema";
import type { Services } from "../services";
import type { StaffActor } from "../auth/actor";
import { recordAudit, type AuditOrigin } from "../audit/recordAudit";
import { AppError, NotFoundError } from "../http/errors";
import { canHandleAlert, canSeeAlert } from "./alertPolicy";
import { isOnDuty } from "./alertRecipients";
import { emitAlert } from "./alertNotices";
import { findAlert, presentAlertRows } from "./alertViews";
import { sealed } from "../crypto/sealedColumns";

/**
 * Marks an acknowledged alert handled with an outcome and a note (encrypted). Only a county supervisor or
 * whoever acknowledged it; once only (a second call is ALERT_ALREADY_HANDLED). Audited.
 */
export async function alertResolver(props: { services: Services; actor: StaffActor; alertId: string; input: HandleAlertBody; origin: AuditOrigin }): Promise<AlertView> {
  const { services, actor, alertId, input, origin } = props;
  const { db, clock, cipher } = services;
  const now = clock.now();
  const existing = await findAlert(db, alertId);
  if (!existing || !canSeeAlert(actor, existing, await isOnDuty(db, actor.id, now))) throw NotFoundError("ALERT_NOT_FOUND");
  if (existing.state === "new") throw new AppError(409, "ALERT_NOT_ACKNOWLEDGED");
  if (existing.state === "handled") throw new AppError(409, "ALERT_ALREADY_HANDLED");
  if (!canHandleAlert(actor, existing)) throw new AppError(403, "FORBIDDEN");

  const row = await db.transaction(async (tx) => {
    const [done] = await tx
      .update(riskAlerts)
      .set({ state: "handled", handledAt: now, handledBy: actor.id, outcome: input.outcome, noteEnc: cipher.encrypt(input.note, sealed.alertNote.at({ id: alertId })) })
      .where(and(eq(riskAlerts.id, alertId), eq(riskAlerts.state, "acknowledged")))
      .returning();
    if (!done) throw new AppError(409, "ALERT_ALREADY_HANDLED");
    await tx.insert(riskAlertSteps).values({ alertId, kind: "handled", staffId: actor.id, at: now });
    await recordAudit(tx, origin, { action: "alert.handle", targetType: "risk_alert", targetId: alertId, detail: { outcome: input.outcome } });
    return done;
  });
  emitAlert(services, "alert:changed", row);
  return (await presentAlertRows(db, cipher, [row]))[0]!;
}
