import { and, eq, inArray, lt, sql } from "drizzle-orm";
import { hotlineTickets } from "../db/schema";
import type { Services } from "../services";
import { recordAudit, systemOrigin } from "../audit/recordAudit";
import { staffConnected } from "../presence/connectionRegistry";
import { staffOnLeaveAt } from "./staffLeave";
import { announceQueueChange, noticeToStaff } from "./hotlineBroadcast";

/**
 * Returns calls whose counsellor went away: no live admin connection for HOTLINE_STALE_CLAIM_MINUTES
 * (closed tab, lost network, dead process), or now on leave. First stamps claimant_seen_at on calls whose
 * claimant is connected, then returns the rest that got too old, keeping each caller's place. Rows are
 * taken FOR UPDATE SKIP LOCKED so several server processes can run it at once. Returns how many.
 */
export async function staleClaimReturner(services: Services): Promise<number> {
  const { db, clock, config } = services;
  const now = clock.now();
  await db
    .update(hotlineTickets)
    .set({ claimantSeenAt: now })
    .where(
      and(
        eq(hotlineTickets.status, "claimed"),
        staffConnected(hotlineTickets.claimedBy, now),
      ),
    );
  const cutoff = new Date(now.getTime() - config.hotline.staleClaimMinutes * 60_000);
  const onLeave = [...(await staffOnLeaveAt(db, now))];
  const returned = await db.transaction(async (tx) => {
    const stale = await tx
      .select()
      .from(hotlineTickets)
      .where(
        and(
          eq(hotlineTickets.status, "claimed"),
          onLeave.length > 0 ? sql`(${lt(hotlineTickets.claimantSeenAt, cutoff)} OR ${inArray(hotlineTickets.claimedBy, onLeave)})` : lt(hotlineTickets.claimantSeenAt, cutoff),
        ),
      )
      .for("update", { skipLocked: true });
    for (const row of stale) {
      await tx
        .update(hotlineTickets)
        .set({ status: "waiting", claimedBy: null, claimedAt: null, claimantSeenAt: null, readyAt: now, updatedAt: now })
        .where(eq(hotlineTickets.id, row.id));
      await recordAudit(tx, systemOrigin, { action: "hotline.claim.stale_return", targetType: "hotline_ticket", targetId: row.id, detail: { staffId: row.claimedBy } });
    }
    return stale;
  });
  for (const row of returned) if (row.claimedBy) noticeToStaff(services, row.claimedBy, { ticketId: row.id, number: row.number, reason: "returned" });
  if (returned.length > 0) announceQueueChange(services);
  return returned.length;
}
