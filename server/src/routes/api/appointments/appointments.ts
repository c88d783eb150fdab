import { apiRoutes, type BookingResultView, type BookingView, type DayListEntry, type SlotView } from "@xinyuan/shared";
import { mountRoute, type AppRouter } from "../../../http/mountRoute";
import { idOf } from "../../../http/routeParams";
import { originOf } from "../../../audit/recordAudit";
import { userActorOf } from "../../../auth/userActorOf";
import { staffActorOf } from "../../../auth/staffActorOf";
import { slotBooker } from "../../../appointments/slotBooker";
import { bookingCanceller } from "../../../appointments/bookingCanceller";
import { attendanceMarker } from "../../../appointments/attendanceMarker";
import { dayList, listOpenSlots, listOwnBookings } from "../../../appointments/appointmentViews";

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
}
