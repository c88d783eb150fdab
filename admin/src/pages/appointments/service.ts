import { apiRoutes, type AppointmentStatusView, type ContactRecordBody, type DayListEntry } from "@xinyuan/shared";
import { call } from "../../request";

/** The day list page's API calls (answer types from shared/src/appointments.ts). */
export const fetchDayList = (day: string) => call<typeof apiRoutes.appointmentDayList, DayListEntry[]>(apiRoutes.appointmentDayList, { query: { day }, policy: "silent" });
export const markAttendance = (id: string, outcome: "attended" | "no_show") =>
  call<typeof apiRoutes.markAppointmentAttendance, DayListEntry>(apiRoutes.markAppointmentAttendance, { params: { id }, body: { outcome }, policy: "notification" });
export const recordSession = (id: string, body: ContactRecordBody) =>
  call<typeof apiRoutes.recordAppointmentSession, { recordId: string; caseId: string | null }>(apiRoutes.recordAppointmentSession, { params: { id }, body, policy: "notification" });
export const fetchAppointmentStatus = () => call<typeof apiRoutes.appointmentStatus, AppointmentStatusView>(apiRoutes.appointmentStatus, { policy: "silent" });
