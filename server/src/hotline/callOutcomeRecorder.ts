import { eq } from "drizzle-orm";
import type { ContactRecordBody } from "@xinyuan/shared";
import { hotlineCallAttempts, hotlineTickets } from "../db/schema";
import type { Services } from "../services";
import { recordAudits, type AuditEntry, type AuditOrigin } from "../audit/recordAudit";
import { contactRecorder } from "../contacts/contactRecorder";
import { endingFields, lockOwnClaim } from "./lockTicket";
import { announceQueueChange } from "./hotlineBroadcast";
import type { HotlineTicketRow } from "./presentHotlineTicket";

/**
 * The caller was reached: writes the structured contact record (channel 回拨 or 热线) and completes
 * the ticket in one transaction; the phone, topic and reminder address are erased with it. Both audit
 * rows (contact.record, hotline.complete) are written last, together.
 */
export async function callOutcomeRecorder(props: { services: Services; staffId: string; ticketId: string; body: ContactRecordBody; origin: AuditOrigin }): Promise<{ row: HotlineTicketRow; contactRecordId: string }> {
  const { services, staffId, ticketId, body, origin } = props;
  const now = services.clock.now();
  const result = await services.db.transaction(async (tx) => {
    const ticket = await lockOwnClaim(tx, ticketId, staffId);
    const audits: AuditEntry[] = [];
    const { id: contactRecordId } = await contactRecorder({
      auditLater: audits,
      tx,
      cipher: services.cipher,
      origin,
      channel: ticket.kind === "callback" ? "callback" : "hotline",
      staffId,
      userId: ticket.userId,
      source: { type: "hotline_ticket", id: ticketId },
      body,
      now,
    });
    if (ticket.kind === "callback") await tx.insert(hotlineCallAttempts).values({ ticketId, staffId, result: "reached", at: now });
    const [row] = await tx
      .update(hotlineTickets)
      .set({ ...endingFields(now, "completed", staffId), contactRecordId, attempts: ticket.kind === "callback" ? ticket.attempts + 1 : ticket.attempts })
      .where(eq(hotlineTickets.id, ticketId))
      .returning();
    audits.push({ action: "hotline.complete", targetType: "hotline_ticket", targetId: ticketId, detail: { contactRecordId, riskLevel: body.riskLevel } });
    // last, in one INSERT: the audit chain head is held from here to the commit
    await recordAudits(tx, audits.map((entry) => ({ origin, entry })));
    return { row: row!, contactRecordId };
  });
  announceQueueChange(services, [result.row]);
  return result;
}
