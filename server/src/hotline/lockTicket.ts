import { eq } from "drizzle-orm";
import { hotlineTickets } from "../db/schema";
import type { DbOrTx } from "../db/database";
import { AppError, ConflictError, NotFoundError } from "../http/errors";
import type { HotlineTicketRow } from "./presentHotlineTicket";

/** Locks a ticket row for the rest of the transaction. */
export async function lockTicket(tx: DbOrTx, ticketId: string): Promise<HotlineTicketRow> {
  const [row] = await tx.select().from(hotlineTickets).where(eq(hotlineTickets.id, ticketId)).for("update").limit(1);
  if (!row) throw NotFoundError("HOTLINE_TICKET_NOT_FOUND");
  return row;
}

/** Locks a ticket the staff member holds right now; anyone else gets HOTLINE_NOT_CLAIMANT. */
export async function lockOwnClaim(tx: DbOrTx, ticketId: string, staffId: string): Promise<HotlineTicketRow> {
  const row = await lockTicket(tx, ticketId);
  if (row.claimedBy !== staffId) throw new AppError(403, "HOTLINE_NOT_CLAIMANT");
  if (row.status !== "claimed") throw ConflictError("HOTLINE_CALL_STATE");
  return row;
}

/** Column values that end a ticket: sensitive fields erased (the contact record keeps what matters). */
export function endingFields(now: Date, status: "completed" | "missed" | "cancelled" | "invalid", closedBy: string | null) {
  return { status, closedAt: now, closedBy, phoneEnc: null, topicEnc: null, notifyOpenidEnc: null, notifyTemplates: [], updatedAt: now };
}
