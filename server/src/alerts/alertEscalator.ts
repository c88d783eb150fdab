import { and, asc, eq, isNotNull, isNull, lt, lte } from "drizzle-orm";
import type { AlertSourceKind, RiskLevel } from "@xinyuan/shared";
import { riskAlertSteps, riskAlerts } from "../db/schema";
import type { Services } from "../services";
import { onDutyAlertStaff } from "./alertRecipients";
import { emitAlert } from "./alertNotices";
import { alertWebhookMessage, postAlertWebhook } from "./alertWebhook";

/**
 * Escalates alerts nobody acknowledged by their escalateAt (ALERT_ESCALATE_MINUTES after raising, or at
 * once when no supervisor was on duty): every on-duty counsellor is told, and the centre's webhook is
 * due. Rows are claimed with FOR UPDATE SKIP LOCKED, so several processes never escalate one alert twice.
 */
export async function escalateDueAlerts(props: { services: Services }): Promise<number> {
  const { services } = props;
  const { db, clock, config } = services;
  const now = clock.now();
  const result = await db.transaction(async (tx) => {
    const due = await tx
      .select()
      .from(riskAlerts)
      .where(and(eq(riskAlerts.state, "new"), isNull(riskAlerts.escalatedAt), lte(riskAlerts.escalateAt, now)))
      .orderBy(asc(riskAlerts.escalateAt))
      .limit(50)
      .for("update", { skipLocked: true });
    if (due.length === 0) return { rows: [], counsellorIds: [] as string[] };
    const { counsellorIds } = await onDutyAlertStaff(tx, now);
    const rows = [];
    for (const alert of due) {
      const [row] = await tx
        .update(riskAlerts)
        .set({ escalatedAt: now, webhookDueAt: config.alerts.webhookUrl ? now : null })
        .where(eq(riskAlerts.id, alert.id))
        .returning();
      await tx.insert(riskAlertSteps).values({ alertId: alert.id, kind: "escalated", detail: counsellorIds.length, at: now });
      rows.push(row!);
    }
    return { rows, counsellorIds };
  });
  for (const row of result.rows) emitAlert(services, "alert:new", row, result.counsellorIds);
  if (result.rows.length > 0) await deliverDueWebhooks({ services });
  return result.rows.length;
}

/**
 * Sends due webhook messages. Each attempt is claimed first (attempts + 1, next try pushed back) in a
 * short transaction with SKIP LOCKED, then posted outside it; a failure is recorded and retried with a
 * growing pause up to ALERT_WEBHOOK_MAX_ATTEMPTS. An alert acknowledged meanwhile needs no call.
 */
export async function deliverDueWebhooks(props: { services: Services }): Promise<void> {
  const { services } = props;
  const { db, clock, config } = services;
  const url = config.alerts.webhookUrl;
  if (!url) return;
  const now = clock.now();
  const claimed = await db.transaction(async (tx) => {
    const due = await tx
      .select()
      .from(riskAlerts)
      .where(and(isNotNull(riskAlerts.webhookDueAt), lte(riskAlerts.webhookDueAt, now), isNull(riskAlerts.webhookDeliveredAt), lt(riskAlerts.webhookAttempts, config.alerts.webhookMaxAttempts)))
      .limit(20)
      .for("update", { skipLocked: true });
    const rows = [];
    for (const alert of due) {
      if (alert.state !== "new") {
        await tx.update(riskAlerts).set({ webhookDueAt: null }).where(eq(riskAlerts.id, alert.id));
        continue;
      }
      const attempts = alert.webhookAttempts + 1;
      await tx
        .update(riskAlerts)
        .set({ webhookAttempts: attempts, webhookDueAt: new Date(now.getTime() + 30_000 * attempts) })
        .where(eq(riskAlerts.id, alert.id));
      rows.push(alert);
    }
    return rows;
  });
  for (const alert of claimed) {
    const message = alertWebhookMessage(
      {
        alertId: alert.id,
        level: alert.level as RiskLevel,
        sourceKind: alert.sourceKind as AlertSourceKind,
        subjectAlias: alert.subjectAlias,
        minutesWaiting: Math.max(0, Math.round((now.getTime() - alert.createdAt.getTime()) / 60_000)),
        nobodyOnDuty: alert.nobodyOnDuty,
      },
      config.alerts.adminUrl,
    );
    const sent = await postAlertWebhook(url, message);
    const at = clock.now();
    await db.transaction(async (tx) => {
      if (sent.ok) await tx.update(riskAlerts).set({ webhookDeliveredAt: at, webhookDueAt: null }).where(eq(riskAlerts.id, alert.id));
      await tx.insert(riskAlertSteps).values({ alertId: alert.id, kind: sent.ok ? "webhook_sent" : "webhook_failed", detail: sent.status, at });
    });
    if (!sent.ok) services.log.warn({ alertId: alert.id, status: sent.status }, "alert webhook failed");
  }
}
