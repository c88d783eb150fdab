import { randomUUID } from "node:crypto";
import { randomBytes } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import type { Services } from "../services";
import type { DbOrTx } from "../db/database";
import type { UserActor } from "../auth/actor";
import { appUsers, appointmentSlots, bookings, paymentOrders } from "../db/schema";
import { retryTransaction } from "../db/retryTransaction";
import { isUniqueViolation } from "../db/uniqueViolation";
import { recordAudit, type AuditOrigin } from "../audit/recordAudit";
import { requireCounsellingConsent } from "../users/counsellingConsent";
import { AppError, ConflictError, NotFoundError } from "../http/errors";
import type { JsapiPayParams } from "../payments/wechatPayClient";
import { requireMayPay } from "./appointmentPolicy";
import { checkBookingNote } from "./bookingRiskHook";
import { presentBooking, type BookingView } from "./presentBooking";
import { sealed } from "../crypto/sealedColumns";

export interface BookingResult {
  booking: BookingView;
  /** For a paid slot: what wx.requestPayment needs. */
  payment: JsapiPayParams | null;
  /** The note looked risky: the app offers the live line now. */
  riskFlag: boolean;
}

/**
 * Books one slot. Free slots are confirmed at once; paid ones are held (awaiting_payment) for the
 * configured minutes while a parent pays. The slot row is locked and the partial unique index on active
 * bookings decides every race: exactly one winner, the others get APPOINTMENT_SLOT_TAKEN.
 * `payerOpenid` comes from a fresh wx.login code (the route exchanges it); only needed for paid slots.
 */
export async function slotBooker(props: { services: Services; actor: UserActor; slotId: string; note: string | null; forChild: boolean; payerOpenid?: string; origin: AuditOrigin }): Promise<BookingResult> {
  const { services, actor } = props;
  const now = services.clock.now();
  const held = await retryTransaction(() =>
    services.db.transaction(async (tx) => {
      await requireCounsellingConsent(tx, actor);
      const [slot] = await tx.select().from(appointmentSlots).where(eq(appointmentSlots.id, props.slotId)).for("update");
      if (!slot) throw NotFoundError();
      if (slot.withdrawnAt || slot.startsAt.getTime() <= now.getTime()) throw ConflictError("APPOINTMENT_SLOT_UNAVAILABLE");
      const paid = slot.priceFen > 0;
      if (paid) requireMayPay(actor);
      if (paid && !services.config.wechatPay.enabled) throw ConflictError("APPOINTMENT_PAYMENTS_OFF");
      // No payer (no wx.login code, e.g. from the H5 web app): refuse before holding, so nothing is left behind.
      if (paid && !props.payerOpenid) throw new AppError(400, "APPOINTMENT_PAYER_MISSING");
      const [taken] = await tx.select({ id: bookings.id }).from(bookings).where(and(eq(bookings.slotId, slot.id), sql`${bookings.status} IN ('awaiting_payment', 'confirmed', 'paid', 'attended', 'no_show')`)).limit(1);
      if (taken) throw ConflictError("APPOINTMENT_SLOT_TAKEN");
      const holdExpiresAt = paid ? new Date(now.getTime() + services.config.appointments.holdMinutes * 60_000) : null;
      const bookingId = randomUUID();
      const [booking] = await tx
        .insert(bookings)
        .values({ id: bookingId, slotId: slot.id, userId: actor.id, status: paid ? "awaiting_payment" : "confirmed", forChild: props.forChild, noteEnc: props.note ? services.cipher.encrypt(props.note, sealed.bookingNote.at({ id: bookingId })) : null, amountFen: slot.priceFen, holdExpiresAt, createdAt: now })
        .returning();
      let order: typeof paymentOrders.$inferSelect | undefined;
      if (paid) {
        [order] = await tx.insert(paymentOrders).values({ outTradeNo: `AP${now.getTime().toString(36)}${randomBytes(6).toString("hex")}`.toUpperCase(), purpose: "appointment", subjectId: booking!.id, amountFen: slot.priceFen, createdAt: now }).returning();
        await tx.update(bookings).set({ paymentOrderId: order!.id }).where(eq(bookings.id, booking!.id));
      }
      const riskFlag = await checkBookingNote({ tx, services, origin: props.origin, bookingId: booking!.id, userId: actor.id, alias: await aliasOf(tx, actor.id), note: props.note });
      if (riskFlag) await tx.update(bookings).set({ riskFlag: true }).where(eq(bookings.id, booking!.id));
      await recordAudit(tx, props.origin, { action: "appointment.book", targetType: "booking", targetId: booking!.id, detail: { slotId: slot.id, amountFen: slot.priceFen, forChild: props.forChild } });
      return { booking: booking!, slot, order, riskFlag, holdExpiresAt };
    }),
  ).catch((error: unknown) => {
    if (isUniqueViolation(error)) throw ConflictError("APPOINTMENT_SLOT_TAKEN");
    throw error;
  });

  let payment: JsapiPayParams | null = null;
  if (held.order && held.holdExpiresAt) {
    try {
      if (!props.payerOpenid) throw new Error("no payer openid"); // refused above; kept for the type
      payment = await services.wechatPay.createJsapiOrder({ outTradeNo: held.order.outTradeNo, description: "心援·专家咨询预约", amountFen: held.order.amountFen, payerOpenid: props.payerOpenid, expiresAt: held.holdExpiresAt });
    } catch (error) {
      // No order at WeChat: release the slot at once rather than holding it for nobody.
      services.log.warn({ err: error, bookingId: held.booking.id }, "jsapi order failed; hold released");
      await services.db.update(bookings).set({ status: "expired", updatedAt: sql`now()` }).where(and(eq(bookings.id, held.booking.id), eq(bookings.status, "awaiting_payment")));
      await services.db.update(paymentOrders).set({ status: "closed", updatedAt: sql`now()` }).where(and(eq(paymentOrders.id, held.order.id), eq(paymentOrders.status, "created")));
      throw new AppError(502, "APPOINTMENT_PAYMENT_FAILED");
    }
  }
  return { booking: presentBooking(held.booking, held.slot), payment, riskFlag: held.riskFlag };
}

async function aliasOf(tx: DbOrTx, userId: string): Promise<string> {
  const [row] = await tx.select({ alias: appUsers.alias }).from(appUsers).where(eq(appUsers.id, userId)).limit(1);
  return row?.alias ?? "";
}
