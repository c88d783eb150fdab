import { apiRoutes, type DayListEntry } from "@xinyuan/shared";
import { call } from "../../request";

/** The day list page's API calls (answer types from shared/src/appointments.ts). */
export const fetchDayList = (day: string) => call<typeof apiRoutes.appointmentDayList, DayListEntry[]>(apiRoutes.appointmentDayList, { query: { day }, policy: "silent" });
export const markAttendance = (id: string, outcome: "attended" | "no_show") =>
  call<typeof apiRoutes.markAppointmentAttendance, DayListEntry>(apiRoutes.markAppointmentAttendance, { params: { id }, body: { outcome }, policy: "notification" });
