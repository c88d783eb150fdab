import { eq } from "drizzle-orm";
import type { CallAttemptBody } from "@xinyuan/shared";
import { hotlineCallAttempts, hotlineTickets } from "../db/schema";
import type { Services } from "../services";
import { recordAudit, type AuditOrigin } from "../audit/recordAudit";
import { AppError } from "../http/errors";
import { endingFields, lockOwnClaim } from "./lockTicket";
import { sendReminders, takeReminder } from "./hotlineNotifier";
import { announceQueueChange } from "./hotlineBroadcast";
import type { HotlineTicketRow } from "./presentHotlineTicket";
import { caseFromMissedCallback } from "../cases/caseFromMissedCallback";

/**
 * Records a try that did not reach the caller. No answer: back to the queue for a retry after
 * HOTLINE_RETRY_MINUTES (keeping their place), until HOTLINE_MAX_ATTEMPTS or the end of their window,
 * then missed and the caller is told (an urgent one opens a crisis case first, keeping the number).
 * Wrong number: the ticket ends (the caller may join again).
 * For an "I'll call" ticket, no answer means they did not call in.
 */
export async function callbackAttemptRecorder(props: { services: Services; staffId: string; ticketId: string; body: CallAttemptBody; origin: AuditOrigin }): Promise<HotlineTicketRow> {
  const { services, staffId, ticketId, body, origin } = props;
  const { config, cipher } = services;
  const now = services.clock.now();
  const { row, reminder } = await services.db.transaction(async (tx) => {
    const ticket = await lockOwnClaim(tx, ticketId, staffId);
    if (body.result === "wrong_number" && ticket.kind !== "callback") throw new AppError(400, "HOTLINE_NOT_CALLBACK");
    await tx.insert(hotlineCallAttempts).values({ ticketId, staffId, result: body.result, at: now });
    const attempts = ticket.attempts + 1;
    const retryAt = new Date(now.getTime() + config.hotline.retryMinutes * 60_000);
    const outOfTries = attempts >= config.hotline.maxAttempts || (ticket.windowEnd !== null && retryAt >= ticket.windowEnd);
    let set: Partial<HotlineTicketRow>;
    let taken: ReturnType<typeof takeReminder> = { reminder: null, set: { notifyOpenidEnc: ticket.notifyOpenidEnc, notifyTemplates: ticket.notifyTemplates } };
    if (body.result === "wrong_number") set = { ...endingFields(now, "invalid", staffId), attempts };
    else if (outOfTries) {
      taken = takeReminder(cipher, ticket, "missed", true);
      await caseFromMissedCallback({ tx, cipher, origin, now, ticket: { ...ticket, attempts } });
      set = { ...endingFields(now, "missed", staffId), attempts };
    } else set = { status: "waiting", claimedBy: null, claimedAt: null, claimantSeenAt: null, readyAt: retryAt, attempts, updatedAt: now };
    const [updated] = await tx.update(hotlineTickets).set(set).where(eq(hotlineTickets.id, ticketId)).returning();
    await recordAudit(tx, origin, { action: "hotline.attempt", targetType: "hotline_ticket", targetId: ticketId, detail: { result: body.result, attempts, status: updated!.status } });
    return { row: updated!, reminder: taken.reminder };
  });
  await sendReminders(services, [reminder]);
  announceQueueChange(services, [row]);
  return row;
}
