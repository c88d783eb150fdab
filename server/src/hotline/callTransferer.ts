import { eq } from "drizzle-orm";
import { hotlineTickets, staff } from "../db/schema";
import type { Services } from "../services";
import { recordAudit, type AuditOrigin } from "../audit/recordAudit";
import { AppError } from "../http/errors";
import { isUniqueViolation } from "../db/uniqueViolation";
import { isHotlineEligibleStaff } from "./hotlinePolicy";
import { lockOwnClaim } from "./lockTicket";
import { assertCanTakeCalls } from "./nextCallerClaimer";
import { announceQueueChange, noticeToStaff } from "./hotlineBroadcast";
import type { HotlineTicketRow } from "./presentHotlineTicket";

const unavailable = () => new AppError(409, "HOTLINE_TRANSFER_TARGET_UNAVAILABLE");

/**
 * Hands a claimed call to a colleague who could take it themselves: a county hotline counsellor, on
 * duty and connected, not on leave, not on another call (the one-claim index decides a race).
 */
export async function callTransferer(props: { services: Services; staffId: string; ticketId: string; toStaffId: string; origin: AuditOrigin }): Promise<HotlineTicketRow> {
  const { services, staffId, ticketId, toStaffId, origin } = props;
  const { db, clock } = services;
  const now = clock.now();
  if (toStaffId === staffId) throw unavailable();
  const [target] = await db.select().from(staff).where(eq(staff.id, toStaffId)).limit(1);
  if (!target || !isHotlineEligibleStaff(target)) throw unavailable();
  await assertCanTakeCalls(db, toStaffId, now).catch(() => {
    throw unavailable();
  });
  let row: HotlineTicketRow;
  try {
    row = await db.transaction(async (tx) => {
      await lockOwnClaim(tx, ticketId, staffId);
      const [moved] = await tx
        .update(hotlineTickets)
        // claimedAt stays: the call goes on, and its handle time (the wait estimate) counts from the start
        .set({ claimedBy: toStaffId, claimantSeenAt: now, updatedAt: now })
        .where(eq(hotlineTickets.id, ticketId))
        .returning();
      await recordAudit(tx, origin, { action: "hotline.transfer", targetType: "hotline_ticket", targetId: ticketId, detail: { from: staffId, to: toStaffId } });
      return moved!;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw unavailable();
    throw error;
  }
  noticeToStaff(services, toStaffId, { ticketId, number: row.number, reason: "transferred_in" });
  noticeToStaff(services, staffId, { ticketId, number: row.number, reason: "transferred_out" });
  announceQueueChange(services);
  return row;
}
