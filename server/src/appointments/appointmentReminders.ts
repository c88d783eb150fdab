import { and, eq, gt, isNotNull, isNull, lte, sql } from "drizzle-orm";
import { subscribeMessagePage, type AppointmentReminderBody } from "@xinyuan/shared";
import type { Services } from "../services";
import type { UserActor } from "../auth/actor";
import { appointmentSlots, bookings, counsellingRooms, experts } from "../db/schema";
import { AppError, NotFoundError } from "../http/errors";
import { verifiedOpenid } from "../wechat/verifiedOpenid";
import { countyDateTimeOf } from "../hotline/countyTime";
import { requireOwnBooking } from "./appointmentPolicy";
import { sealed } from "../crypto/sealedColumns";

const remindable = ["confirmed", "paid", "awaiting_payment"];

/**
 * Arms the one reminder of a booking: the booker accepted the template in wx.requestSubscribeMessage
 * (one acceptance = one message, WeChat's one-time quota), and a fresh wx.login code proves the openid is
 * this account's. The openid is kept encrypted on the booking until the reminder goes, then erased.
 */
export async function appointmentReminderArmer(props: { services: Services; actor: UserActor; bookingId: string; input: AppointmentReminderBody }): Promise<{ armed: true }> {
  const { services } = props;
  const [booking] = await services.db.select().from(bookings).where(eq(bookings.id, props.bookingId)).limit(1);
  if (!booking) throw NotFoundError();
  requireOwnBooking(props.actor, booking);
  if (!remindable.includes(booking.status) || booking.remindedAt) throw new AppError(409, "APPOINTMENT_NOT_REMINDABLE");
  const openid = await verifiedOpenid(services, props.actor.id, props.input.code, "APPOINTMENT_REMINDER_FAILED");
  const [armed] = await services.db
    .update(bookings)
    .set({ remindOpenidEnc: services.cipher.encrypt(openid, sealed.bookingRemindOpenid.at(booking)), updatedAt: sql`now()` })
    .where(and(eq(bookings.id, booking.id), isNull(bookings.remindedAt), sql`${bookings.status} IN ('confirmed', 'paid', 'awaiting_payment')`))
    .returning({ id: bookings.id });
  if (!armed) throw new AppError(409, "APPOINTMENT_NOT_REMINDABLE");
  return { armed: true };
}

export interface ReminderCounts {
  sent: number;
  /** WeChat refused: the acceptance was used up or withdrawn (errcode 43101); not retried. */
  noQuota: number;
  failed: number;
}

/**
 * Sends the reminders now due: sessions starting within APPOINTMENT_REMINDER_HOURS, confirmed or paid,
 * with an armed address and no reminder yet. Each booking is claimed (reminded_at set, address erased)
 * in one transaction with FOR UPDATE SKIP LOCKED, so however many processes run it goes at most once;
 * the message is sent after the commit. It carries the time and the place, never the note.
 */
export async function sendDueAppointmentReminders(services: Services): Promise<ReminderCounts> {
  const counts: ReminderCounts = { sent: 0, noQuota: 0, failed: 0 };
  const now = services.clock.now();
  const until = new Date(now.getTime() + services.config.appointments.reminderHours * 3600_000);
  const claimed = await services.db.transaction(async (tx) => {
    const due = await tx
      .select({ id: bookings.id, enc: bookings.remindOpenidEnc, startsAt: appointmentSlots.startsAt, mode: appointmentSlots.mode, roomName: counsellingRooms.name, roomLocation: counsellingRooms.location, expertName: experts.name })
      .from(bookings)
      .innerJoin(appointmentSlots, eq(appointmentSlots.id, bookings.slotId))
      .leftJoin(counsellingRooms, eq(counsellingRooms.id, appointmentSlots.roomId))
      .leftJoin(experts, eq(experts.id, appointmentSlots.expertId))
      .where(and(isNull(bookings.remindedAt), isNotNull(bookings.remindOpenidEnc), sql`${bookings.status} IN ('confirmed', 'paid')`, gt(appointmentSlots.startsAt, now), lte(appointmentSlots.startsAt, until)))
      .limit(50)
      .for("update", { of: bookings, skipLocked: true });
    for (const row of due) await tx.update(bookings).set({ remindedAt: now, remindOpenidEnc: null }).where(eq(bookings.id, row.id));
    return due;
  });
  for (const row of claimed) {
    const place = row.mode === "online" ? "线上（到时在小程序里进入）" : row.roomName ? `${row.roomName}${row.roomLocation ? `（${row.roomLocation}）` : ""}` : "见预约详情";
    try {
      await services.wechat.sendSubscribeMessage({
        toOpenid: services.cipher.decrypt(row.enc!, sealed.bookingRemindOpenid.at(row)),
        templateId: services.config.appointments.reminderTemplate,
        page: subscribeMessagePage("appointments", { booking: row.id }),
        data: {
          thing1: { value: row.expertName ? `和${row.expertName}的预约` : "你的预约" },
          time2: { value: countyDateTimeOf(row.startsAt) },
          thing3: { value: place.slice(0, 20) },
          thing4: { value: "快到时间了，去不了可在小程序取消" },
        },
      });
      counts.sent += 1;
    } catch (error) {
      const errcode = error instanceof AppError ? (error.details as { errcode?: number } | undefined)?.errcode : undefined;
      if (errcode === 43101) counts.noQuota += 1;
      else counts.failed += 1;
      services.log.warn({ err: error, bookingId: row.id, errcode }, "appointment reminder not sent (not retried: one acceptance, one try)");
    }
  }
  return counts;
}
