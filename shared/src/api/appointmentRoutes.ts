import { defineRoute } from "./contract";
import { appointmentReminderBody, attendanceBody, bookSlotBody, dayListQuery, expertBody, listSlotsQuery, managedSlotsQuery, roomBody, roomsQuery } from "../appointments";
import { contactRecordBody } from "../contacts";

const dayStaff = ["counsellor", "supervisor", "centre_admin", "expert"] as const;
/** Who sets up rooms, experts and their hours, and sees the payment reconciliation. */
const managers = ["supervisor", "centre_admin"] as const;

/**
 * Appointments: students and parents book counselling-room and expert slots (paid ones by parent
 * accounts only, through WeChat Pay); staff see their day and mark attended / no-show.
 */
export const appointmentRoutes = {
  /** SlotView[] */
  listAppointmentSlots: defineRoute({ method: "get", path: "/appointments/slots", summary: "可预约的时间", tag: "appointments", audience: "user", query: listSlotsQuery }),
  /** BookingResultView (201). Errors: APPOINTMENT_SLOT_TAKEN, APPOINTMENT_SLOT_UNAVAILABLE, APPOINTMENT_MINOR_CANNOT_PAY, APPOINTMENT_PAYER_MISSING (400, a paid slot without wechatCode), APPOINTMENT_PAYMENT_FAILED, CONSENT_REQUIRED… */
  bookAppointment: defineRoute({ method: "post", path: "/appointments/bookings", summary: "预约", tag: "appointments", audience: "user", body: bookSlotBody }),
  /** BookingView[] (own only) */
  myAppointments: defineRoute({ method: "get", path: "/appointments/bookings", summary: "我的预约", tag: "appointments", audience: "user" }),
  /** { booking: BookingView, refund: "full" | "none" }. Errors: APPOINTMENT_NOT_CANCELLABLE. */
  cancelAppointment: defineRoute({ method: "post", path: "/appointments/bookings/:id/cancel", summary: "取消预约", tag: "appointments", audience: "user" }),
  /** DayListEntry[]: the slots the staff member works that day. */
  appointmentDayList: defineRoute({ method: "get", path: "/appointments/day", summary: "当天的预约", tag: "appointments", audience: "staff", roles: dayStaff, query: dayListQuery }),
  /** DayListEntry */
  markAppointmentAttendance: defineRoute({ method: "post", path: "/appointments/bookings/:id/attendance", summary: "标记到访 / 未到", tag: "appointments", audience: "staff", roles: dayStaff, body: attendanceBody }),
  /** { recordId, caseId }: the session record, into the same contact records as calls and chats. Errors: APPOINTMENT_NOT_ATTENDED, APPOINTMENT_ALREADY_RECORDED. */
  recordAppointmentSession: defineRoute({ method: "post", path: "/appointments/bookings/:id/record", summary: "填写面询记录", tag: "appointments", audience: "staff", roles: dayStaff, body: contactRecordBody }),
  /** BookingDirectoryView: my school's rooms and the experts (mini-program). */
  appointmentDirectory: defineRoute({ method: "get", path: "/appointments/directory", summary: "可预约的辅导室和专家", tag: "appointments", audience: "user" }),
  /** { armed: true }. Errors: APPOINTMENT_NOT_REMINDABLE, APPOINTMENT_REMINDER_FAILED. */
  remindMeOfAppointment: defineRoute({ method: "post", path: "/appointments/bookings/:id/reminder", summary: "开始前用微信提醒我（一次）", tag: "appointments", audience: "user", body: appointmentReminderBody }),
  /** AppointmentStatusView: payments on/off and why, recent reconciliations. */
  appointmentStatus: defineRoute({ method: "get", path: "/appointments/status", summary: "预约服务状态（支付、对账）", tag: "appointments", audience: "staff", roles: dayStaff }),
  /** RoomView[] */
  listCounsellingRooms: defineRoute({ method: "get", path: "/appointments/rooms", summary: "心理辅导室", tag: "appointments", audience: "staff", roles: managers, query: roomsQuery }),
  /** RoomView (201) */
  createCounsellingRoom: defineRoute({ method: "post", path: "/appointments/rooms", summary: "新建心理辅导室", tag: "appointments", audience: "staff", roles: managers, body: roomBody }),
  /** RoomView */
  updateCounsellingRoom: defineRoute({ method: "put", path: "/appointments/rooms/:id", summary: "修改心理辅导室", tag: "appointments", audience: "staff", roles: managers, body: roomBody }),
  /** ExpertView[] */
  listExperts: defineRoute({ method: "get", path: "/appointments/experts", summary: "专家", tag: "appointments", audience: "staff", roles: managers }),
  /** ExpertView (201) */
  createExpert: defineRoute({ method: "post", path: "/appointments/experts", summary: "新建专家", tag: "appointments", audience: "staff", roles: managers, body: expertBody }),
  /** ExpertView */
  updateExpert: defineRoute({ method: "put", path: "/appointments/experts/:id", summary: "修改专家", tag: "appointments", audience: "staff", roles: managers, body: expertBody }),
  /** ManagedSlotView[]: the next 14 days of one room's or expert's slots. */
  listManagedSlots: defineRoute({ method: "get", path: "/appointments/managed-slots", summary: "时段", tag: "appointments", audience: "staff", roles: managers, query: managedSlotsQuery }),
} as const;
