import { apiRoutes, type AppointmentStatusView, type BookingDirectoryView, type BookingResultView, type BookingView, type DayListEntry, type ExpertView, type ManagedSlotView, type RoomView, type SlotView } from "@xinyuan/shared";
import { mountRoute, type AppRouter } from "../../../http/mountRoute";
import { idOf } from "../../../http/routeParams";
import { originOf } from "../../../audit/recordAudit";
import { userActorOf } from "../../../auth/userActorOf";
import { staffActorOf } from "../../../auth/staffActorOf";
import { slotBooker } from "../../../appointments/slotBooker";
import { bookingCanceller } from "../../../appointments/bookingCanceller";
import { attendanceMarker } from "../../../appointments/attendanceMarker";
import { bookingDirectory, dayList, listOpenSlots, listOwnBookings } from "../../../appointments/appointmentViews";
import { sessionRecorder } from "../../../appointments/sessionRecorder";
import { appointmentReminderArmer } from "../../../appointments/appointmentReminders";
import { expertSaver, listExpertRows, listManagedSlots, listRooms, roomSaver } from "../../../appointments/appointmentSetup";
import { recentReconciliations } from "../../../payments/paymentReconciler";

/** Booking (students, parents) and the day list (staff). Thin: validate, who asks, command, present. */
export function mountAppointmentRoutes(router: AppRouter): void {
  mountRoute(router, apiRoutes.listAppointmentSlots, async (ctx, { query }): Promise<SlotView[]> => {
    userActorOf(ctx);
    return listOpenSlots({ services: ctx.services, schoolId: query.schoolId, expertId: query.expertId });
  });

  mountRoute(
    router,
    apiRoutes.bookAppointment,
    async (ctx, { body }): Promise<BookingResultView> => {
      const actor = userActorOf(ctx);
      const payerOpenid = body.wechatCode ? (await ctx.services.wechat.code2Session(body.wechatCode)).openid : undefined;
      const result = await slotBooker({ services: ctx.services, actor, slotId: body.slotId, note: body.note ?? null, forChild: body.forChild, payerOpenid, origin: originOf(ctx) });
      ctx.status = 201;
      return result;
    },
    { rateLimit: { name: "appointment-book", limit: 20, windowSeconds: 60 } },
  );

  mountRoute(router, apiRoutes.myAppointments, async (ctx): Promise<BookingView[]> => listOwnBookings({ services: ctx.services, actor: userActorOf(ctx) }));

  mountRoute(router, apiRoutes.cancelAppointment, async (ctx, { params }) =>
    bookingCanceller({ services: ctx.services, actor: userActorOf(ctx), bookingId: idOf(params), origin: originOf(ctx) }),
  );

  mountRoute(router, apiRoutes.appointmentDayList, async (ctx, { query }): Promise<DayListEntry[]> => dayList({ services: ctx.services, actor: staffActorOf(ctx), day: query.day }));

  mountRoute(router, apiRoutes.markAppointmentAttendance, async (ctx, { params, body }): Promise<DayListEntry> =>
    attendanceMarker({ services: ctx.services, actor: staffActorOf(ctx), bookingId: idOf(params), outcome: body.outcome, origin: originOf(ctx) }),
  );

  mountRoute(router, apiRoutes.recordAppointmentSession, async (ctx, { params, body }) => {
    const result = await sessionRecorder({ services: ctx.services, actor: staffActorOf(ctx), bookingId: idOf(params), body, origin: originOf(ctx) });
    ctx.status = 201;
    return result;
  });

  mountRoute(router, apiRoutes.appointmentDirectory, async (ctx): Promise<BookingDirectoryView> => bookingDirectory({ services: ctx.services, actor: userActorOf(ctx) }));

  mountRoute(router, apiRoutes.remindMeOfAppointment, async (ctx, { params, body }) => appointmentReminderArmer({ services: ctx.services, actor: userActorOf(ctx), bookingId: idOf(params), input: body }));

  mountRoute(router, apiRoutes.appointmentStatus, async (ctx): Promise<AppointmentStatusView> => {
    staffActorOf(ctx);
    const rows = await recentReconciliations(ctx.services);
    return {
      paymentsEnabled: ctx.services.config.wechatPay.enabled,
      paymentsOffReason: ctx.services.config.wechatPay.offReason,
      reconciliations: rows.map((row) => ({ billDate: row.billDate, status: row.status as "matched" | "mismatched" | "failed", billRows: row.billRows, mismatches: row.mismatches, error: row.error, checkedAt: row.checkedAt.toISOString() })),
    };
  });

  mountRoute(router, apiRoutes.listCounsellingRooms, async (ctx, { query }): Promise<RoomView[]> => {
    staffActorOf(ctx);
    return listRooms({ services: ctx.services, schoolId: query.schoolId });
  });
  mountRoute(router, apiRoutes.createCounsellingRoom, async (ctx, { body }): Promise<RoomView> => {
    staffActorOf(ctx);
    const room = await roomSaver({ services: ctx.services, roomId: null, input: body, origin: originOf(ctx) });
    ctx.status = 201;
    return room;
  });
  mountRoute(router, apiRoutes.updateCounsellingRoom, async (ctx, { params, body }): Promise<RoomView> => {
    staffActorOf(ctx);
    return roomSaver({ services: ctx.services, roomId: idOf(params), input: body, origin: originOf(ctx) });
  });
  mountRoute(router, apiRoutes.listExperts, async (ctx): Promise<ExpertView[]> => {
    staffActorOf(ctx);
    return listExpertRows(ctx.services);
  });
  mountRoute(router, apiRoutes.createExpert, async (ctx, { body }): Promise<ExpertView> => {
    staffActorOf(ctx);
    const expert = await expertSaver({ services: ctx.services, expertId: null, input: body, origin: originOf(ctx) });
    ctx.status = 201;
    return expert;
  });
  mountRoute(router, apiRoutes.updateExpert, async (ctx, { params, body }): Promise<ExpertView> => {
    staffActorOf(ctx);
    return expertSaver({ services: ctx.services, expertId: idOf(params), input: body, origin: originOf(ctx) });
  });
  mountRoute(router, apiRoutes.listManagedSlots, async (ctx, { query }): Promise<ManagedSlotView[]> => {
    staffActorOf(ctx);
    return listManagedSlots({ services: ctx.services, roomId: query.roomId, expertId: query.expertId });
  });
}
