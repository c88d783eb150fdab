import { randomBytes } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import type { Services } from "../services";
import type { UserActor } from "../auth/actor";
import { appointmentSlots, bookings, paymentOrders } from "../db/schema";
import { retryTransaction } from "../db/retryTransaction";
import { recordAudit, type AuditOrigin } from "../audit/recordAudit";
import { ConflictError, NotFoundError } from "../http/errors";
import { requireOwnBooking } from "./appointmentPolicy";
import { presentBooking, type BookingView } from "./presentBooking";

export interface CancelResult {
  booking: BookingView;
  /** "full": a refund was requested; "none": cancelled inside the window (or nothing was paid). */
  refund: "full" | "none";
}

/**
 * The owner cancels. A free or held booking is simply released (a held order is closed at WeChat Pay);
 * a paid one is refunded in full when the session is more than APPOINTMENT_FULL_REFUND_HOURS away,
 * otherwise cancelled without refund. Idempotent: cancelling a cancelled booking returns it as it is.
 */
export async function bookingCanceller(props: { services: Services; actor: UserActor; bookingId: string; origin: AuditOrigin }): Promise<CancelResult> {
  const { services } = props;
  const now = services.clock.now();
  const outcome = await retryTransaction(() =>
    services.db.transaction(async (tx) => {
      const [booking] = await tx.select().from(bookings).where(eq(bookings.id, props.bookingId)).for("update");
      if (!booking) throw NotFoundError();
      requireOwnBooking(props.actor, booking);
      const [slot] = await tx.select().from(appointmentSlots).where(eq(appointmentSlots.id, booking.slotId));
      if (booking.status === "cancelled" || booking.status === "refunded" || booking.status === "expired") return { booking, slot: slot!, refund: "none" as const, order: undefined, closeOrder: false };
      if (!["confirmed", "awaiting_payment", "paid"].includes(booking.status) || slot!.startsAt.getTime() <= now.getTime()) throw ConflictError("APPOINTMENT_NOT_CANCELLABLE");
      const [order] = booking.paymentOrderId ? await tx.select().from(paymentOrders).where(eq(paymentOrders.id, booking.paymentOrderId)).for("update") : [];
      const refundable = booking.status === "paid" && slot!.startsAt.getTime() - now.getTime() > services.config.appointments.fullRefundHours * 3600_000;
      const [cancelled] = await tx.update(bookings).set({ status: "cancelled", cancelledAt: now, holdExpiresAt: null, updatedAt: sql`now()` }).where(eq(bookings.id, booking.id)).returning();
      if (booking.status === "awaiting_payment" && order?.status === "created") await tx.update(paymentOrders).set({ status: "closed", updatedAt: sql`now()` }).where(eq(paymentOrders.id, order.id));
      if (refundable && order) await tx.update(paymentOrders).set({ status: "refunding", updatedAt: sql`now()` }).where(eq(paymentOrders.id, order.id));
      await recordAudit(tx, props.origin, { action: "appointment.cancel", targetType: "booking", targetId: booking.id, detail: { from: booking.status, refund: refundable ? "full" : "none" } });
      return { booking: cancelled!, slot: slot!, refund: refundable ? ("full" as const) : ("none" as const), order, closeOrder: booking.status === "awaiting_payment" };
    }),
  );
  if (outcome.order && !services.config.wechatPay.enabled) {
    // Payments off: the order stays "refunding" and the sweep asks for the refund once payments are on.
    services.log.warn({ bookingId: outcome.booking.id }, "payments are off; the refund waits for the sweep");
  } else if (outcome.order && outcome.refund === "full") {
    // Asked after the commit; the refund notification (or the sweep's refund query) finishes the move.
    await services.wechatPay.refund({ outTradeNo: outcome.order.outTradeNo, outRefundNo: `RF${outcome.order.outTradeNo}`, refundFen: outcome.order.amountFen, totalFen: outcome.order.amountFen, reason: "预约提前取消，全额退款" });
  } else if (outcome.order && outcome.closeOrder) {
    await services.wechatPay.closeOrder({ outTradeNo: outcome.order.outTradeNo }).catch((error: unknown) => services.log.warn({ err: error }, "closing a held order failed; the sweep retries"));
  }
  return { booking: presentBooking(outcome.booking, outcome.slot), refund: outcome.refund };
}
