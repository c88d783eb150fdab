import { z } from "zod";
import { isoDay, trimmedText, uuid } from "./schemas/common";

export const bookingStatuses = ["awaiting_payment", "confirmed", "paid", "attended", "no_show", "cancelled", "expired", "refund_due", "refunded"] as const;
export type BookingStatus = (typeof bookingStatuses)[number];

/** Open slots: of one school's counselling room(s), or of one expert, from now on (14 days). */
export const listSlotsQuery = z.object({ schoolId: uuid.optional(), expertId: uuid.optional() });

export const bookSlotBody = z.object({
  slotId: uuid,
  /** Optional, shown to the counsellor only; the risk detector reads it (a hit offers the live line). */
  note: trimmedText(200, "留言").optional(),
  /** A parent booking for their child. */
  forChild: z.boolean().default(false),
  /** Paid slots: a fresh wx.login code, exchanged for the payer's openid (never stored). */
  wechatCode: z.string().min(1).max(128).optional(),
});
export type BookSlotBody = z.infer<typeof bookSlotBody>;

export const dayListQuery = z.object({ day: isoDay() });
export const attendanceBody = z.object({ outcome: z.enum(["attended", "no_show"]) });

export interface SlotView {
  id: string;
  startsAt: string;
  endsAt: string;
  mode: string;
  priceFen: number;
  room: { id: string; name: string; location: string } | null;
  expert: { id: string; name: string; title: string; fields: string[] } | null;
}

export interface BookingView {
  id: string;
  slotId: string;
  status: BookingStatus | string;
  forChild: boolean;
  amountFen: number;
  holdExpiresAt: string | null;
  startsAt: string;
  endsAt: string;
  mode: string;
  roomId: string | null;
  expertId: string | null;
}

export interface BookingResultView {
  booking: BookingView;
  payment: { appId: string; timeStamp: string; nonceStr: string; package: string; signType: string; paySign: string } | null;
  /** The note looked risky: show the live line (hotline, chat) now. */
  riskFlag: boolean;
}

/** A staff member's day list: the booker by alias only. */
export interface DayListEntry {
  bookingId: string;
  slotId: string;
  startsAt: string;
  endsAt: string;
  status: string;
  alias: string | null;
  forChild: boolean;
  riskFlag: boolean;
  note: string | null;
  /** "place" | "online" */
  mode: string;
  /** The session record (contact record) was written. */
  recorded: boolean;
}

/** Arms the one subscribe-message reminder of a booking: a fresh wx.login code after the template was accepted. */
export const appointmentReminderBody = z.object({ code: z.string().min(1).max(200) });
export type AppointmentReminderBody = z.infer<typeof appointmentReminderBody>;

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, { error: "时间请写成 09:00 这样" });
/** One weekly opening: weekday 1 = 周一 … 7 = 周日, county time, start before end. */
export const weeklyOpening = z
  .object({ weekday: z.number().int().min(1).max(7), start: hhmm, end: hhmm })
  .refine((entry) => entry.start < entry.end, { error: "结束时间要晚于开始时间" });
export type WeeklyOpening = z.infer<typeof weeklyOpening>;
const weeklyHours = z.array(weeklyOpening).max(42);
const slotMinutes = z.number().int().min(15).max(240);

export const roomBody = z.object({
  schoolId: uuid,
  name: trimmedText(40, "辅导室名称"),
  location: z.string().trim().max(80, { error: "地点不能超过 80 个字" }).default(""),
  weeklyHours,
  slotMinutes: slotMinutes.default(50),
  staffIds: z.array(uuid).max(20).default([]),
  active: z.boolean().default(true),
});
export type RoomBody = z.infer<typeof roomBody>;

export const expertModes = ["place", "online", "both"] as const;
export const expertModeLabels: Record<(typeof expertModes)[number], string> = { place: "到校面谈", online: "线上", both: "面谈或线上" };

export const expertBody = z.object({
  name: trimmedText(30, "姓名"),
  title: z.string().trim().max(60, { error: "职称不能超过 60 个字" }).default(""),
  profile: z.string().trim().max(1000, { error: "简介不能超过 1000 个字" }).default(""),
  qualifications: z.array(trimmedText(60, "资质")).max(10).default([]),
  fields: z.array(trimmedText(20, "擅长领域")).max(10).default([]),
  mode: z.enum(expertModes).default("place"),
  /** 0 = free. At most 5 000 yuan. */
  priceFen: z.number().int().min(0).max(500_000).default(0),
  staffId: uuid.nullable().default(null),
  weeklyHours,
  slotMinutes: slotMinutes.default(50),
  active: z.boolean().default(true),
});
export type ExpertBody = z.infer<typeof expertBody>;

export const managedSlotsQuery = z.object({ roomId: uuid.optional(), expertId: uuid.optional() });
export const roomsQuery = z.object({ schoolId: uuid.optional() });

export interface RoomView {
  id: string;
  schoolId: string;
  schoolName: string | null;
  name: string;
  location: string;
  weeklyHours: WeeklyOpening[];
  slotMinutes: number;
  staffIds: string[];
  active: boolean;
}

export interface ExpertView {
  id: string;
  name: string;
  title: string;
  profile: string;
  qualifications: string[];
  fields: string[];
  mode: string;
  priceFen: number;
  staffId: string | null;
  weeklyHours: WeeklyOpening[];
  slotMinutes: number;
  active: boolean;
}

/** A slot as its managers see it: whether booked, and the booking's status (never who). */
export interface ManagedSlotView {
  id: string;
  startsAt: string;
  endsAt: string;
  mode: string;
  priceFen: number;
  withdrawn: boolean;
  bookingStatus: string | null;
}

export interface PaymentReconciliationView {
  billDate: string;
  status: "matched" | "mismatched" | "failed";
  billRows: number;
  mismatches: Array<{ outTradeNo: string; kind: string; ours: string | null; theirs: string | null }>;
  error: string | null;
  checkedAt: string;
}

/** The appointment service's state for the admin: payments on or off (and why), the last reconciliations. */
export interface AppointmentStatusView {
  paymentsEnabled: boolean;
  paymentsOffReason: string | null;
  reconciliations: PaymentReconciliationView[];
}

/** What the mini-program needs to choose: my school's rooms, the experts, and whether paid sessions are open. */
export interface BookingDirectoryView {
  paymentsEnabled: boolean;
  fullRefundHours: number;
  holdMinutes: number;
  rooms: Array<{ id: string; name: string; location: string; weeklyHours: WeeklyOpening[] }>;
  experts: Array<{ id: string; name: string; title: string; profile: string; qualifications: string[]; fields: string[]; mode: string; priceFen: number }>;
}
