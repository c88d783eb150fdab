import { eq } from "drizzle-orm";
import type { Services } from "../services";
import { everyInterval, type BackgroundJob } from "../jobs/backgroundJobs";
import { pruneNotificationNonces } from "../payments/notificationNonces";
import { paymentReconciler } from "../payments/paymentReconciler";
import { paymentReconciliations } from "../db/schema";
import { postAlertWebhook } from "../alerts/alertWebhook";
import { addDays, countyClockOf, countyDateOf } from "../hotline/countyTime";
import { sweepAppointmentPayments } from "./appointmentPaymentSweep";
import { sendDueAppointmentReminders } from "./appointmentReminders";
import { slotGenerator } from "./slotGenerator";

/** Expired holds, late notifications, owed refunds; and old notification nonces pruned. */
export const appointmentJobs: BackgroundJob = (services) =>
  everyInterval("appointment payment sweep", services.config.appointments.sweepIntervalMs, async (current) => {
    // Payments off: nothing to ask WeChat Pay; owed refunds and late orders wait until payments are on.
    if (current.config.wechatPay.enabled) await sweepAppointmentPayments(current);
    await pruneNotificationNonces(current.db, current.clock.now());
  })(services);

/** Subscribe-message reminders before booked sessions (each at most once). */
export const appointmentReminderJob: BackgroundJob = (services) =>
  everyInterval("appointment reminders", services.config.appointments.sweepIntervalMs, async (current) => {
    await sendDueAppointmentReminders(current);
  })(services);

/** Weekly hours → slots for the next 14 days, once at start and then every interval (idempotent). */
export const slotGenerationJob: BackgroundJob = (services) => {
  void slotGenerator({ services }).catch((error: unknown) => services.log.error({ err: error }, "slot generation failed"));
  return everyInterval("appointment slot generation", services.config.appointments.slotGenerationIntervalMs, async (current) => {
    await slotGenerator({ services: current });
  })(services);
};

/**
 * Yesterday's WeChat Pay bill, once county time passes APPOINTMENT_RECONCILE_AFTER (the bill is ready
 * from 10:00). A failed attempt is retried after an hour. Returns the reconciliation it ran, if any.
 */
export async function reconcileYesterdayIfDue(services: Services) {
  if (!services.config.wechatPay.enabled) return undefined;
  const now = services.clock.now();
  if (countyClockOf(now) < services.config.appointments.reconcileAfter) return undefined;
  const billDate = addDays(countyDateOf(now), -1);
  const [done] = await services.db.select().from(paymentReconciliations).where(eq(paymentReconciliations.billDate, billDate)).limit(1);
  if (done && (done.status !== "failed" || now.getTime() - done.checkedAt.getTime() < 3600_000)) return undefined;
  const result = await paymentReconciler({ services, billDate });
  if (result.status !== "matched" && services.config.alerts.webhookUrl) {
    // Order numbers and counts only: the group is outside the platform.
    const text = result.status === "failed" ? `**心援微信支付对账失败**\n> 账单日期：${billDate}\n> 原因：${result.error ?? "未知"}` : `**心援微信支付对账不一致**\n> 账单日期：${billDate}\n> 不一致：${result.mismatches.length} 笔\n请登录管理后台「预约设置」查看。`;
    await postAlertWebhook(services.config.alerts.webhookUrl, { msgtype: "markdown", markdown: { content: text } });
  }
  return result;
}

export const reconciliationJob: BackgroundJob = (services) =>
  everyInterval("payment reconciliation", Math.max(services.config.appointments.sweepIntervalMs, 60_000), async (current) => {
    await reconcileYesterdayIfDue(current);
  })(services);
