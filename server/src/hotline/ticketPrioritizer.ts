import { eq } from "drizzle-orm";
import { hotlineTickets } from "../db/schema";
import type { Services } from "../services";
import { recordAudit, type AuditOrigin } from "../audit/recordAudit";
import { ConflictError } from "../http/errors";
import { lockTicket } from "./lockTicket";
import { urgentPriority } from "./hotlineJoiner";
import { announceQueueChange } from "./hotlineBroadcast";
import type { HotlineTicketRow } from "./presentHotlineTicket";

/** A hotline counsellor flags (or unflags) a risk: an urgent ticket goes ahead of everyone not urgent. */
export async function ticketPrioritizer(props: { services: Services; ticketId: string; priority: "urgent" | "normal"; origin: AuditOrigin }): Promise<HotlineTicketRow> {
  const { services, ticketId, priority, origin } = props;
  const now = services.clock.now();
  const row = await services.db.transaction(async (tx) => {
    const ticket = await lockTicket(tx, ticketId);
    if (ticket.status !== "waiting" && ticket.status !== "claimed") throw ConflictError("HOTLINE_CALL_STATE");
    const [updated] = await tx.update(hotlineTickets).set({ priority: priority === "urgent" ? urgentPriority : 0, updatedAt: now }).where(eq(hotlineTickets.id, ticketId)).returning();
    await recordAudit(tx, origin, { action: "hotline.priority", targetType: "hotline_ticket", targetId: ticketId, detail: { priority } });
    return updated!;
  });
  announceQueueChange(services);
  return row;
}
