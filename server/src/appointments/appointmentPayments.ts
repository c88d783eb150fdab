import { and, eq, sql } from "drizzle-orm";
import { bookings } from "../db/schema";
import { recordAudit, systemOrigin } from "../audit/recordAudit";
import type { PaymentPurpose } from "../payments/paymentPurpose";

/**
 * Appointments' side of a payment, run inside the transaction that moved the order (row locked, once).
 * Paid within the hold → the booking is paid. Paid after the hold was released (the payer was slow, or
 * the slot went to someone else): the booking stays released and is marked refund_due; the payment
 * sweep refunds it in full.
 */
export const appointmentPaymentPurpose: PaymentPurpose = {
  name: "appointment",
  async onPaid({ tx, order }) {
    const [moved] = await tx.update(bookings).set({ status: "paid", holdExpiresAt: null, updatedAt: sql`now()` }).where(and(eq(bookings.id, order.subjectId), eq(bookings.status, "awaiting_payment"))).returning({ id: bookings.id });
    if (moved) return;
    await tx.update(bookings).set({ status: "refund_due", updatedAt: sql`now()` }).where(and(eq(bookings.id, order.subjectId), sql`${bookings.status} IN ('expired', 'cancelled')`));
    await recordAudit(tx, systemOrigin, { action: "appointment.paid_after_release", targetType: "booking", targetId: order.subjectId, detail: { amountFen: order.amountFen } });
  },
  async onRefunded({ tx, order }) {
    await tx.update(bookings).set({ status: "refunded", updatedAt: sql`now()` }).where(and(eq(bookings.id, order.subjectId), sql`${bookings.status} IN ('cancelled', 'refund_due', 'paid')`));
  },
};
