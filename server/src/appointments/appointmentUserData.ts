import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { appointmentSlots, bookings, paymentOrders } from "../db/schema";
import type { AccountDeletionStep } from "../users/accountDeletionSteps";
import type { ExportSection } from "../users/exportSections";
import { sealed } from "../crypto/sealedColumns";

/**
 * Account deletion: future bookings are released (held → expired, free → cancelled, paid → cancelled
 * with a full refund the payment sweep carries out, whatever the refund window); every booking loses its
 * note and is detached from the account. Attendance and amounts stay for the county's records.
 */
export const appointmentDeletionStep: AccountDeletionStep = {
  name: "appointments",
  async run({ tx, userId, now }) {
    const future = await tx
      .select({ id: bookings.id, status: bookings.status, paymentOrderId: bookings.paymentOrderId })
      .from(bookings)
      .innerJoin(appointmentSlots, eq(appointmentSlots.id, bookings.slotId))
      .where(and(eq(bookings.userId, userId), inArray(bookings.status, ["awaiting_payment", "confirmed", "paid"]), sql`${appointmentSlots.startsAt} > ${now}`))
      .for("update", { of: bookings });
    for (const booking of future) {
      await tx.update(bookings).set({ status: booking.status === "awaiting_payment" ? "expired" : "cancelled", cancelledAt: now, holdExpiresAt: null }).where(eq(bookings.id, booking.id));
      if (booking.status === "paid" && booking.paymentOrderId) await tx.update(paymentOrders).set({ status: "refunding" }).where(and(eq(paymentOrders.id, booking.paymentOrderId), eq(paymentOrders.status, "paid")));
    }
    await tx.update(bookings).set({ userId: null, noteEnc: null }).where(eq(bookings.userId, userId));
  },
};

/** The user's bookings with their own note. */
export const appointmentExportSection: ExportSection = {
  key: "appointments",
  async collect({ db, services, userId }) {
    const rows = await db.select({ booking: bookings, slot: appointmentSlots }).from(bookings).innerJoin(appointmentSlots, eq(appointmentSlots.id, bookings.slotId)).where(eq(bookings.userId, userId)).orderBy(asc(bookings.createdAt));
    return rows.map(({ booking, slot }) => ({
      status: booking.status,
      startsAt: slot.startsAt.toISOString(),
      endsAt: slot.endsAt.toISOString(),
      amountFen: booking.amountFen,
      forChild: booking.forChild,
      note: booking.noteEnc ? services.cipher.decrypt(booking.noteEnc, sealed.bookingNote.at(booking)) : null,
      bookedAt: booking.createdAt.toISOString(),
    }));
  },
};
