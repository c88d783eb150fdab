import { and, eq, gt, isNull, lte, or, sql } from "drizzle-orm";
import { hotlineTickets } from "../db/schema";
import type { DbOrTx } from "../db/database";
import type { Services } from "../services";
import { recordAudit, type AuditOrigin } from "../audit/recordAudit";
import { AppError, ConflictError, NotFoundError } from "../http/errors";
import { isUniqueViolation } from "../db/uniqueViolation";
import { readDuty } from "../presence/dutyState";
import { staffOnLeaveAt } from "./staffLeave";
import { takeReminder, sendReminders, type PendingReminder } from "./hotlineNotifier";
import { announceQueueChange } from "./hotlineBroadcast";
import type { HotlineTicketRow } from "./presentHotlineTicket";

/** Routing guard: only a counsellor on duty for the hotline, connected, and not on leave takes callers. */
export async function assertCanTakeCalls(db: DbOrTx, staffId: string, now: Date): Promise<void> {
  if ((await staffOnLeaveAt(db, now)).has(staffId)) throw new AppError(403, "HOTLINE_STAFF_ON_LEAVE");
  const duty = await readDuty(db, staffId, now);
  if (!duty.onDuty || !duty.channels.includes("hotline") || !duty.connected) throw new AppError(403, "HOTLINE_NOT_ON_DUTY");
}

async function assertNoClaim(tx: DbOrTx, staffId: string): Promise<void> {
  const [held] = await tx.select({ id: hotlineTickets.id }).from(hotlineTickets).where(and(eq(hotlineTickets.claimedBy, staffId), eq(hotlineTickets.status, "claimed"))).limit(1);
  if (held) throw ConflictError("HOTLINE_ALREADY_ON_CALL");
}

async function markClaimed(tx: DbOrTx, services: Services, row: HotlineTicketRow, staffId: string, now: Date, origin: AuditOrigin, via: string) {
  const taken = row.kind === "callback" ? takeReminder(services.cipher, row, "call_soon", false) : { reminder: null, set: {} };
  const [claimed] = await tx
    .update(hotlineTickets)
    .set({ status: "claimed", claimedBy: staffId, claimedAt: now, firstClaimedAt: row.firstClaimedAt ?? now, claimantSeenAt: now, updatedAt: now, ...taken.set })
    .where(eq(hotlineTickets.id, row.id))
    .returning();
  await recordAudit(tx, origin, { action: "hotline.claim", targetType: "hotline_ticket", targetId: row.id, detail: { via } });
  return { claimed: claimed!, reminder: taken.reminder };
}

/** Runs a claim transaction and maps the database's one-claim-per-counsellor index to a kind 409. */
async function claimTransaction(services: Services, work: (tx: DbOrTx) => Promise<{ claimed: HotlineTicketRow; reminder: PendingReminder | null }>): Promise<HotlineTicketRow> {
  let result: { claimed: HotlineTicketRow; reminder: PendingReminder | null };
  try {
    result = await services.db.transaction((tx) => work(tx));
  } catch (error) {
    if (isUniqueViolation(error)) throw ConflictError("HOTLINE_ALREADY_ON_CALL");
    throw error;
  }
  await sendReminders(services, [result.reminder]);
  announceQueueChange(services, [result.claimed]);
  return result.claimed;
}

/**
 * "Take next": atomically claims the first ready caller, by priority then joined time. SELECT … FOR
 * UPDATE SKIP LOCKED lets many counsellors claim at once without waiting on each other or ever getting
 * the same row; a row a cancel holds is skipped, and a cancelled row is no longer 'waiting'. A
 * counsellor holds one call at a time (also enforced by a partial unique index).
 */
export async function nextCallerClaimer(props: { services: Services; staffId: string; origin: AuditOrigin }): Promise<HotlineTicketRow> {
  const { services, staffId, origin } = props;
  const now = services.clock.now();
  await assertCanTakeCalls(services.db, staffId, now);
  return claimTransaction(services, async (tx) => {
    await assertNoClaim(tx, staffId);
    const [next] = await tx
      .select()
      .from(hotlineTickets)
      // a call-back whose window has just closed is not called outside it (the missed-window job ends it)
      .where(and(eq(hotlineTickets.status, "waiting"), lte(hotlineTickets.readyAt, now), or(isNull(hotlineTickets.windowEnd), gt(hotlineTickets.windowEnd, now))))
      .orderBy(sql`${hotlineTickets.priority} DESC`, hotlineTickets.joinedAt, hotlineTickets.id)
      .limit(1)
      .for("update", { skipLocked: true });
    if (!next) throw NotFoundError("HOTLINE_QUEUE_EMPTY");
    return markClaimed(tx, services, next, staffId, now, origin, "next");
  });
}

/**
 * Claims the ticket a caller quotes on the phone, wherever it is in the queue (they are on the line).
 * Only "I'll call the hotline" tickets: a call-back ticket is called from the queue within its window,
 * never claimed by a number someone says (a typo or a guess would link the call to another student).
 */
export async function ticketNumberClaimer(props: { services: Services; staffId: string; number: number; origin: AuditOrigin }): Promise<HotlineTicketRow> {
  const { services, staffId, origin } = props;
  const now = services.clock.now();
  await assertCanTakeCalls(services.db, staffId, now);
  return claimTransaction(services, async (tx) => {
    await assertNoClaim(tx, staffId);
    const [row] = await tx.select().from(hotlineTickets).where(eq(hotlineTickets.number, props.number)).limit(1).for("update");
    if (!row) throw NotFoundError("HOTLINE_TICKET_NOT_FOUND");
    if (row.kind !== "inbound") throw ConflictError("HOTLINE_NUMBER_NOT_INBOUND");
    if (row.status !== "waiting") throw ConflictError("HOTLINE_CALL_STATE");
    return markClaimed(tx, services, row, staffId, now, origin, "number");
  });
}
