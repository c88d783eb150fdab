/**
 * 心理援助热线: the queue callers join from WeChat (a call-back request or "I'll call the hotline"),
 * counsellors claiming the next caller, call outcomes, and the duty roster behind the opening hours.
 *
 * Lifecycle of a ticket: waiting -> claimed -> completed | missed | invalid, with
 * claimed -> waiting again on release, a "no answer" attempt (retry later, keeping the caller's place)
 * or a stale claim (the counsellor went away), and waiting | claimed -> cancelled by the caller.
 */
import { z } from "zod";
import { contactRecordBody } from "./contacts";
import { isoDateTime, isoDay, uuid } from "./schemas/common";

export const hotlineTicketKinds = ["callback", "inbound"] as const;
export type HotlineTicketKind = (typeof hotlineTicketKinds)[number];
export const hotlineTicketKindLabels: Record<HotlineTicketKind, string> = { callback: "请老师回电", inbound: "我来拨打热线" };

export const hotlineTicketStatuses = ["waiting", "claimed", "completed", "missed", "cancelled", "invalid"] as const;
export type HotlineTicketStatus = (typeof hotlineTicketStatuses)[number];
export const hotlineTicketStatusLabels: Record<HotlineTicketStatus, string> = {
  waiting: "排队中",
  claimed: "老师已接起",
  completed: "已完成",
  missed: "未能联系上",
  cancelled: "已取消",
  invalid: "号码有误",
};

/** The subscribe-message templates a caller may opt into (WeChat one-time subscriptions, one message each). */
export const hotlineNotifyTemplates = ["call_soon", "missed"] as const;
export type HotlineNotifyTemplate = (typeof hotlineNotifyTemplates)[number];

/**
 * A number as people type it ("138 0013 8000", "+86 138-0013-8000", "(0818)7362000", full-width digits)
 * in the one form the server accepts: a mobile as 11 digits, a landline as area code, hyphen, number.
 */
export function normalisePhoneNumber(raw: string): string {
  const text = raw.normalize("NFKC").replace(/[\s()（）]/g, "").replace(/^\+?86-?(?=1)/, "");
  if (/^1[\d-]+$/.test(text)) return text.replace(/-/g, "");
  // 010 and 02x are three-digit area codes (Beijing, Shanghai, Tianjin, Chongqing, 020–029); the rest have four.
  if (/^0(10|2\d)/.test(text)) return text.replace(/^(0\d{2})-?(\d{7,8})$/, "$1-$2");
  return text.replace(/^(0\d{3})-?(\d{7,8})$/, "$1-$2");
}

/** Mainland mobile (11 digits from 1) or a landline with area code. */
export const phoneNumber = z
  .string()
  .trim()
  .regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/, { error: "请填写正确的手机号或带区号的固定电话" });

/** POST /hotline/tickets */
export const joinHotlineBody = z
  .object({
    kind: z.enum(hotlineTicketKinds),
    /** Call-back only: encrypted at rest, shown only to the counsellor who claims the call (audited). */
    phone: phoneNumber.optional(),
    /**
     * Call-back only: when the caller can take the call (ISO times; at least 30 minutes, within 7 days,
     * and at least 30 minutes of it staffed: pick one of HotlineStatusView.callbackWindows).
     */
    window: z.object({ start: isoDateTime(), end: isoDateTime() }).optional(),
    /** A few words on what it is about; encrypted; only the claimant reads it. */
    topic: z.string().trim().max(200, { error: "想聊的话题请控制在 200 字以内" }).optional(),
    /** "I might hurt myself / I am not safe": moves the caller to the front of the queue. */
    feelingUnsafe: z.boolean().default(false),
    /**
     * Opt-in reminders: after wx.requestSubscribeMessage accepted the templates, the app sends a fresh
     * wx.login code. The server turns it into the openid, checks it is this user, and keeps it encrypted
     * on this ticket only until the reminders are sent or the ticket ends (openids are otherwise stored
     * only as keyed hashes, which cannot be messaged).
     */
    notify: z.object({ code: z.string().min(1).max(128), templates: z.array(z.enum(hotlineNotifyTemplates)).min(1).max(2) }).optional(),
  })
  .refine((body) => body.kind !== "callback" || (body.phone !== undefined && body.window !== undefined), {
    error: "请留下回电号码和方便接听的时间段",
    path: ["phone"],
  });
export type JoinHotlineBody = z.infer<typeof joinHotlineBody>;

/** What the caller sees of their own ticket (GET /hotline/tickets/current, pushed as "hotline:ticket"). */
export interface CallerTicketView {
  id: string;
  /** The number to quote on the phone ("I'll call the hotline"). */
  number: number;
  kind: HotlineTicketKind;
  status: HotlineTicketStatus;
  /** 1 = next. Null when not in the live queue (scheduled for a later window or retry, or finished). */
  position: number | null;
  /** Honest estimate from recent service times and counsellors on duty; null when nobody is on duty. */
  estimateMinutes: number | null;
  /** Waiting for a later call-back window or a retry after "no answer". */
  scheduledFor: string | null;
  window: { start: string; end: string } | null;
  /** The line the counsellor calls from / the caller dials. */
  hotlineNumber: string;
  attempts: number;
  feelingUnsafe: boolean;
  notifyTemplates: HotlineNotifyTemplate[];
  joinedAt: string;
  closedAt: string | null;
  /**
   * In the live queue but no counsellor is on duty right now: position and estimate are withheld (they
   * would promise a call nobody can make); the caller is shown the 24-hour numbers first.
   */
  nobodyOnDuty: boolean;
}

/**
 * A call-back time a caller can pick: inside the hours someone is rostered (or, in fixed mode, the
 * service hours), so a window is a promise somebody can keep. Labelled in county time, e.g.
 * "今天 19:00–21:00", "明天 08:00–10:00", "接下来 1 小时内".
 */
export interface CallbackWindowOption {
  start: string;
  end: string;
  label: string;
}

/** GET /hotline/status (public): everything the join page needs to be honest and never a dead end. */
export interface HotlineStatusView {
  open: boolean;
  /** Why open: someone is on the roster now, or the configured fixed hours. */
  openReason: "roster" | "fixed_hours" | null;
  /** When the line next opens (closed only; null when unknown). */
  nextOpenAt: string | null;
  hoursText: string;
  hotlineNumber: string;
  waiting: number;
  counsellorsOnDuty: number;
  /** For someone joining now. */
  estimateMinutes: number | null;
  full: boolean;
  /** Wait long enough that other help should be offered first. */
  longWait: boolean;
  fallbackHelplines: ReadonlyArray<{ number: string; name: string; note: string }>;
  emergencyLines: ReadonlyArray<{ number: string; name: string; note: string }>;
  /**
   * Call-back windows bookable now, soonest first (at most 6, within the next 3 county days). Offered
   * while the line is closed too: a call-back can be booked for after it opens. Empty when nobody is
   * rostered in that time.
   */
  callbackWindows: CallbackWindowOption[];
}

/** One caller in the staff queue. No phone, no topic: those are for the claimant. */
export interface HotlineQueueEntryView {
  id: string;
  number: number;
  kind: HotlineTicketKind;
  status: HotlineTicketStatus;
  alias: string;
  priority: "urgent" | "normal";
  position: number | null;
  joinedAt: string;
  waitedMinutes: number;
  scheduledFor: string | null;
  window: { start: string; end: string } | null;
  attempts: number;
  claimedBy: { id: string; name: string } | null;
}

/** GET /hotline/queue */
export interface HotlineQueueView {
  waiting: HotlineQueueEntryView[];
  scheduled: HotlineQueueEntryView[];
  claimed: HotlineQueueEntryView[];
}

/** The claimant's view of a call (GET /hotline/calls/:id, /hotline/calls/mine, claim answers). */
export interface HotlineCallView extends HotlineQueueEntryView {
  topic: string | null;
  hasPhone: boolean;
  /** e.g. 138****5678: enough to recognise, not to dial; the full number needs the audited reveal. */
  maskedPhone: string | null;
  claimedAt: string | null;
  maxAttempts: number;
  earlierContacts: number;
}

export const claimByNumberBody = z.object({ number: z.number().int().positive() });
export const transferCallBody = z.object({ toStaffId: uuid });
export const callAttemptBody = z.object({ result: z.enum(["no_answer", "wrong_number"]) });
export type CallAttemptBody = z.infer<typeof callAttemptBody>;
export const flagTicketBody = z.object({ priority: z.enum(["urgent", "normal"]) });
/** POST /hotline/calls/:id/outcome: the caller was reached; the structured contact record. */
export const callOutcomeBody = contactRecordBody;
/** POST /hotline/inbound-calls: a call that came in without a ticket. */
export const inboundCallBody = contactRecordBody;

/** GET /hotline/board (supervisors) */
export interface HotlineBoardView {
  open: boolean;
  waiting: number;
  scheduled: number;
  longestWaitMinutes: number;
  counsellors: Array<{
    staffId: string;
    name: string;
    state: "available" | "on_call" | "disconnected" | "on_leave";
    callNumber: number | null;
    onShift: boolean;
  }>;
  today: {
    served: number;
    missed: number;
    abandoned: number;
    /** Offered today and answered within 5 minutes of being ready. */
    answeredWithin5Min: number;
    offered: number;
    /** answeredWithin5Min / offered; null when nothing was offered yet. */
    serviceLevel: number | null;
  };
  /** Calls completed in the last 14 days and their mean length; minutes null until one is completed. */
  handleTime: { calls: number; minutes: number | null };
  /**
   * 在线咨询 beside the line: chats waiting for a counsellor (including those held for the next shift),
   * chats with a counsellor now, and how long the longest-waiting one has waited (whole minutes, 0 if none).
   */
  chats: { waiting: number; active: number; longestWaitMinutes: number };
}

// Roster (值班表)

const isoTime = isoDateTime();
const isoDate = isoDay();

export const createShiftBody = z.object({ staffId: uuid, startsAt: isoTime, endsAt: isoTime, note: z.string().trim().max(100).optional() });
export type CreateShiftBody = z.infer<typeof createShiftBody>;
export const rangeQuery = z.object({ from: isoTime, to: isoTime });
/** Copies every shift of the week starting fromWeekStart (a Monday, county time) to the week starting toWeekStart; holidays and existing overlaps are skipped. */
export const copyWeekBody = z.object({ fromWeekStart: isoDate, toWeekStart: isoDate });
export const holidayBody = z.object({ date: isoDate, name: z.string().trim().min(1, { error: "请填写节假日名称" }).max(40) });
export const holidaysQuery = z.object({ from: isoDate, to: isoDate });
export const createLeaveBody = z.object({ staffId: uuid, startsAt: isoTime, endsAt: isoTime, reason: z.string().trim().max(100).optional() });
export const coverageQuery = z.object({ from: isoTime.optional(), days: z.coerce.number().int().min(1).max(31).default(7) });

export interface ShiftView {
  id: string;
  staffId: string;
  staffName: string;
  startsAt: string;
  endsAt: string;
  note: string | null;
  /** The counsellor has leave overlapping this shift (they will not be routed callers). */
  onLeave: boolean;
}

export interface HolidayView {
  date: string;
  name: string;
}

export interface LeaveView {
  id: string;
  staffId: string;
  staffName: string;
  startsAt: string;
  endsAt: string;
  reason: string | null;
}

/** GET /hotline/roster/coverage: the staffed hours the county aims for, and the gaps nobody covers. */
export interface CoverageView {
  from: string;
  to: string;
  serviceHours: { start: string; end: string };
  gaps: Array<{ startsAt: string; endsAt: string; minutes: number }>;
  holidays: HolidayView[];
}

/** GET /hotline/roster/staff: who can be put on the hotline roster. */
export interface RosterStaffView {
  id: string;
  name: string;
}

/** A call-back waiting this long or more makes the app offer other help first. */
export const hotlineLongWaitMinutes = 20;
/** Service level threshold. */
export const hotlineAnswerTargetMinutes = 5;
