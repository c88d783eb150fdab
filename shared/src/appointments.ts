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
}
