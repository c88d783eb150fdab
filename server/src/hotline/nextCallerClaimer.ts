import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
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

/**
 * SQL twin of assertCanTakeCalls (and of assertNoClaim) for the batched claim: `staffIdColumn` is on
 * hotline duty, connected, not on leave, and holds no call. Keep the two in step.
 */
function canTakeNextCall(staffIdColumn: SQL, now: Date): SQL {
  return sql`EXISTS (SELECT 1 FROM ${staffPresence} WHERE ${staffPresence.staffId} = ${staffIdColumn} AND ${staffPresence.onDuty} AND 'hotline' = ANY(${staffPresence.channels}))
    AND ${staffConnected(staffIdColumn, now)}
    AND NOT EXISTS (SELECT 1 FROM ${staffLeave} WHERE ${staffLeave.staffId} = ${staffIdColumn} AND ${staffLeave.startsAt} <= ${now.toISOString()} AND ${staffLeave.endsAt} > ${now.toISOString()})
    AND NOT EXISTS (SELECT 1 FROM ${hotlineTickets} WHERE ${hotlineTickets.claimedBy} = ${staffIdColumn} AND ${hotlineTickets.status} = 'claimed')`;
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
 * "Take next": atomically claims the first ready caller, by priority then joined time. Claims arriving
 * together are made by ONE statement (its own transaction): it keeps the claimers who may take calls
 * (on duty, connected, not on leave, no call held — assertCanTakeCalls' SQL twin), gives them the first
 * ready rows, SELECT … FOR UPDATE SKIP LOCKED, in arrival order, and inserts their audit rows; one read
 * per batch then fetches the claimed tickets. A claimer the statement left out is told why
 * (assertCanTakeCalls, then assertNoClaim, else HOTLINE_QUEUE_EMPTY). Many counsellors claim at once
 * without ever getting the same row; a row a cancel holds is skipped, and a cancelled row is no longer
 * 'waiting'. A counsellor holds one call at a time, enforced by a partial unique index (a claim failing
 * there is HOTLINE_ALREADY_ON_CALL; a batch failing is retried claim by claim). Why one statement for
 * many, and no per-claim query before it: every audit row holds the audit chain head until its commit
 * (0013), and 50 counsellors' first claims at one instant, each with its own duty check and ticket read,
 * queued 150 queries on two cores (p99 ≈ 200–350 ms). A call-back's "call soon" reminder address is taken
 * out in the same statement, by the rule of takeReminder (SQL twin).
 */
export async function nextCallerClaimer(props: { services: Services; staffId: string; origin: AuditOrigin }): Promise<HotlineTicketRow> {
  const { services, staffId, origin } = props;
  const taken = await claimInBatch(services, { staffId, origin, now: services.clock.now() });
  const reminder =
    taken.kind === "callback" && taken.notifyOpenidEnc !== null
      ? takeReminder(services.cipher, { ...taken.row, notifyOpenidEnc: taken.notifyOpenidEnc, notifyTemplates: taken.notifyTemplates }, "call_soon", false).reminder
      : null;
  await sendReminders(services, [reminder]);
  announceQueueChange(services, [taken.row]);
  return taken.row;
}

/** What a claim took: the ticket, and its reminder columns as they were before the claim. */
interface ClaimTaken {
  row: HotlineTicketRow;
  kind: string;
  notifyOpenidEnc: string | null;
  notifyTemplates: string[];
}
interface PendingClaim {
  staffId: string;
  origin: AuditOrigin;
  now: Date;
  resolve: (taken: ClaimTaken) => void;
  reject: (error: unknown) => void;
}
const claimBatches = new WeakMap<Services, { pending: PendingClaim[]; running: boolean }>();

function claimInBatch(services: Services, claim: Omit<PendingClaim, "resolve" | "reject">): Promise<ClaimTaken> {
  let state = claimBatches.get(services);
  if (!state) {
    state = { pending: [], running: false };
    claimBatches.set(services, state);
  }
  const run = state;
  const promise = new Promise<ClaimTaken>((resolve, reject) => run.pending.push({ ...claim, resolve, reject }));
  if (!run.running) {
    run.running = true;
    setImmediate(() => void drainClaims(services, run));
  }
  return promise;
}

async function drainClaims(services: Services, state: { pending: PendingClaim[]; running: boolean }): Promise<void> {
  try {
    while (state.pending.length > 0) {
      // one claim per counsellor in a statement; a second click of the same counsellor waits for the next
      const batch: PendingClaim[] = [];
      const rest: PendingClaim[] = [];
      for (const claim of state.pending.splice(0)) (batch.length < 100 && !batch.some((other) => other.staffId === claim.staffId) ? batch : rest).push(claim);
      state.pending.unshift(...rest);
      await claimBatch(services, batch);
    }
  } finally {
    state.running = false;
  }
}

/** Claims for a batch and settles each; never throws. */
async function claimBatch(services: Services, batch: PendingClaim[]): Promise<void> {
  let taken: Map<string, ClaimTaken>;
  try {
    taken = await claimStatement(services, batch);
  } catch (error) {
    if (batch.length > 1 && isUniqueViolation(error)) {
      // someone in the batch took a call meanwhile (another process): claim by claim, so only they are refused
      for (const claim of batch) await claimBatch(services, [claim]);
      return;
    }
    for (const claim of batch) claim.reject(isUniqueViolation(error) ? ConflictError("HOTLINE_ALREADY_ON_CALL") : error);
    return;
  }
  for (const claim of batch) {
    const row = taken.get(claim.staffId);
    if (row) {
      claim.resolve(row);
      continue;
    }
    // left out: not on duty, on leave, already on a call, or nobody ready is waiting
    await assertCanTakeCalls(services.db, claim.staffId, claim.now)
      .then(() => assertNoClaim(services.db, claim.staffId))
      .then(
        () => claim.reject(NotFoundError("HOTLINE_QUEUE_EMPTY")),
        (error: unknown) => claim.reject(error),
      );
  }
}

async function claimStatement(services: Services, batch: PendingClaim[]): Promise<Map<string, ClaimTaken>> {
  const at = batch[0]!.now.toISOString();
  const claimers = JSON.stringify(
    batch.map((claim, index) => ({ staff_id: claim.staffId, actor_type: claim.origin.actorType, actor_id: claim.origin.actorId, ip: claim.origin.ip, request_id: claim.origin.requestId, ord: index + 1 })),
  );
  const result = await services.db.execute(sql`
    WITH asked AS (
      SELECT * FROM jsonb_to_recordset(${claimers}::jsonb) AS c(staff_id uuid, actor_type text, actor_id uuid, ip text, request_id text, ord int)
    ), claimers AS (
      -- those who may take a call now, renumbered in arrival order
      SELECT asked.staff_id, asked.actor_type, asked.actor_id, asked.ip, asked.request_id, row_number() OVER (ORDER BY asked.ord) AS ord
      FROM asked WHERE ${canTakeNextCall(sql`asked.staff_id`, batch[0]!.now)}
    ), next AS (
      SELECT id, kind, priority, joined_at, notify_openid_enc, notify_templates FROM hotline_tickets
      -- a call-back whose window has just closed is not called outside it (the missed-window job ends it)
      WHERE status = 'waiting' AND ready_at <= ${at}::timestamptz AND (window_end IS NULL OR window_end > ${at}::timestamptz)
      ORDER BY priority DESC, joined_at, id
      LIMIT (SELECT count(*) FROM claimers)
      FOR UPDATE SKIP LOCKED
    ), taken AS (
      -- takeReminder(row, "call_soon", ending: false) for a call-back; nothing for an inbound ticket
      SELECT ranked.id, ranked.kind, claimers.staff_id, claimers.actor_type, claimers.actor_id, claimers.ip, claimers.request_id, claimers.ord,
        CASE WHEN ranked.kind = 'callback' AND ranked.notify_openid_enc IS NOT NULL AND 'call_soon' = ANY(ranked.notify_templates)
          THEN array_remove(ranked.notify_templates, 'call_soon') ELSE ranked.notify_templates END AS remaining
      FROM (SELECT next.*, row_number() OVER (ORDER BY priority DESC, joined_at, id) AS ord FROM next) ranked
      JOIN claimers ON claimers.ord = ranked.ord
    ), claimed AS (
      UPDATE hotline_tickets t SET status = 'claimed', claimed_by = taken.staff_id, claimed_at = ${at}::timestamptz,
        first_claimed_at = coalesce(t.first_claimed_at, ${at}::timestamptz), claimant_seen_at = ${at}::timestamptz, updated_at = ${at}::timestamptz,
        notify_openid_enc = CASE WHEN taken.kind = 'callback' AND cardinality(taken.remaining) = 0 THEN NULL ELSE t.notify_openid_enc END,
        notify_templates = CASE WHEN taken.kind = 'callback' AND cardinality(taken.remaining) = 0 THEN '{}'::text[] ELSE taken.remaining END
      FROM taken WHERE t.id = taken.id AND t.status = 'waiting'
      RETURNING t.id
    ), audit AS (
      INSERT INTO audit_events (actor_type, actor_id, action, target_type, target_id, ip, request_id, detail)
      SELECT taken.actor_type, taken.actor_id, 'hotline.claim', 'hotline_ticket', claimed.id::text, taken.ip, taken.request_id, '{"via":"next"}'::jsonb
      FROM claimed JOIN taken ON taken.id = claimed.id
      ORDER BY taken.ord
    )
    SELECT taken.staff_id, next.id, next.kind, next.notify_openid_enc, next.notify_templates
    FROM claimed JOIN taken ON taken.id = claimed.id JOIN next ON next.id = claimed.id`);
  const rows = (result as { rows: Array<{ staff_id: string; id: string; kind: string; notify_openid_enc: string | null; notify_templates: string[] }> }).rows;
  if (rows.length === 0) return new Map();
  // the claimed tickets as they are after the commit, one read for the batch
  const tickets = await services.db.select().from(hotlineTickets).where(inArray(hotlineTickets.id, rows.map((row) => row.id)));
  const byId = new Map(tickets.map((ticket) => [ticket.id, ticket]));
  return new Map(rows.map((row) => [row.staff_id, { row: byId.get(row.id)!, kind: row.kind, notifyOpenidEnc: row.notify_openid_enc, notifyTemplates: row.notify_templates }]));
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
