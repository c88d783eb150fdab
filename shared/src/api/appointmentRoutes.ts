import { defineRoute } from "./contract";
import { attendanceBody, bookSlotBody, dayListQuery, listSlotsQuery } from "../appointments";

const dayStaff = ["counsellor", "supervisor", "centre_admin", "expert"] as const;

/**
 * Appointments: students and parents book counselling-room and expert slots (paid ones by parent
 * accounts only, through WeChat Pay); staff see their day and mark attended / no-show.
 */
export const appointmentRoutes = {
  /** SlotView[] */
  listAppointmentSlots: defineRoute({ method: "get", path: "/appointments/slots", summary: "可预约的时间", tag: "appointments", audience: "user", query: listSlotsQuery }),
  /** BookingResultView (201). Errors: APPOINTMENT_SLOT_TAKEN, APPOINTMENT_SLOT_UNAVAILABLE, APPOINTMENT_MINOR_CANNOT_PAY, APPOINTMENT_PAYMENT_FAILED, CONSENT_REQUIRED… */
  bookAppointment: defineRoute({ method: "post", path: "/appointments/bookings", summary: "预约", tag: "appointments", audience: "user", body: bookSlotBody }),
  /** BookingView[] (own only) */
  myAppointments: defineRoute({ method: "get", path: "/appointments/bookings", summary: "我的预约", tag: "appointments", audience: "user" }),
  /** { booking: BookingView, refund: "full" | "none" }. Errors: APPOINTMENT_NOT_CANCELLABLE. */
  cancelAppointment: defineRoute({ method: "post", path: "/appointments/bookings/:id/cancel", summary: "取消预约", tag: "appointments", audience: "user" }),
  /** DayListEntry[]: the slots the staff member works that day. */
  appointmentDayList: defineRoute({ method: "get", path: "/appointments/day", summary: "当天的预约", tag: "appointments", audience: "staff", roles: dayStaff, query: dayListQuery }),
  /** DayListEntry */
  markAppointmentAttendance: defineRoute({ method: "post", path: "/appointments/bookings/:id/attendance", summary: "标记到访 / 未到", tag: "appointments", audience: "staff", roles: dayStaff, body: attendanceBody }),
} as const;
