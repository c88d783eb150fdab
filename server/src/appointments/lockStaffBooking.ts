import { eq } from "drizzle-orm";
import type { DbOrTx } from "../db/database";
import type { StaffActor } from "../auth/actor";
import { appointmentSlots, bookings, counsellingRooms, experts } from "../db/schema";
import { NotFoundError } from "../http/errors";
import { requireSlotStaff } from "./appointmentPolicy";

/**
 * A booking locked for the staff who work its slot (the room's staff, the expert, or the slot's own staff
 * member): 404 when it does not exist, refused by requireSlotStaff for anyone else. Marking attendance and
 * writing the session record both start here.
 */
export async function lockStaffBooking(tx: DbOrTx, actor: StaffActor, bookingId: string) {
  const [booking] = await tx.select().from(bookings).where(eq(bookings.id, bookingId)).for("update");
  if (!booking) throw NotFoundError();
  const [slot] = await tx.select().from(appointmentSlots).where(eq(appointmentSlots.id, booking.slotId));
  const [room] = slot!.roomId ? await tx.select({ staffIds: counsellingRooms.staffIds }).from(counsellingRooms).where(eq(counsellingRooms.id, slot!.roomId)) : [];
  const [expert] = slot!.expertId ? await tx.select({ staffId: experts.staffId }).from(experts).where(eq(experts.id, slot!.expertId)) : [];
  requireSlotStaff(actor, slot!, room?.staffIds ?? [], expert?.staffId ?? null);
  return { booking, slot: slot! };
}
