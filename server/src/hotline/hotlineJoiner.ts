import { randomUUID } from "node:crypto";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { JoinHotlineBody } from "@xinyuan/shared";
import { appUsers, hotlineTickets, schools } from "../db/schema";
import type { Services } from "../services";
import type { UserActor } from "../auth/actor";
import { recordAudits, type AuditEntry, type AuditOrigin } from "../audit/recordAudit";
import type { DbOrTx } from "../db/database";
import { AppError, ConflictError } from "../http/errors";
import { isUniqueViolation } from "../db/uniqueViolation";
import { counsellingConsentRefusal, loadCounsellingConsentStatuses } from "../users/counsellingConsent";
import { hotlineOpenState, type HotlineOpenState } from "./hotlineSchedule";
import type { HotlineTicketRow } from "./presentHotlineTicket";
import { announceQueueChange } from "./hotlineBroadcast";
import { checkCallbackWindow } from "./callbackWindowRules";
import { burstQueue } from "../db/burstQueue";
import { verifiedOpenid } from "../wechat/verifiedOpenid";
import { raiseClosedLineUnsafeAlert, raiseHotlineAlert } from "./hotlineRiskAlert";
import { sealed } from "../crypto/sealedColumns";

/** A "feeling unsafe" caller jumps the queue. */
export const urgentPriority = 10;
/** Advisory lock key serialising the queue-capacity check of joins (any constant unique in this app). */
const queueCapacityLock = 727275;

/**
 * Puts a caller in the queue. Refuses, with a kind message and without writing anything, when consent
 * is missing, the line is closed (a call-back may still be booked for a staffed window after it reopens), the
 * queue is full (never for someone who says they are not safe), or the caller already waits. The
 * phone and topic are encrypted; an opted-in reminder address is checked against the account's keyed
 * hash and stored encrypted on this ticket only.
 */
export async function hotlineJoiner(props: { services: Services; user: UserActor; body: JoinHotlineBody; origin: AuditOrigin }): Promise<HotlineTicketRow> {
  const { services, user, body, origin } = props;
  const { db, clock, cipher, config } = services;
  const now = clock.now();
  // first, before any WeChat call or write: read from the database, not the (possibly older) actor
  const needsOpenState = !(body.kind === "callback" && body.window);
  const gate = await joinGate(services, { userId: user.id, needsOpenState });
  if (gate.refusal) throw gate.refusal;

  // a call-back may be booked while the line is closed, for a window someone is rostered in
  const window = body.kind === "callback" && body.window ? await checkCallbackWindow(db, config.hotline, now, body.window) : null;
  const windowStart = window?.start ?? null;
  const windowEnd = window?.end ?? null;
  if (!window) {
    const open = gate.open!;
    if (!open.open) {
      if (body.feelingUnsafe) await raiseClosedLineUnsafeAlert({ services, userId: user.id, topic: body.topic ?? null });
      throw new AppError(409, "HOTLINE_CLOSED", undefined, { nextOpenAt: open.nextOpenAt?.toISOString() ?? null, alertRaised: body.feelingUnsafe });
    }
  }

  const ticketId = randomUUID();
  const notifyOpenidEnc = body.notify ? cipher.encrypt(await verifiedOpenid(services, user.id, body.notify.code, "HOTLINE_NOTIFY_FAILED"), sealed.hotlineNotifyOpenid.at({ id: ticketId })) : null;
  const readyAt = windowStart ?? now;
  const values: NewTicket = {
    id: ticketId,
    userId: user.id,
    kind: body.kind,
    status: "waiting",
    priority: body.feelingUnsafe ? urgentPriority : 0,
    feelingUnsafe: body.feelingUnsafe,
    joinedAt: now,
    firstReadyAt: readyAt,
    readyAt,
    windowStart,
    windowEnd,
    phoneEnc: body.kind === "callback" && body.phone ? cipher.encrypt(body.phone, sealed.hotlinePhone.at({ id: ticketId })) : null,
    topicEnc: body.topic ? cipher.encrypt(body.topic, sealed.hotlineTopic.at({ id: ticketId })) : null,
    schoolId: null,
    areaId: null,
    notifyOpenidEnc,
    notifyTemplates: notifyOpenidEnc ? [...new Set<string>(body.notify?.templates ?? [])] : [],
    updatedAt: now,
  };
  const audit: AuditEntry = { action: "hotline.join", targetType: "hotline_ticket", targetId: ticketId, detail: { kind: body.kind, feelingUnsafe: body.feelingUnsafe, notify: notifyOpenidEnc !== null } };
  return admitJoin(services, { values, userId: user.id, topic: body.topic ?? null, feelingUnsafe: body.feelingUnsafe, origin, audit });
}

interface GateResult {
  refusal: Error | null;
  open: HotlineOpenState | null;
}
/**
 * The read-only checks every join starts with — the caller's counselling consent (read now, from the
 * database) and whether the line is open — for all joins arriving while the previous check runs, in
 * three queries instead of four per join.
 */
const joinGate = burstQueue(async (services: Services, group: Array<{ userId: string; needsOpenState: boolean }>): Promise<GateResult[]> => {
  const { db, config, clock } = services;
  const [statuses, open] = await Promise.all([
    loadCounsellingConsentStatuses(db, [...new Set(group.map((request) => request.userId))]),
    group.some((request) => request.needsOpenState) ? hotlineOpenState(db, config.hotline, clock.now()) : null,
  ]);
  return group.map((request) => ({ refusal: counsellingConsentRefusal(statuses.get(request.userId)), open }));
});

type NewTicket = typeof hotlineTickets.$inferInsert & { id: string; userId: string };

/** One join that passed the checks outside the transaction, waiting for its place in the queue. */
interface PendingJoin {
  values: NewTicket;
  userId: string;
  topic: string | null;
  feelingUnsafe: boolean;
  origin: AuditOrigin;
  audit: AuditEntry;
  settle?: { resolve: (row: HotlineTicketRow) => void; reject: (error: unknown) => void };
}

/** Joins admitted together: at most this many in one transaction. */
const maxBatch = 200;
const admissions = new WeakMap<Services, { pending: PendingJoin[]; running: boolean }>();

/**
 * Queues a checked join for the next admission transaction and resolves once that transaction has
 * committed (or rejects with this caller's own refusal). Joins arriving while one admission runs are
 * admitted together in the next: one capacity lock, one INSERT, one audit INSERT and one commit for all
 * of them, instead of one serialised transaction each (the capacity lock and the audit chain head made
 * joins queue behind each other). Per process; other processes take the same advisory lock.
 */
function admitJoin(services: Services, join: PendingJoin): Promise<HotlineTicketRow> {
  let state = admissions.get(services);
  if (!state) {
    state = { pending: [], running: false };
    admissions.set(services, state);
  }
  const promise = new Promise<HotlineTicketRow>((resolve, reject) => {
    join.settle = { resolve, reject };
  });
  state.pending.push(join);
  if (!state.running) {
    state.running = true;
    const run = state;
    // one turn of the event loop, so joins arriving together start in the same transaction
    setImmediate(() => void drainAdmissions(services, run));
  }
  return promise;
}

async function drainAdmissions(services: Services, state: { pending: PendingJoin[]; running: boolean }): Promise<void> {
  try {
    while (state.pending.length > 0) await admitBatch(services, state.pending.splice(0, maxBatch));
  } finally {
    state.running = false;
  }
}

/** Runs one admission transaction and settles every join in it; never throws. */
async function admitBatch(services: Services, batch: PendingJoin[]): Promise<void> {
  let outcomes: Array<HotlineTicketRow | Error>;
  try {
    outcomes = await services.db.transaction((tx) => admitInTransaction(tx, services, batch));
  } catch (error) {
    if (batch.length === 1) {
      batch[0]!.settle!.reject(isUniqueViolation(error) ? ConflictError("HOTLINE_ALREADY_WAITING") : error);
      return;
    }
    // e.g. the same caller joining through another process at this instant: each join alone, so one
    // caller's failure is never another's
    services.log.warn({ err: error, joins: batch.length }, "hotline admission batch retried one by one");
    for (const join of batch) await admitBatch(services, [join]);
    return;
  }
  if (outcomes.some((outcome) => !(outcome instanceof Error))) announceQueueChange(services);
  outcomes.forEach((outcome, index) => (outcome instanceof Error ? batch[index]!.settle!.reject(outcome) : batch[index]!.settle!.resolve(outcome)));
}

/**
 * The admission rules, for a batch in arrival order: a caller who already waits (or waits twice in
 * this batch) is refused; the queue capacity is checked under the advisory lock, counting those
 * admitted before in the batch, and never refuses a caller who feels unsafe. Risky topics and the
 * "unsafe" switch raise their alert in this transaction; the audit rows go last, so the audit chain
 * head is held only until the commit right after.
 */
async function admitInTransaction(tx: DbOrTx, services: Services, batch: PendingJoin[]): Promise<Array<HotlineTicketRow | Error>> {
  const userIds = [...new Set(batch.map((join) => join.userId))];
  const active = await tx
    .select({ userId: hotlineTickets.userId })
    .from(hotlineTickets)
    .where(and(inArray(hotlineTickets.userId, userIds), inArray(hotlineTickets.status, ["waiting", "claimed"])));
  const waitingUsers = new Set(active.map((row) => row.userId));
  let queued = 0;
  if (batch.some((join) => !join.feelingUnsafe)) {
    // One capacity check at a time: without it, joins at the same moment each count the queue before
    // the others insert and together overfill it. Held to the end of this short transaction.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${queueCapacityLock})`);
    const [count] = await tx.select({ count: sql<number>`count(*)::int` }).from(hotlineTickets).where(inArray(hotlineTickets.status, ["waiting", "claimed"]));
    queued = Number(count?.count ?? 0);
  }
  const outcomes: Array<HotlineTicketRow | Error> = [];
  const admitted: PendingJoin[] = [];
  for (const join of batch) {
    if (waitingUsers.has(join.userId)) outcomes.push(ConflictError("HOTLINE_ALREADY_WAITING"));
    else if (!join.feelingUnsafe && queued >= services.config.hotline.queueCapacity) outcomes.push(new AppError(409, "HOTLINE_FULL"));
    else {
      waitingUsers.add(join.userId);
      queued += 1;
      admitted.push(join);
      outcomes.push(new Error("pending"));
    }
  }
  if (admitted.length === 0) return outcomes;
  const profiles = await tx
    .select({ id: appUsers.id, schoolId: appUsers.schoolId, areaId: schools.areaId })
    .from(appUsers)
    .leftJoin(schools, eq(schools.id, appUsers.schoolId))
    .where(inArray(appUsers.id, admitted.map((join) => join.userId)));
  const profileOf = new Map(profiles.map((row) => [row.id, row]));
  const inserted = await tx
    .insert(hotlineTickets)
    .values(admitted.map((join) => ({ ...join.values, schoolId: profileOf.get(join.userId)?.schoolId ?? null, areaId: profileOf.get(join.userId)?.areaId ?? null })))
    .returning();
  const rowById = new Map(inserted.map((row) => [row.id, row]));
  for (const join of admitted) {
    if (join.topic || join.feelingUnsafe) await raiseHotlineAlert({ tx, services, ticketId: join.values.id, userId: join.userId, topic: join.topic, feelingUnsafe: join.feelingUnsafe });
  }
  await recordAudits(tx, admitted.map((join) => ({ origin: join.origin, entry: join.audit })));
  return outcomes.map((outcome, index) => (outcome instanceof AppError ? outcome : rowById.get(batch[index]!.values.id) ?? outcome));
}
