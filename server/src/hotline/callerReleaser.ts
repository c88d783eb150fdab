import { eq } from "drizzle-orm";
import { hotlineTickets } from "../db/schema";
import type { Services } from "../services";
import { recordAudit, type AuditOrigin } from "../audit/recordAudit";
import { lockOwnClaim } from "./lockTicket";
import { announceQueueChange } from "./hotlineBroadcast";
import type { HotlineTicketRow } from "./presentHotlineTicket";

/** Puts a claimed caller back in the queue, keeping their place (joined_at is unchanged). */
export async function callerReleaser(props: { services: Services; staffId: string; ticketId: string; origin: AuditOrigin }): Promise<HotlineTicketRow> {
  const { services, staffId, ticketId, origin } = props;
  const now = services.clock.now();
  const row = await services.db.transaction(async (tx) => {
    await lockOwnClaim(tx, ticketId, staffId);
    const [released] = await tx
      .update(hotlineTickets)
      .set({ status: "waiting", claimedBy: null, claimedAt: null, claimantSeenAt: null, readyAt: now, updatedAt: now })
      .where(eq(hotlineTickets.id, ticketId))
      .returning();
    await recordAudit(tx, origin, { action: "hotline.release", targetType: "hotline_ticket", targetId: ticketId });
    return released!;
  });
  announceQueueChange(services);
  return row;
}
