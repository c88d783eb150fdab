import { eq, sql } from "drizzle-orm";
import type { ContactRecordBody } from "@xinyuan/shared";
import type { Services } from "../services";
import type { StaffActor } from "../auth/actor";
import { bookings } from "../db/schema";
import { retryTransaction } from "../db/retryTransaction";
import type { AuditOrigin } from "../audit/recordAudit";
import { AppError } from "../http/errors";
import { contactRecorder } from "../contacts/contactRecorder";
import { lockStaffBooking } from "./lockStaffBooking";

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
      const { booking, slot } = await lockStaffBooking(tx, props.actor, props.bookingId);
      if (booking.status !== "attended") throw new AppError(409, "APPOINTMENT_NOT_ATTENDED");
      if (booking.contactId) throw new AppError(409, "APPOINTMENT_ALREADY_RECORDED");
      const recorded = await contactRecorder({
        tx,
        cipher: services.cipher,
        origin: props.origin,
        channel: slot.mode === "online" ? "online" : "in_person",
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
