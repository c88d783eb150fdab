import { and, asc, eq, gt, gte, inArray, lt, lte } from "drizzle-orm";
import { apiRoutes, type CoverageView, type HolidayView, type LeaveView, type RosterStaffView, type ShiftView } from "@xinyuan/shared";
import { mountRoute, type AppRouter } from "../../../http/mountRoute";
import { AppError } from "../../../http/errors";
import { idOf } from "../../../http/routeParams";
import { originOf, recordAudit } from "../../../audit/recordAudit";
import { authorize } from "../../../access/authorize";
import { canManageRoster, canWorkHotline, isHotlineEligibleStaff } from "../../../hotline/hotlinePolicy";
import { hotlineHolidays, hotlineShifts, staff, staffLeave } from "../../../db/schema";
import type { DbOrTx } from "../../../db/database";
import type { AppContext } from "../../../http/context";
import { shiftCreator } from "../../../hotline/roster/shiftCreator";
import { rosterWeekCopier } from "../../../hotline/roster/rosterWeekCopier";
import { coverageGaps } from "../../../hotline/hotlineSchedule";

const maxLeaveMs = 90 * 86_400_000;

function manager(ctx: AppContext) {
  const actor = ctx.state.actor;
  authorize(canManageRoster(actor));
  return actor!;
}

/** Hotline counsellors read the roster; county centre admins and supervisors change it. */
function reader(ctx: AppContext) {
  authorize(canManageRoster(ctx.state.actor) || canWorkHotline(ctx.state.actor));
}

async function presentShifts(db: DbOrTx, rows: Array<typeof hotlineShifts.$inferSelect>): Promise<ShiftView[]> {
  if (rows.length === 0) return [];
  const ids = [...new Set(rows.map((row) => row.staffId))];
  const names = await db.select({ id: staff.id, name: staff.displayName }).from(staff).where(inArray(staff.id, ids));
  const leave = await db.select().from(staffLeave).where(inArray(staffLeave.staffId, ids));
  return rows.map((row) => ({
    id: row.id,
    staffId: row.staffId,
    staffName: names.find((entry) => entry.id === row.staffId)?.name ?? "",
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    note: row.note,
    onLeave: leave.some((away) => away.staffId === row.staffId && away.startsAt < row.endsAt && away.endsAt > row.startsAt),
  }));
}

/** The duty roster (值班表): shifts, copy week, holidays, leave, coverage gaps. */
export function mountRosterRoutes(router: AppRouter): void {
  mountRoute(router, apiRoutes.listShifts, async (ctx, { query }): Promise<ShiftView[]> => {
    reader(ctx);
    const rows = await ctx.services.db
      .select()
      .from(hotlineShifts)
      .where(and(lt(hotlineShifts.startsAt, new Date(query.to)), gt(hotlineShifts.endsAt, new Date(query.from))))
      .orderBy(asc(hotlineShifts.startsAt));
    return presentShifts(ctx.services.db, rows);
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
    const id = idOf(params);
    await ctx.services.db.transaction(async (tx) => {
      const [deleted] = await tx.delete(hotlineShifts).where(eq(hotlineShifts.id, id)).returning();
      if (!deleted) throw new AppError(404, "ROSTER_SHIFT_NOT_FOUND");
      await recordAudit(tx, originOf(ctx), { action: "roster.shift.delete", targetType: "hotline_shift", targetId: id, detail: { staffId: deleted.staffId, startsAt: deleted.startsAt.toISOString() } });
    });
    ctx.status = 204;
  });

  mountRoute(router, apiRoutes.copyRosterWeek, async (ctx, { body }): Promise<{ copied: number; skipped: number }> => {
    const actor = manager(ctx);
    return rosterWeekCopier({ services: ctx.services, fromWeekStart: body.fromWeekStart, toWeekStart: body.toWeekStart, createdBy: actor.id, origin: originOf(ctx) });
  });

  mountRoute(router, apiRoutes.listHolidays, async (ctx, { query }): Promise<HolidayView[]> => {
    reader(ctx);
    return ctx.services.db
      .select({ date: hotlineHolidays.date, name: hotlineHolidays.name })
      .from(hotlineHolidays)
      .where(and(gte(hotlineHolidays.date, query.from), lte(hotlineHolidays.date, query.to)))
      .orderBy(asc(hotlineHolidays.date));
  });

  mountRoute(router, apiRoutes.putHoliday, async (ctx, { body }): Promise<HolidayView> => {
    manager(ctx);
    await ctx.services.db.transaction(async (tx) => {
      await tx.insert(hotlineHolidays).values(body).onConflictDoUpdate({ target: hotlineHolidays.date, set: { name: body.name } });
      await recordAudit(tx, originOf(ctx), { action: "roster.holiday.put", targetType: "hotline_holiday", targetId: body.date, detail: { name: body.name } });
    });
    return body;
  });

  mountRoute(router, apiRoutes.deleteHoliday, async (ctx, { params }) => {
    manager(ctx);
    const date = params.date ?? "";
    await ctx.services.db.transaction(async (tx) => {
      const [deleted] = /^\d{4}-\d{2}-\d{2}$/.test(date) ? await tx.delete(hotlineHolidays).where(eq(hotlineHolidays.date, date)).returning() : [];
      if (!deleted) throw new AppError(404, "ROSTER_HOLIDAY_NOT_FOUND");
      await recordAudit(tx, originOf(ctx), { action: "roster.holiday.delete", targetType: "hotline_holiday", targetId: date });
    });
    ctx.status = 204;
  });

  mountRoute(router, apiRoutes.listLeave, async (ctx, { query }): Promise<LeaveView[]> => {
    manager(ctx);
    const rows = await ctx.services.db
      .select({ leave: staffLeave, name: staff.displayName })
      .from(staffLeave)
      .innerJoin(staff, eq(staff.id, staffLeave.staffId))
      .where(and(lt(staffLeave.startsAt, new Date(query.to)), gt(staffLeave.endsAt, new Date(query.from))))
      .orderBy(asc(staffLeave.startsAt));
    return rows.map(({ leave, name }) => ({ id: leave.id, staffId: leave.staffId, staffName: name, startsAt: leave.startsAt.toISOString(), endsAt: leave.endsAt.toISOString(), reason: leave.reason }));
  });

  mountRoute(router, apiRoutes.createLeave, async (ctx, { body }): Promise<LeaveView> => {
    const actor = manager(ctx);
    const startsAt = new Date(body.startsAt);
    const endsAt = new Date(body.endsAt);
    if (endsAt <= startsAt || endsAt.getTime() - startsAt.getTime() > maxLeaveMs) throw new AppError(400, "ROSTER_LEAVE_INVALID");
    const view = await ctx.services.db.transaction(async (tx) => {
      const [member] = await tx.select().from(staff).where(eq(staff.id, body.staffId)).limit(1);
      if (!member) throw new AppError(404, "STAFF_NOT_FOUND");
      const [row] = await tx.insert(staffLeave).values({ staffId: body.staffId, startsAt, endsAt, reason: body.reason ?? null, createdBy: actor.id }).returning();
      await recordAudit(tx, originOf(ctx), { action: "roster.leave.create", targetType: "staff_leave", targetId: row!.id, detail: { staffId: body.staffId } });
      return { id: row!.id, staffId: row!.staffId, staffName: member.displayName, startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString(), reason: row!.reason };
    });
    ctx.status = 201;
    return view;
  });

  mountRoute(router, apiRoutes.deleteLeave, async (ctx, { params }) => {
    manager(ctx);
    const id = idOf(params);
    await ctx.services.db.transaction(async (tx) => {
      const [deleted] = await tx.delete(staffLeave).where(eq(staffLeave.id, id)).returning();
      if (!deleted) throw new AppError(404, "ROSTER_LEAVE_NOT_FOUND");
      await recordAudit(tx, originOf(ctx), { action: "roster.leave.delete", targetType: "staff_leave", targetId: id, detail: { staffId: deleted.staffId } });
    });
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
    const rows = await ctx.services.db.select().from(staff).where(eq(staff.scopeLevel, "county")).orderBy(asc(staff.displayName));
    return rows.filter(isHotlineEligibleStaff).map((row) => ({ id: row.id, name: row.displayName }));
  });
}
