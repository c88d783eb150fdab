import { defineRoute } from "./contract";
import {
  callAttemptBody,
  callOutcomeBody,
  claimByNumberBody,
  copyWeekBody,
  coverageQuery,
  createLeaveBody,
  createShiftBody,
  flagTicketBody,
  holidayBody,
  holidaysQuery,
  inboundCallBody,
  joinHotlineBody,
  rangeQuery,
  transferCallBody,
} from "../hotline";

/**
 * The hotline. Callers (mini-program users with counselling consent) use /hotline/tickets; hotline
 * counsellors (county scope, role counsellor or supervisor) use /hotline/queue and /hotline/calls; the
 * board is for supervisors; the roster for county centre admins and supervisors. Each comment names
 * the answer type from shared/src/hotline.ts.
 */
export const hotlineRoutes = {
  /** HotlineStatusView. Open/closed, hours, waiting, estimate, fallback lines, bookable call-back windows. */
  hotlineStatus: defineRoute({ method: "get", path: "/hotline/status", summary: "热线是否开放、排队人数与预计等待", tag: "hotline", audience: "public" }),
  /** CallerTicketView (201). Errors: HOTLINE_CLOSED, HOTLINE_FULL, HOTLINE_ALREADY_WAITING, HOTLINE_WINDOW_INVALID, HOTLINE_WINDOW_NOT_STAFFED, HOTLINE_NOTIFY_FAILED, CONSENT_REQUIRED… */
  joinHotline: defineRoute({ method: "post", path: "/hotline/tickets", summary: "排队：请老师回电 / 我来拨打热线", tag: "hotline", audience: "user", body: joinHotlineBody }),
  /** { ticket: CallerTicketView | null }: the active ticket, or the latest one closed in the last day. Resync after reconnect. */
  currentHotlineTicket: defineRoute({ method: "get", path: "/hotline/tickets/current", summary: "我当前的排队", tag: "hotline", audience: "user" }),
  /** CallerTicketView (own tickets only; 404 otherwise). */
  getHotlineTicket: defineRoute({ method: "get", path: "/hotline/tickets/:id", summary: "我的排队详情", tag: "hotline", audience: "user" }),
  /** CallerTicketView. Cancel at any time while waiting or claimed; idempotent. */
  cancelHotlineTicket: defineRoute({ method: "post", path: "/hotline/tickets/:id/cancel", summary: "取消排队", tag: "hotline", audience: "user" }),

  /** HotlineQueueView */
  hotlineQueue: defineRoute({ method: "get", path: "/hotline/queue", summary: "热线队列", tag: "hotline", audience: "staff", roles: ["counsellor", "supervisor", "centre_admin"] }),
  /** HotlineCallView (claimed atomically). Errors: HOTLINE_QUEUE_EMPTY, HOTLINE_ALREADY_ON_CALL, HOTLINE_NOT_ON_DUTY, HOTLINE_STAFF_ON_LEAVE. */
  claimNextCaller: defineRoute({ method: "post", path: "/hotline/calls/next", summary: "接听下一位", tag: "hotline", audience: "staff", roles: ["counsellor", "supervisor"] }),
  /** HotlineCallView: claim the ticket a caller quotes on the phone. */
  claimCallerByNumber: defineRoute({ method: "post", path: "/hotline/calls/by-number", summary: "按排队号接起来电", tag: "hotline", audience: "staff", roles: ["counsellor", "supervisor"], body: claimByNumberBody }),
  /** { call: HotlineCallView | null }: my claimed call (resync). */
  myHotlineCall: defineRoute({ method: "get", path: "/hotline/calls/mine", summary: "我正在处理的来电", tag: "hotline", audience: "staff", roles: ["counsellor", "supervisor"] }),
  /** HotlineCallView: claimant or supervisor. */
  getHotlineCall: defineRoute({ method: "get", path: "/hotline/calls/:id", summary: "来电详情", tag: "hotline", audience: "staff", roles: ["counsellor", "supervisor"] }),
  /** { phone }: claimant only, while claimed; every reveal audited (callback.phone.reveal). */
  revealCallerPhone: defineRoute({ method: "post", path: "/hotline/calls/:id/phone", summary: "查看回拨号码（审计）", tag: "hotline", audience: "staff", roles: ["counsellor", "supervisor"] }),
  /** ContactRecordView[]: earlier contacts by the same alias (claimant or supervisor; audited). */
  hotlineCallHistory: defineRoute({ method: "get", path: "/hotline/calls/:id/history", summary: "同一别名的既往来电记录", tag: "hotline", audience: "staff", roles: ["counsellor", "supervisor"] }),
  /** HotlineQueueEntryView: back to the queue, keeping the caller's place. */
  releaseHotlineCall: defineRoute({ method: "post", path: "/hotline/calls/:id/release", summary: "放回队列（保留原位置）", tag: "hotline", audience: "staff", roles: ["counsellor", "supervisor"] }),
  /** HotlineQueueEntryView: to an available colleague. */
  transferHotlineCall: defineRoute({ method: "post", path: "/hotline/calls/:id/transfer", summary: "转给同事", tag: "hotline", audience: "staff", roles: ["counsellor", "supervisor"], body: transferCallBody }),
  /** HotlineQueueEntryView: no answer (retry later, then missed after N attempts) or wrong number. */
  recordCallAttempt: defineRoute({ method: "post", path: "/hotline/calls/:id/attempts", summary: "记录回拨未接通 / 号码有误", tag: "hotline", audience: "staff", roles: ["counsellor", "supervisor"], body: callAttemptBody }),
  /** { ticket: HotlineQueueEntryView, contactRecordId }: reached; writes the contact record. */
  recordCallOutcome: defineRoute({ method: "post", path: "/hotline/calls/:id/outcome", summary: "记录通话结果", tag: "hotline", audience: "staff", roles: ["counsellor", "supervisor"], body: callOutcomeBody }),
  /** HotlineQueueEntryView: a risk flag jumps the queue. */
  flagHotlineTicket: defineRoute({ method: "post", path: "/hotline/calls/:id/priority", summary: "标记 / 取消优先（风险）", tag: "hotline", audience: "staff", roles: ["counsellor", "supervisor"], body: flagTicketBody }),
  /** { contactRecordId } (201): a call that came in without a ticket. */
  logInboundCall: defineRoute({ method: "post", path: "/hotline/inbound-calls", summary: "登记无排队号的来电", tag: "hotline", audience: "staff", roles: ["counsellor", "supervisor"], body: inboundCallBody }),
  /** HotlineBoardView: supervisors and centre admins. */
  hotlineBoard: defineRoute({ method: "get", path: "/hotline/board", summary: "热线实时看板", tag: "hotline", audience: "staff", roles: ["supervisor", "centre_admin"] }),

  /** ShiftView[] overlapping [from, to). */
  listShifts: defineRoute({ method: "get", path: "/hotline/roster/shifts", summary: "值班表（按时间段）", tag: "roster", audience: "staff", roles: ["counsellor", "supervisor", "centre_admin"], query: rangeQuery }),
  /** ShiftView (201). Errors: ROSTER_SHIFT_INVALID, ROSTER_SHIFT_OVERLAP, ROSTER_STAFF_NOT_ELIGIBLE. */
  createShift: defineRoute({ method: "post", path: "/hotline/roster/shifts", summary: "新增班次", tag: "roster", audience: "staff", roles: ["supervisor", "centre_admin"], body: createShiftBody }),
  deleteShift: defineRoute({ method: "delete", path: "/hotline/roster/shifts/:id", summary: "删除班次", tag: "roster", audience: "staff", roles: ["supervisor", "centre_admin"] }),
  /** { copied, skipped } */
  copyRosterWeek: defineRoute({ method: "post", path: "/hotline/roster/copy-week", summary: "复制一周排班", tag: "roster", audience: "staff", roles: ["supervisor", "centre_admin"], body: copyWeekBody }),
  /** HolidayView[] */
  listHolidays: defineRoute({ method: "get", path: "/hotline/roster/holidays", summary: "节假日", tag: "roster", audience: "staff", roles: ["counsellor", "supervisor", "centre_admin"], query: holidaysQuery }),
  /** HolidayView (upsert by date). */
  putHoliday: defineRoute({ method: "put", path: "/hotline/roster/holidays", summary: "设置节假日", tag: "roster", audience: "staff", roles: ["supervisor", "centre_admin"], body: holidayBody }),
  deleteHoliday: defineRoute({ method: "delete", path: "/hotline/roster/holidays/:date", summary: "删除节假日", tag: "roster", audience: "staff", roles: ["supervisor", "centre_admin"] }),
  /** LeaveView[] overlapping [from, to). */
  listLeave: defineRoute({ method: "get", path: "/hotline/roster/leave", summary: "请假记录", tag: "roster", audience: "staff", roles: ["supervisor", "centre_admin"], query: rangeQuery }),
  /** LeaveView (201). A counsellor on leave is never routed callers. */
  createLeave: defineRoute({ method: "post", path: "/hotline/roster/leave", summary: "登记请假", tag: "roster", audience: "staff", roles: ["supervisor", "centre_admin"], body: createLeaveBody }),
  deleteLeave: defineRoute({ method: "delete", path: "/hotline/roster/leave/:id", summary: "撤销请假", tag: "roster", audience: "staff", roles: ["supervisor", "centre_admin"] }),
  /** CoverageView: gaps in the coming week's staffed hours. */
  rosterCoverage: defineRoute({ method: "get", path: "/hotline/roster/coverage", summary: "未来一周值班空档", tag: "roster", audience: "staff", roles: ["counsellor", "supervisor", "centre_admin"], query: coverageQuery }),
  /** RosterStaffView[]: who can be rostered. */
  rosterStaff: defineRoute({ method: "get", path: "/hotline/roster/staff", summary: "可排班的咨询师", tag: "roster", audience: "staff", roles: ["counsellor", "supervisor", "centre_admin"] }),
} as const;
