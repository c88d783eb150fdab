import { eq, sql } from "drizzle-orm";
import type { DayListEntry } from "@xinyuan/shared";
import type { Services } from "../services";
import type { StaffActor } from "../auth/actor";
import { appUsers, bookings } from "../db/schema";
import { retryTransaction } from "../db/retryTransaction";
import { recordAudit, type AuditOrigin } from "../audit/recordAudit";
import { ConflictError } from "../http/errors";
import { lockStaffBooking } from "./lockStaffBooking";
import { presentDayEntry } from "./appointmentViews";

/**
 * Staff mark a confirmed or paid booking attended or no-show, once the session has started. Marking
 * again with another outcome corrects it (a tap on the wrong button); each mark is audited.
 */
export async function attendanceMarker(props: { services: Services; actor: StaffActor; bookingId: string; outcome: "attended" | "no_show"; origin: AuditOrigin }): Promise<DayListEntry> {
  const { services } = props;
  const now = services.clock.now();
  return retryTransaction(() =>
    services.db.transaction(async (tx) => {
      const { booking, slot } = await lockStaffBooking(tx, props.actor, props.bookingId);
      if (!["confirmed", "paid", "attended", "no_show"].includes(booking.status) || slot.startsAt.getTime() > now.getTime()) throw ConflictError("CONFLICT");
      const [marked] = await tx.update(bookings).set({ status: props.outcome, markedBy: props.actor.id, markedAt: now, updatedAt: sql`now()` }).where(eq(bookings.id, booking.id)).returning();
      await recordAudit(tx, props.origin, { action: `appointment.${props.outcome}`, targetType: "booking", targetId: booking.id, detail: { from: booking.status } });
      const [user] = booking.userId ? await tx.select({ alias: appUsers.alias }).from(appUsers).where(eq(appUsers.id, booking.userId)) : [];
      return presentDayEntry(services, marked!, slot, user?.alias ?? null);
    }),
  );
}
