import { apiRoutes, type CoverageView, type HolidayView, type LeaveView, type RosterStaffView, type ShiftView } from "@xinyuan/shared";
import { mountRoute, type AppRouter } from "../../../http/mountRoute";
import { idOf } from "../../../http/routeParams";
import { originOf } from "../../../audit/recordAudit";
import { authorize } from "../../../access/authorize";
import { canManageRoster, canWorkHotline } from "../../../hotline/hotlinePolicy";
import type { AppContext } from "../../../http/context";
import { shiftCreator } from "../../../hotline/roster/shiftCreator";
import { rosterWeekCopier } from "../../../hotline/roster/rosterWeekCopier";
import { holidayDeleter, holidaySetter, leaveCreator, leaveDeleter, shiftDeleter } from "../../../hotline/roster/rosterEditor";
import { holidaysBetween, leaveBetween, rosterStaff, shiftsBetween } from "../../../hotline/roster/rosterViews";
import { presentLeave, presentShifts } from "../../../hotline/roster/presentShift";
import { coverageGaps } from "../../../hotline/hotlineSchedule";

function manager(ctx: AppContext) {
  const actor = ctx.state.actor;
  authorize(canManageRoster(actor));
  return actor!;
}

/** Hotline counsellors read the roster; county centre admins and supervisors change it. */
function reader(ctx: AppContext) {
  authorize(canManageRoster(ctx.state.actor) || canWorkHotline(ctx.state.actor));
}

/** The duty roster (值班表): shifts, copy week, holidays, leave, coverage gaps. */
export function mountRosterRoutes(router: AppRouter): void {
  mountRoute(router, apiRoutes.listShifts, async (ctx, { query }): Promise<ShiftView[]> => {
    reader(ctx);
    return presentShifts(ctx.services.db, await shiftsBetween(ctx.services.db, new Date(query.from), new Date(query.to)));
  });

  mountRoute(router, apiRoutes.createShift, async (ctx, { body }): Promise<ShiftView> => {
    const actor = manager(ctx);
    const { row } = await ctx.services.db.transaction((tx) =>
      shiftCreator({ tx, staffId: body.staffId, startsAt: new Date(body.startsAt), endsAt: new Date(body.endsAt), note: body.note ?? null, createdBy: actor.id, origin: originOf(ctx) }),
    );
    ctx.status = 201;
    return (await presentShifts(ctx.services.db, [row]))[0]!;
  });

  mountRoute(router, apiRoutes.deleteShift, async (ctx, { params }) => {
    manager(ctx);
    const shiftId = idOf(params);
    await shiftDeleter({ services: ctx.services, shiftId, origin: originOf(ctx) });
    ctx.status = 204;
  });

  mountRoute(router, apiRoutes.copyRosterWeek, async (ctx, { body }): Promise<{ copied: number; skipped: number }> => {
    const actor = manager(ctx);
    return rosterWeekCopier({ services: ctx.services, fromWeekStart: body.fromWeekStart, toWeekStart: body.toWeekStart, createdBy: actor.id, origin: originOf(ctx) });
  });

  mountRoute(router, apiRoutes.listHolidays, async (ctx, { query }): Promise<HolidayView[]> => {
    reader(ctx);
    return holidaysBetween(ctx.services.db, query.from, query.to);
  });

  mountRoute(router, apiRoutes.putHoliday, async (ctx, { body }): Promise<HolidayView> => {
    manager(ctx);
    return holidaySetter({ services: ctx.services, holiday: body, origin: originOf(ctx) });
  });

  mountRoute(router, apiRoutes.deleteHoliday, async (ctx, { params }) => {
    manager(ctx);
    await holidayDeleter({ services: ctx.services, date: params.date ?? "", origin: originOf(ctx) });
    ctx.status = 204;
  });

  mountRoute(router, apiRoutes.listLeave, async (ctx, { query }): Promise<LeaveView[]> => {
    manager(ctx);
    return (await leaveBetween(ctx.services.db, new Date(query.from), new Date(query.to))).map(({ leave, name }) => presentLeave(leave, name));
  });

  mountRoute(router, apiRoutes.createLeave, async (ctx, { body }): Promise<LeaveView> => {
    const actor = manager(ctx);
    const { row, staffName } = await leaveCreator({ services: ctx.services, input: body, createdBy: actor.id, origin: originOf(ctx) });
    ctx.status = 201;
    return presentLeave(row, staffName);
  });

  mountRoute(router, apiRoutes.deleteLeave, async (ctx, { params }) => {
    manager(ctx);
    const leaveId = idOf(params);
    await leaveDeleter({ services: ctx.services, leaveId, origin: originOf(ctx) });
    ctx.status = 204;
  });

  mountRoute(router, apiRoutes.rosterCoverage, async (ctx, { query }): Promise<CoverageView> => {
    reader(ctx);
    const { config, clock, db } = ctx.services;
    const result = await coverageGaps(db, config.hotline, query.from ? new Date(query.from) : clock.now(), query.days);
    return { from: result.from.toISOString(), to: result.to.toISOString(), serviceHours: config.hotline.serviceHours, gaps: result.gaps, holidays: result.holidays };
  });

  mountRoute(router, apiRoutes.rosterStaff, async (ctx): Promise<RosterStaffView[]> => {
    reader(ctx);
    return rosterStaff(ctx.services.db);
  });
}
