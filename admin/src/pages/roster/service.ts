import { apiRoutes, type CoverageView, type CreateShiftBody, type HolidayView, type LeaveView, type RosterStaffView, type ShiftView } from "@xinyuan/shared";
import { call } from "../../request";

/** The duty roster page's API calls (answer types from shared/src/hotline.ts). */

export interface RosterWeek {
  shifts: ShiftView[];
  holidays: HolidayView[];
  leave: LeaveView[];
  coverage: CoverageView;
  /** Gaps from now over the coming seven days, whichever week the grid shows. */
  upcoming: CoverageView;
  staff: RosterStaffView[];
}

export async function fetchRosterWeek(from: string, to: string, fromDate: string, toDate: string): Promise<RosterWeek> {
  const [shifts, holidays, leave, coverage, upcoming, staff] = await Promise.all([
    call<typeof apiRoutes.listShifts, ShiftView[]>(apiRoutes.listShifts, { query: { from, to }, policy: "silent" }),
    call<typeof apiRoutes.listHolidays, HolidayView[]>(apiRoutes.listHolidays, { query: { from: fromDate, to: toDate }, policy: "silent" }),
    call<typeof apiRoutes.listLeave, LeaveView[]>(apiRoutes.listLeave, { query: { from, to }, policy: "silent" }),
    call<typeof apiRoutes.rosterCoverage, CoverageView>(apiRoutes.rosterCoverage, { query: { from, days: 7 }, policy: "silent" }),
    call<typeof apiRoutes.rosterCoverage, CoverageView>(apiRoutes.rosterCoverage, { query: { from: new Date().toISOString(), days: 7 }, policy: "silent" }),
    call<typeof apiRoutes.rosterStaff, RosterStaffView[]>(apiRoutes.rosterStaff, { policy: "silent" }),
  ]);
  return { shifts, holidays, leave, coverage, upcoming, staff };
}

export const createShift = (body: CreateShiftBody) => call<typeof apiRoutes.createShift, ShiftView>(apiRoutes.createShift, { body });
export const deleteShift = (id: string) => call(apiRoutes.deleteShift, { params: { id } });
export const copyWeek = (fromWeekStart: string, toWeekStart: string) => call<typeof apiRoutes.copyRosterWeek, { copied: number; skipped: number }>(apiRoutes.copyRosterWeek, { body: { fromWeekStart, toWeekStart } });
export const putHoliday = (date: string, name: string) => call<typeof apiRoutes.putHoliday, HolidayView>(apiRoutes.putHoliday, { body: { date, name } });
export const deleteHoliday = (date: string) => call(apiRoutes.deleteHoliday, { params: { date } });
export const createLeave = (body: { staffId: string; startsAt: string; endsAt: string; reason?: string }) => call<typeof apiRoutes.createLeave, LeaveView>(apiRoutes.createLeave, { body });
export const deleteLeave = (id: string) => call(apiRoutes.deleteLeave, { params: { id } });
