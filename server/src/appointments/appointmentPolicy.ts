import type { UserActor } from "../auth/actor";
import type { StaffActor } from "../auth/actor";
import { ForbiddenError, NotFoundError } from "../http/errors";

/**
 * Minors never pay: only a parent account may book a paid session (for themselves or their child).
 * Students get a kind 403 that points them to the free counselling room.
 */
export function requireMayPay(actor: UserActor): void {
  if (actor.role !== "parent") throw ForbiddenError("APPOINTMENT_MINOR_CANNOT_PAY");
}

/** A user sees and cancels only their own bookings (404, never a hint that another exists). */
export function requireOwnBooking(actor: UserActor, booking: { userId: string | null }): void {
  if (booking.userId !== actor.id) throw NotFoundError();
}

/** Who works a slot's day list: the slot's staff member, the room's staff, or the expert's account; centre admins too. */
export function requireSlotStaff(actor: StaffActor, slot: { staffId: string | null }, roomStaffIds: readonly string[], expertStaffId: string | null): void {
  if (actor.roles.includes("centre_admin")) return;
  if (slot.staffId === actor.id || roomStaffIds.includes(actor.id) || expertStaffId === actor.id) return;
  throw ForbiddenError();
}
