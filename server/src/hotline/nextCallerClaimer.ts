import { and, eq, gt, isNull, lte, or, sql } from "drizzle-orm";
import { hotlineTickets, staff, staffLeave, staffPresence } from "../db/schema";
import type { DbOrTx } from "../db/database";
import type { Services } from "../services";
import { recordAudit, type AuditOrigin } from "../audit/recordAudit";
import { AppError, ConflictError, NotFoundError } from "../http/errors";
import { isUniqueViolation } from "../db/uniqueViolation";
import { staffConnected } from "../presence/connectionRegistry";
import { takeReminder, sendReminders, type PendingReminder } from "./hotlineNotifier";
import { announceQueueChange } from "./hotlineBroadcast";
import type { HotlineTicketRow } from "./presentHotlineTicket";

/**
 * Routing guard: only a counsellor on duty for the hotline, connected, and not on leave takes callers.
 * One query (leave, duty and a live connection together): it runs before every claim.
 */
export async function assertCanTakeCalls(db: DbOrTx, staffId: string, now: Date): Promise<void> {
  const [row] = await db
    .select({
      onLeave: sql<boolean>`EXISTS (SELECT 1 FROM ${staffLeave} WHERE ${staffLeave.staffId} = ${staff.id} AND ${staffLeave.startsAt} <= ${now.toISOString()} AND ${staffLeave.endsAt} > ${now.toISOString()})`,
      onDuty: staffPresence.onDuty,
      channels: staffPresence.channels,
      connected: staffConnected(staff.id, now),
    })
    .from(staff)
    .leftJoin(staffPresence, eq(staffPresence.staffId, staff.id))
    .where(eq(staff.id, staffId))
    .limit(1);
  if (row?.onLeave) throw new AppError(403, "HOTLINE_STAFF_ON_LEAVE");
  if (!row?.onDuty || !(row.channels ?? []).includes("hotline") || !row.connected) throw new AppError(403, "HOTLINE_NOT_ON_DUTY");
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
 * "Take next": atomically claims the first ready caller, by priority then joined time, in one
 * statement: UPDATE … WHERE id = (SELECT … FOR UPDATE SKIP LOCKED LIMIT 1) RETURNING. Many counsellors
 * claim at once without waiting on each other or ever getting the same row; a row a cancel holds is
 * skipped, and a cancelled row is no longer 'waiting'. A counsellor holds one call at a time, enforced
 * by a partial unique index (a second claim fails there and is reported as HOTLINE_ALREADY_ON_CALL).
 * The audit row is written last, so the audit chain head is held only until the commit.
 */
export async function nextCallerClaimer(props: { services: Services; staffId: string; origin: AuditOrigin }): Promise<HotlineTicketRow> {
  const { services, staffId, origin } = props;
  const now = services.clock.now();
  await assertCanTakeCalls(services.db, staffId, now);
  const at = now.toISOString();
  return claimTransaction(services, async (tx) => {
    const next = tx
      .select({ id: hotlineTickets.id })
      .from(hotlineTickets)
      // a call-back whose window has just closed is not called outside it (the missed-window job ends it)
      .where(and(eq(hotlineTickets.status, "waiting"), lte(hotlineTickets.readyAt, now), or(isNull(hotlineTickets.windowEnd), gt(hotlineTickets.windowEnd, now))))
      .orderBy(sql`${hotlineTickets.priority} DESC`, hotlineTickets.joinedAt, hotlineTickets.id)
      .limit(1)
      .for("update", { skipLocked: true });
    let [claimed] = await tx
      .update(hotlineTickets)
      .set({ status: "claimed", claimedBy: staffId, claimedAt: now, firstClaimedAt: sql`coalesce(${hotlineTickets.firstClaimedAt}, ${at}::timestamptz)`, claimantSeenAt: now, updatedAt: now })
      .where(and(eq(hotlineTickets.id, sql`(${next})`), eq(hotlineTickets.status, "waiting")))
      .returning();
    if (!claimed) {
      await assertNoClaim(tx, staffId);
      throw NotFoundError("HOTLINE_QUEUE_EMPTY");
    }
    let reminder: PendingReminder | null = null;
    if (claimed.kind === "callback" && claimed.notifyOpenidEnc !== null) {
      // the row is locked by the UPDATE above: take the reminder address out in the same transaction
      const taken = takeReminder(services.cipher, claimed, "call_soon", false);
      reminder = taken.reminder;
      [claimed] = await tx.update(hotlineTickets).set(taken.set).where(eq(hotlineTickets.id, claimed.id)).returning();
    }
    await recordAudit(tx, origin, { action: "hotline.claim", targetType: "hotline_ticket", targetId: claimed!.id, detail: { via: "next" } });
    return { claimed: claimed!, reminder };
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
