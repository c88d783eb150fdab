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
 * "Take next": atomically claims the first ready caller, by priority then joined time, in ONE statement
 * (its own transaction): UPDATE … FROM (SELECT … FOR UPDATE SKIP LOCKED LIMIT 1) with the audit row
 * inserted by the same statement. Many counsellors claim at once without waiting on each other or ever
 * getting the same row; a row a cancel holds is skipped, and a cancelled row is no longer 'waiting'. A
 * counsellor holds one call at a time, enforced by a partial unique index (a second claim fails there
 * and is reported as HOTLINE_ALREADY_ON_CALL). One statement, because every audit row holds the audit
 * chain head until its commit: no round trip of ours happens while it is held. A call-back's "call soon"
 * reminder address is taken out in the same statement, by the rule of takeReminder (SQL twin below).
 */
export async function nextCallerClaimer(props: { services: Services; staffId: string; origin: AuditOrigin }): Promise<HotlineTicketRow> {
  const { services, staffId, origin } = props;
  const { db } = services;
  const now = services.clock.now();
  await assertCanTakeCalls(db, staffId, now);
  const at = now.toISOString();
  let result: unknown;
  try {
    result = await db.execute(sql`
      WITH next AS (
        SELECT id, kind, notify_openid_enc, notify_templates FROM hotline_tickets
        -- a call-back whose window has just closed is not called outside it (the missed-window job ends it)
        WHERE status = 'waiting' AND ready_at <= ${at}::timestamptz AND (window_end IS NULL OR window_end > ${at}::timestamptz)
        ORDER BY priority DESC, joined_at, id
        LIMIT 1
        FOR UPDATE SKIP LOCKED
      ), taken AS (
        -- takeReminder(row, "call_soon", ending: false) for a call-back; nothing for an inbound ticket
        SELECT id, kind, CASE WHEN kind = 'callback' AND notify_openid_enc IS NOT NULL AND 'call_soon' = ANY(notify_templates)
          THEN array_remove(notify_templates, 'call_soon') ELSE notify_templates END AS remaining
        FROM next
      ), claimed AS (
        UPDATE hotline_tickets t SET status = 'claimed', claimed_by = ${staffId}::uuid, claimed_at = ${at}::timestamptz,
          first_claimed_at = coalesce(t.first_claimed_at, ${at}::timestamptz), claimant_seen_at = ${at}::timestamptz, updated_at = ${at}::timestamptz,
          notify_openid_enc = CASE WHEN taken.kind = 'callback' AND cardinality(taken.remaining) = 0 THEN NULL ELSE t.notify_openid_enc END,
          notify_templates = CASE WHEN taken.kind = 'callback' AND cardinality(taken.remaining) = 0 THEN '{}'::text[] ELSE taken.remaining END
        FROM taken WHERE t.id = taken.id AND t.status = 'waiting'
        RETURNING t.id
      ), audit AS (
        INSERT INTO audit_events (actor_type, actor_id, action, target_type, target_id, ip, request_id, detail)
        SELECT ${origin.actorType}, ${origin.actorId}::uuid, 'hotline.claim', 'hotline_ticket', claimed.id::text, ${origin.ip}, ${origin.requestId}, '{"via":"next"}'::jsonb
        FROM claimed
      )
      SELECT next.id, next.kind, next.notify_openid_enc, next.notify_templates FROM next JOIN claimed ON claimed.id = next.id`);
  } catch (error) {
    if (isUniqueViolation(error)) throw ConflictError("HOTLINE_ALREADY_ON_CALL");
    throw error;
  }
  const [before] = (result as { rows: Array<{ id: string; kind: string; notify_openid_enc: string | null; notify_templates: string[] }> }).rows;
  if (!before) {
    await assertNoClaim(db, staffId);
    throw NotFoundError("HOTLINE_QUEUE_EMPTY");
  }
  const [claimed] = await db.select().from(hotlineTickets).where(eq(hotlineTickets.id, before.id)).limit(1);
  const reminder =
    before.kind === "callback" && before.notify_openid_enc !== null
      ? takeReminder(services.cipher, { ...claimed!, notifyOpenidEnc: before.notify_openid_enc, notifyTemplates: before.notify_templates }, "call_soon", false).reminder
      : null;
  await sendReminders(services, [reminder]);
  announceQueueChange(services, [claimed!]);
  return claimed!;
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
