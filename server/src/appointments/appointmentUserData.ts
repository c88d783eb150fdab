import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { appointmentSlots, bookings, paymentOrders } from "../db/schema";
import type { AccountDeletionStep } from "../users/accountDeletionSteps";
import { exportSection } from "../users/exportSections";
import { exportTime, labelOf } from "../users/exportText";
import { sealed } from "../crypto/sealedColumns";
import type { BookingStatus } from "@xinyuan/shared";

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
export const appointmentExportSection = exportSection({
  key: "appointments",
  title: "预约",
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
  render(bookings) {
    return bookings.flatMap((booking) => [
      `${exportTime(booking.bookedAt)} 预约了 ${exportTime(booking.startsAt)} 至 ${exportTime(booking.endsAt).slice(11)} 的咨询${booking.forChild ? "（为孩子预约）" : ""}，${labelOf(bookingStatusLabels, booking.status)}${booking.amountFen > 0 ? `，费用 ${(booking.amountFen / 100).toFixed(2)} 元` : "，免费"}`,
      ...(booking.note ? [`  我的留言：${booking.note}`] : []),
    ]);
  },
});

/** Booking states in the user's own words, for the readable export. */
const bookingStatusLabels: Record<BookingStatus, string> = {
  awaiting_payment: "等待付款",
  confirmed: "已确认",
  paid: "已付款",
  attended: "已到场",
  no_show: "未到场",
  cancelled: "已取消",
  expired: "未付款，已失效",
  refund_due: "等待退款",
  refunded: "已退款",
};
