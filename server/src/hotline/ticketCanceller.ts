import { eq } from "drizzle-orm";
import { hotlineTickets } from "../db/schema";
import type { Services } from "../services";
import { recordAudit, type AuditOrigin } from "../audit/recordAudit";
import { NotFoundError } from "../http/errors";
import { endingFields, lockTicket } from "./lockTicket";
import { announceQueueChange, noticeToStaff } from "./hotlineBroadcast";
import type { HotlineTicketRow } from "./presentHotlineTicket";

/**
 * The caller cancels, at any time. Safe against a concurrent claim: both lock the row, so either the
 * claim saw 'waiting' first (and the claimant is told the caller cancelled) or the cancel did (and the
 * claim skips the row). A ticket already ended is returned as is (idempotent).
 */
export async function ticketCanceller(props: { services: Services; userId: string; ticketId: string; origin: AuditOrigin }): Promise<HotlineTicketRow> {
  const { services, userId, ticketId, origin } = props;
  const now = services.clock.now();
  const { row, claimant } = await services.db.transaction(async (tx) => {
    const ticket = await lockTicket(tx, ticketId);
    if (ticket.userId !== userId) throw NotFoundError("HOTLINE_TICKET_NOT_FOUND");
    if (ticket.status !== "waiting" && ticket.status !== "claimed") return { row: ticket, claimant: null };
    const [cancelled] = await tx.update(hotlineTickets).set(endingFields(now, "cancelled", null)).where(eq(hotlineTickets.id, ticketId)).returning();
    await recordAudit(tx, origin, { action: "hotline.cancel", targetType: "hotline_ticket", targetId: ticketId, detail: { wasClaimed: ticket.status === "claimed" } });
    return { row: cancelled!, claimant: ticket.status === "claimed" ? ticket.claimedBy : null };
  });
  if (claimant) noticeToStaff(services, claimant, { ticketId, number: row.number, reason: "cancelled" });
  announceQueueChange(services, [row]);
  return row;
}
