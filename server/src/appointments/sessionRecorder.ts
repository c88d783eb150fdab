import { eq, sql } from "drizzle-orm";
import type { ContactRecordBody } from "@xinyuan/shared";
import type { Services } from "../services";
import type { StaffActor } from "../auth/actor";
import { appointmentSlots, bookings, counsellingRooms, experts } from "../db/schema";
import { retryTransaction } from "../db/retryTransaction";
import type { AuditOrigin } from "../audit/recordAudit";
import { AppError, NotFoundError } from "../http/errors";
import { contactRecorder } from "../contacts/contactRecorder";
import { requireSlotStaff } from "./appointmentPolicy";

/**
 * The staff member who worked an attended session writes its record into the same contact records as
 * calls and chats (channel in_person, or online for an online session; source = the booking), so it
 * counts in the statistics and a high-risk record opens a crisis case as everywhere else. Once per
 * booking, under the booking's row lock.
 */
export async function sessionRecorder(props: { services: Services; actor: StaffActor; bookingId: string; body: ContactRecordBody; origin: AuditOrigin }): Promise<{ recordId: string; caseId: string | null }> {
  const { services } = props;
  return retryTransaction(() =>
    services.db.transaction(async (tx) => {
      const [booking] = await tx.select().from(bookings).where(eq(bookings.id, props.bookingId)).for("update");
      if (!booking) throw NotFoundError();
      const [slot] = await tx.select().from(appointmentSlots).where(eq(appointmentSlots.id, booking.slotId));
      const [room] = slot!.roomId ? await tx.select({ staffIds: counsellingRooms.staffIds }).from(counsellingRooms).where(eq(counsellingRooms.id, slot!.roomId)) : [];
      const [expert] = slot!.expertId ? await tx.select({ staffId: experts.staffId }).from(experts).where(eq(experts.id, slot!.expertId)) : [];
      requireSlotStaff(props.actor, slot!, room?.staffIds ?? [], expert?.staffId ?? null);
      if (booking.status !== "attended") throw new AppError(409, "APPOINTMENT_NOT_ATTENDED");
      if (booking.contactId) throw new AppError(409, "APPOINTMENT_ALREADY_RECORDED");
      const recorded = await contactRecorder({
        tx,
        cipher: services.cipher,
        origin: props.origin,
        channel: slot!.mode === "online" ? "online" : "in_person",
        staffId: props.actor.id,
        userId: booking.userId,
        source: { type: "booking", id: booking.id },
        body: props.body,
        now: services.clock.now(),
      });
      await tx.update(bookings).set({ contactId: recorded.id, updatedAt: sql`now()` }).where(eq(bookings.id, booking.id));
      return { recordId: recorded.id, caseId: recorded.caseId };
    }),
  );
}
