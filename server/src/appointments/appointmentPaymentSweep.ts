import { and, eq, lte, sql } from "drizzle-orm";
import type { Services } from "../services";
import { bookings, paymentOrders } from "../db/schema";
import { recordAudit, systemOrigin } from "../audit/recordAudit";
import { appointmentPaymentPurpose } from "./appointmentPayments";
import { lockPaymentOrder, markOrderPaid, markOrderRefunded, matchTransaction } from "../payments/paymentOrderTransitions";
import { WechatPayError } from "../payments/wechatPayHttp";

export interface SweepCounts {
  paidByQuery: number;
  expired: number;
  refundsRequested: number;
  refunded: number;
}

const batch = 20;
/** A held booking is queried once its notification is this late (WeChat usually notifies within seconds). */
const notificationGraceMs = 60_000;

/**
 * The payment sweep, safe with several processes (each booking is taken with FOR UPDATE SKIP LOCKED):
 * 1. held bookings whose notification is late: ask WeChat Pay; paid → paid (same transition as a
 *    notification); still unpaid after the hold → close the order and release the slot (expired);
 * 2. refunds owed (cancelled ahead of time, or paid after the hold ended): ask for the refund
 *    (idempotent out_refund_no) and query it; SUCCESS → refunded.
 */
export async function sweepAppointmentPayments(services: Services): Promise<SweepCounts> {
  const counts: SweepCounts = { paidByQuery: 0, expired: 0, refundsRequested: 0, refunded: 0 };
  const now = services.clock.now();
  const config = services.config.wechatPay;
  const late = await services.db.select({ id: bookings.id }).from(bookings).where(and(eq(bookings.status, "awaiting_payment"), lte(bookings.createdAt, new Date(now.getTime() - notificationGraceMs)))).limit(batch);
  for (const { id } of late) {
    await services.db.transaction(async (tx) => {
      const [booking] = await tx.select().from(bookings).where(and(eq(bookings.id, id), eq(bookings.status, "awaiting_payment"))).for("update", { skipLocked: true });
      if (!booking?.paymentOrderId) return;
      const [orderRow] = await tx.select({ outTradeNo: paymentOrders.outTradeNo }).from(paymentOrders).where(eq(paymentOrders.id, booking.paymentOrderId));
      const order = orderRow && (await lockPaymentOrder(tx, orderRow.outTradeNo));
      if (!order) return;
      const transaction = await services.wechatPay.queryOrder({ outTradeNo: order.outTradeNo }).catch((error: unknown) => {
        if (error instanceof WechatPayError && error.status === 404) return undefined;
        throw error;
      });
      if (transaction?.trade_state === "SUCCESS") {
        matchTransaction({ config, order, transaction: transaction as unknown as Record<string, unknown> });
        if (await markOrderPaid({ tx, purposes: [appointmentPaymentPurpose], order, transactionId: transaction.transaction_id ?? "", now })) counts.paidByQuery += 1;
        return;
      }
      if (!booking.holdExpiresAt || booking.holdExpiresAt.getTime() > now.getTime()) return;
      if (transaction) await services.wechatPay.closeOrder({ outTradeNo: order.outTradeNo });
      await tx.update(paymentOrders).set({ status: "closed", updatedAt: sql`now()` }).where(eq(paymentOrders.id, order.id));
      await tx.update(bookings).set({ status: "expired", holdExpiresAt: null, updatedAt: sql`now()` }).where(eq(bookings.id, booking.id));
      await recordAudit(tx, systemOrigin, { action: "appointment.hold_expired", targetType: "booking", targetId: booking.id });
      counts.expired += 1;
    });
  }

  const owed = await services.db
    .select({ outTradeNo: paymentOrders.outTradeNo })
    .from(paymentOrders)
    .innerJoin(bookings, eq(bookings.id, paymentOrders.subjectId))
    .where(and(eq(paymentOrders.purpose, "appointment"), sql`(${paymentOrders.status} = 'refunding' OR (${paymentOrders.status} = 'paid' AND ${bookings.status} = 'refund_due'))`))
    .limit(batch);
  for (const { outTradeNo } of owed) {
    await services.db.transaction(async (tx) => {
      const [locked] = await tx.select().from(paymentOrders).where(eq(paymentOrders.outTradeNo, outTradeNo)).for("update", { skipLocked: true });
      if (!locked || (locked.status !== "refunding" && locked.status !== "paid")) return;
      const outRefundNo = `RF${locked.outTradeNo}`;
      let refund = await services.wechatPay.queryRefund({ outRefundNo }).catch((error: unknown) => {
        if (error instanceof WechatPayError && error.status === 404) return undefined;
        throw error;
      });
      if (!refund) {
        refund = await services.wechatPay.refund({ outTradeNo: locked.outTradeNo, outRefundNo, refundFen: locked.amountFen, totalFen: locked.amountFen, reason: "预约已取消，全额退款" });
        counts.refundsRequested += 1;
        if (locked.status === "paid") await tx.update(paymentOrders).set({ status: "refunding", updatedAt: sql`now()` }).where(eq(paymentOrders.id, locked.id));
      }
      if (refund.status === "SUCCESS" && (await markOrderRefunded({ tx, purposes: [appointmentPaymentPurpose], order: { ...locked, status: "refunding" }, now }))) counts.refunded += 1;
    });
  }
  return counts;
}
