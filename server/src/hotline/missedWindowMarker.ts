import { and, eq, lt, or } from "drizzle-orm";
import { hotlineTickets } from "../db/schema";
import type { Services } from "../services";
import { recordAudit, systemOrigin } from "../audit/recordAudit";
import { endingFields } from "./lockTicket";
import { sendReminders, takeReminder, type PendingReminder } from "./hotlineNotifier";
import { announceQueueChange } from "./hotlineBroadcast";
import type { HotlineTicketRow } from "./presentHotlineTicket";
import { caseFromMissedCallback } from "../cases/caseFromMissedCallback";

/**
 * Marks missed the call-backs whose window passed while still waiting, and "I'll call" tickets nobody
 * took within HOTLINE_INBOUND_TICKET_MINUTES. A claimed call is left to its counsellor (the stale-claim
 * job returns it if they left). The caller is told over the socket and, if they opted in, by a WeChat
 * subscribe message, sent after commit; the reminder address is erased in the same transaction.
 * An urgent ticket (unsafe caller or risk flag) opens a crisis case before its number is erased.
 */
export async function missedWindowMarker(services: Services): Promise<number> {
  const { db, clock, config, cipher } = services;
  const now = clock.now();
  const inboundCutoff = new Date(now.getTime() - config.hotline.inboundTicketMinutes * 60_000);
  const { rows, reminders } = await db.transaction(async (tx) => {
    const due = await tx
      .select()
      .from(hotlineTickets)
      .where(
        and(
          eq(hotlineTickets.status, "waiting"),
          or(and(eq(hotlineTickets.kind, "callback"), lt(hotlineTickets.windowEnd, now)), and(eq(hotlineTickets.kind, "inbound"), lt(hotlineTickets.joinedAt, inboundCutoff))),
        ),
      )
      .for("update", { skipLocked: true });
    const marked: HotlineTicketRow[] = [];
    const pending: Array<PendingReminder | null> = [];
    for (const ticket of due) {
      const taken = takeReminder(cipher, ticket, "missed", true);
      await caseFromMissedCallback({ tx, cipher, origin: systemOrigin, now, ticket });
      const [row] = await tx.update(hotlineTickets).set(endingFields(now, "missed", null)).where(eq(hotlineTickets.id, ticket.id)).returning();
      await recordAudit(tx, systemOrigin, { action: "hotline.missed", targetType: "hotline_ticket", targetId: ticket.id, detail: { kind: ticket.kind, attempts: ticket.attempts, notified: taken.reminder !== null } });
      marked.push(row!);
      pending.push(taken.reminder);
    }
    return { rows: marked, reminders: pending };
  });
  await sendReminders(services, reminders);
  if (rows.length > 0) announceQueueChange(services, rows);
  return rows.length;
}
