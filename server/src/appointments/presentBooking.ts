import type { bookings, appointmentSlots } from "../db/schema";

type BookingRow = typeof bookings.$inferSelect;
type SlotRow = typeof appointmentSlots.$inferSelect;

/** A booking for its owner: whitelisted fields, no note text, no other user's identity. */
export function presentBooking(booking: BookingRow, slot: Pick<SlotRow, "startsAt" | "endsAt" | "mode" | "roomId" | "expertId">) {
  return {
    id: booking.id,
    slotId: booking.slotId,
    status: booking.status,
    forChild: booking.forChild,
    amountFen: booking.amountFen,
    holdExpiresAt: booking.holdExpiresAt?.toISOString() ?? null,
    startsAt: slot.startsAt.toISOString(),
    endsAt: slot.endsAt.toISOString(),
    mode: slot.mode,
    roomId: slot.roomId,
    expertId: slot.expertId,
  };
}

export type BookingView = ReturnType<typeof presentBooking>;
