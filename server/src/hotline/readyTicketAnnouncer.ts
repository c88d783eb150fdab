import { and, count, eq, gt, lte } from "drizzle-orm";
import { hotlineTickets } from "../db/schema";
import type { DbOrTx } from "../db/database";
import type { Services } from "../services";
import { announceQueueChange } from "./hotlineBroadcast";

/** Waiting tickets whose ready time fell in (since, now]: a call-back window opened, a retry came due. */
export async function ticketsBecameReady(db: DbOrTx, since: Date, now: Date): Promise<number> {
  const [row] = await db
    .select({ count: count() })
    .from(hotlineTickets)
    .where(and(eq(hotlineTickets.status, "waiting"), gt(hotlineTickets.readyAt, since), lte(hotlineTickets.readyAt, now)));
  return Number(row?.count ?? 0);
}

/**
 * No command runs when a booked call-back's window opens or a "no answer" retry comes due, yet the queue
 * has changed: counsellors should see the caller without reloading, and callers behind them their new
 * place. Called every 30 s by hotlineJobs with the time of its previous run; announces when anything
 * became ready since. Returns how many did.
 */
export async function readyTicketAnnouncer(services: Services, since: Date): Promise<number> {
  const ready = await ticketsBecameReady(services.db, since, services.clock.now());
  if (ready > 0) announceQueueChange(services);
  return ready;
}
