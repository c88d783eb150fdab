import { randomUUID } from "node:crypto";
import { chatSystemLines, higherRiskLevel, type ChatMessageView, type RiskLevel, type RiskSignalCategory, type SendChatMessageInput } from "@xinyuan/shared";
import { conversations, type ChatMessageRow } from "../db/schema";
import type { Services } from "../services";
import type { Actor } from "../auth/actor";
import { AppError, NotFoundError } from "../http/errors";
import { retryTransaction } from "../db/retryTransaction";
import { scriptedTransaction, sqlLiteral, tableRowFrom, type TransactionScript } from "../db/scriptedTransaction";
import { detectRisk, type RiskAssessment } from "../risk/riskDetector";
import { sealed } from "../crypto/sealedColumns";
import { stageTimings } from "../realtime/stageTimings";
import { ChatEffects } from "./chatEffects";
import { flushChatEffects } from "./chatEffectsFlusher";
import { raiseChatRiskAlerts } from "./chatRiskAlerts";
import { authorizeSend } from "./chatPolicy";
import { checkMessageBody, refuseOverRate } from "./chatMessageSender";
import { findMessageByClientId } from "./chatMessageWriter";
import type { ConversationRow } from "./conversationQueries";
import { presentStaffMessages, presentUserMessage } from "./presentChatMessage";

/**
 * Group commit for "chat:send". Sends that arrive while a batch is being written (or in the same turn
 * of the event loop) are stored together in ONE transaction: one row-lock statement for all their
 * conversations (in id order, so batches never deadlock each other), one resend-and-rate lookup, one
 * multi-row INSERT with the counters' UPDATE, one COMMIT — on PostgreSQL in two round trips
 * (db/scriptedTransaction.ts: BEGIN with the locks and the lookup, the insert with the COMMIT); then the
 * notices go out and every send is acknowledged — only after the commit, so an ack is never a lie. Per message the rules are those of
 * appendChatMessage (which system lines and a chat's first message still use): a resent clientMessageId answers with the stored message, the
 * membership and the per-sender rate refuse that one send only (the others of the batch go on), seq is
 * the conversation's next one in arrival order (gap-free), a student's risk raises the level and, when
 * it becomes serious, adds the safety line right after the message. Per-sender order: chatSocket's
 * queue hands a (sender, conversation)'s next send over only after the previous one was answered, so a
 * batch holds at most one send of each lane. Batches written at the same time (up to three on PostgreSQL)
 * never share a conversation or a sending counsellor (takeBatch). A database failure fails the sends of that batch only
 * (their clients' outboxes send again; nothing was stored).
 */

interface PendingSend {
  actor: Actor;
  input: SendChatMessageInput;
  risk: RiskAssessment | undefined;
  resolve: (view: ChatMessageView) => void;
  reject: (error: unknown) => void;
  /** performance.now() when it joined the queue (stage timings for the benchmark). */
  queuedAt: number;
}

/** Outcome of one send inside the batch transaction, acted on after the commit. */
type Outcome = { kind: "stored"; row: ChatMessageRow } | { kind: "existing"; row: ChatMessageRow } | { kind: "refused"; error: unknown };

/** At most this many sends per transaction (keeps one statement's parameters and the lock set bounded). */
const maxBatch = 256;
/** Batches written at once per process on PostgreSQL (each holds a pool connection); PGlite runs one. */
const concurrentBatches = 3;

interface Batcher {
  queue: PendingSend[];
  running: number;
  scheduled: boolean;
  /** Conversations and sending counsellors of the batches being written (their row and rate locks). */
  held: Set<string>;
}

const batchers = new WeakMap<Services, Batcher>();

/** Stores one message through the process's group commit; resolves with the stored message as its sender sees it. */
export function chatBatchedSender(props: { services: Services; actor: Actor; input: SendChatMessageInput }): Promise<ChatMessageView> {
  const { services, actor, input } = props;
  checkMessageBody(input.body);
  const risk = actor.type === "user" ? detectRisk(input.body) : undefined;
  let batcher = batchers.get(services);
  if (!batcher) batchers.set(services, (batcher = { queue: [], running: 0, scheduled: false, held: new Set() }));
  const own = batcher;
  return new Promise<ChatMessageView>((resolve, reject) => {
    own.queue.push({ actor, input, risk, resolve, reject, queuedAt: performance.now() });
    schedule(services, own);
  });
}

function schedule(services: Services, batcher: Batcher): void {
  if (batcher.scheduled || batcher.queue.length === 0) return;
  const limit = services.dbKind === "postgres" ? concurrentBatches : 1;
  if (batcher.running >= limit) return;
  batcher.scheduled = true;
  // the rest of this turn's sends join the batch
  setImmediate(() => {
    batcher.scheduled = false;
    const batch = takeBatch(batcher);
    if (batch.length === 0) return;
    const keys = batch.flatMap(locksOf);
    keys.forEach((key) => batcher.held.add(key));
    batcher.running += 1;
    void writeBatch(services, batch).finally(() => {
      keys.forEach((key) => batcher.held.delete(key));
      batcher.running -= 1;
      schedule(services, batcher);
    });
    schedule(services, batcher);
  });
}

/** What a send locks in its batch's transaction: its conversation's row and, for a counsellor, their rate lock. */
const locksOf = (send: PendingSend) => (send.actor.type === "staff" ? [`c:${send.input.conversationId}`, `s:${send.actor.id}`] : [`c:${send.input.conversationId}`]);

/**
 * The next batch: queued sends, in arrival order, whose locks no batch being written holds. Batches
 * written at the same time then never wait for each other's locks (a slow one no longer holds up the
 * next), and the skipped sends go in a later batch. Once a send is skipped, every later send of its
 * conversation or sender is skipped too, so none overtakes it: per conversation and per sender, sends
 * still leave the queue in arrival order.
 */
function takeBatch(batcher: Batcher): PendingSend[] {
  const taken: PendingSend[] = [];
  const kept: PendingSend[] = [];
  const blocked = new Set(batcher.held);
  for (const send of batcher.queue) {
    const keys = locksOf(send);
    if (taken.length < maxBatch && !keys.some((key) => blocked.has(key))) taken.push(send);
    else {
      kept.push(send);
      keys.forEach((key) => blocked.add(key));
    }
  }
  batcher.queue = kept;
  return taken;
}

async function writeBatch(services: Services, batch: PendingSend[]): Promise<void> {
  const began = performance.now();
  if (stageTimings.on) {
    for (const send of batch) stageTimings.add("send: queued → batch began", began - send.queuedAt);
    stageTimings.add("batch: sends per batch", batch.length);
  }
  let effects = new ChatEffects();
  let outcomes: Outcome[] = [];
  try {
    outcomes = await retryTransaction(() =>
      scriptedTransaction(services, (script) => {
        effects = new ChatEffects();
        return storeBatch(script, services, batch, effects);
      }),
    );
  } catch (error) {
    for (const send of batch) send.reject(error);
    return;
  }
  const committed = performance.now();
  stageTimings.add("batch: transaction", committed - began);
  await flushChatEffects(services, effects);
  stageTimings.add("batch: notices after commit", performance.now() - committed);
  const staffNames = new Map(effects.staffNames);
  await Promise.all(
    batch.map(async (send, index) => {
      const outcome = outcomes[index]!;
      if (outcome.kind === "refused") return send.reject(outcome.error);
      try {
        send.resolve(send.actor.type === "user" ? presentUserMessage(outcome.row, services.cipher) : (await presentStaffMessages(services.db, services.cipher, [outcome.row], staffNames))[0]!);
      } catch (error) {
        send.reject(error);
      }
    }),
  );
}

const isSerious = (level: RiskLevel) => level === "high" || level === "imminent";
const senderKey = (actor: Actor) => `${actor.type}:${actor.id}`;

/**
 * The batch's writes inside its transaction, in two round trips on PostgreSQL (scriptedTransaction):
 * BEGIN with the row locks, the counsellors' rate locks and the resend/rate lookup; then the insert with
 * the COMMIT. Returns each send's outcome, in batch order.
 */
async function storeBatch(script: TransactionScript, services: Services, batch: PendingSend[], effects: ChatEffects): Promise<Outcome[]> {
  const { cipher, clock } = services;
  const now = clock.now();
  const conversationIds = [...new Set(batch.map((send) => send.input.conversationId))].sort();
  // each round trip (stage timings for the benchmark: on a busy machine a round trip, not the SQL, is the cost)
  let mark = performance.now();
  const lap = (stage: string) => {
    const at = performance.now();
    stageTimings.add(stage, at - mark);
    mark = at;
  };
  // A counsellor writes into several conversations: their rate is counted under a per-sender lock (as lockSenderRate).
  const staffIds = [...new Set(batch.filter((send) => send.actor.type === "staff").map((send) => send.actor.id))].sort();
  const since = new Date(now.getTime() - 1000);
  const wanted = batch.map((send) => ({ c: send.input.conversationId, t: send.actor.type, s: send.actor.id, m: send.input.clientMessageId }));
  const senders = [...new Map(batch.map((send) => [senderKey(send.actor), { t: send.actor.type, s: send.actor.id }])).values()];
  const statements = [
    // Row locks in id order: two batches (or a batch and a single-conversation command) never wait on each other in a circle.
    `SELECT * FROM conversations WHERE id = ANY(${sqlLiteral(`{${conversationIds.join(",")}}`)}::uuid[]) ORDER BY id FOR UPDATE`,
    // The rate locks after the row locks, as everywhere (lockSenderRate).
    ...(staffIds.length > 0 ? [`SELECT pg_advisory_xact_lock(hashtext(k)) FROM unnest(ARRAY(SELECT jsonb_array_elements_text(${sqlLiteral(JSON.stringify(staffIds.map((id) => `chat-rate:${id}`)))}::jsonb))) AS k ORDER BY k`] : []),
    // Resends and every sender's messages of the last second, in one statement. Its own snapshot is taken
    // after the locks above were granted, so a send committed by another process meanwhile is seen.
    `SELECT 'resend' AS kind, w.c || ':' || w.t || ':' || w.s || ':' || w.m AS k, NULL::float8 AS ms
      FROM jsonb_to_recordset(${sqlLiteral(JSON.stringify(wanted))}::jsonb) AS w(c uuid, t text, s uuid, m text)
      WHERE EXISTS (SELECT 1 FROM chat_messages m WHERE m.conversation_id = w.c AND m.sender_type = w.t AND m.sender_id = w.s AND m.client_message_id = w.m)
    UNION ALL
    SELECT 'recent', s.t || ':' || s.s, extract(epoch FROM m.created_at) * 1000
      FROM jsonb_to_recordset(${sqlLiteral(JSON.stringify(senders))}::jsonb) AS s(t text, s uuid)
      JOIN chat_messages m ON m.sender_type = s.t AND m.sender_id = s.s AND m.created_at > ${sqlLiteral(since.toISOString())}::timestamptz`,
  ];
  const answers = await script.run(statements);
  lap("batch: BEGIN, locks and lookup (one round trip)");
  const locked = answers[0]!.map((raw) => tableRowFrom(conversations, raw));
  const lookup = answers[answers.length - 1]! as Array<{ kind: string; k: string; ms: number | string | null }>;
  const byId = new Map<string, ConversationRow>(locked.map((row) => [row.id, row]));
  const resent = new Set<string>();
  const recent = new Map<string, number[]>();
  for (const row of lookup) {
    if (row.kind === "resend") resent.add(row.k);
    else recent.set(row.k, [...(recent.get(row.k) ?? []), Number(row.ms)]);
  }

  const state = new Map(locked.map((row) => [row.id, { lastSeq: row.lastSeq, riskLevel: row.riskLevel as RiskLevel, riskCategories: row.riskCategories as RiskSignalCategory[], riskRaisedAt: null as Date | null, speech: false, touched: false }]));
  const rows: ChatMessageRow[] = [];
  const append = (conversation: ConversationRow, sender: { type: "user" | "staff" | "system"; id: string | null }, clientMessageId: string, body: string, risk: RiskAssessment | undefined): ChatMessageRow => {
    const current = state.get(conversation.id)!;
    const seq = (current.lastSeq += 1);
    current.touched = true;
    if (sender.type !== "system") current.speech = true;
    const row: ChatMessageRow = {
      id: 0,
      conversationId: conversation.id,
      seq,
      senderType: sender.type,
      senderId: sender.id,
      clientMessageId,
      bodyEnc: cipher.encrypt(body, sealed.chatMessageBody.at({ conversationId: conversation.id, seq })),
      riskLevel: sender.type === "user" ? (risk?.level ?? "none") : null,
      riskCategories: risk?.categories ?? [],
      createdAt: now,
    };
    rows.push(row);
    effects.messages.push(row);
    effects.routing.set(conversation.id, { userId: conversation.userId, assignedStaffId: conversation.assignedStaffId, status: conversation.status, reminderArmed: conversation.notifyOpenidEnc !== null });
    return row;
  };

  const outcomes: Array<Outcome | { kind: "pending"; conversationId: string; clientMessageId: string; senderType: string; senderId: string }> = [];
  for (const send of batch) {
    const { actor, input } = send;
    const conversation = byId.get(input.conversationId);
    try {
      if (!conversation) throw NotFoundError("CHAT_NOT_FOUND");
      if (resent.has(`${conversation.id}:${actor.type}:${actor.id}:${input.clientMessageId}`)) {
        outcomes.push({ kind: "pending", conversationId: conversation.id, clientMessageId: input.clientMessageId, senderType: actor.type, senderId: actor.id });
        continue;
      }
      authorizeSend(actor, conversation);
      const times = recent.get(senderKey(actor)) ?? [];
      refuseOverRate(services, [...times].sort((a, b) => a - b));
      recent.set(senderKey(actor), [...times, now.getTime()]);
      if (actor.type === "staff") effects.staffNames.set(actor.id, actor.displayName);
      const risk = send.risk && send.risk.level !== "none" ? send.risk : undefined;
      const row = append(conversation, { type: actor.type, id: actor.id }, input.clientMessageId, input.body, risk);
      outcomes.push({ kind: "stored", row });
      if (risk) {
        const current = state.get(conversation.id)!;
        const before = current.riskLevel;
        current.riskLevel = higherRiskLevel(before, risk.level);
        current.riskCategories = [...new Set<RiskSignalCategory>([...current.riskCategories, ...risk.categories])];
        if (current.riskLevel !== before) current.riskRaisedAt = now;
        effects.risks.push({ conversationId: conversation.id, seq: row.seq, level: risk.level, categories: risk.categories });
        if (conversation.status === "waiting") effects.queueChanged = true;
        // The student also gets help right away, whether or not a counsellor is there yet.
        if (actor.type === "user" && isSerious(current.riskLevel) && !isSerious(before)) append(conversation, { type: "system", id: null }, `sys-${randomUUID()}`, chatSystemLines.safetyNote, undefined);
      }
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      outcomes.push({ kind: "refused", error });
    }
  }

  lap("batch: deciding (and sealing)");
  // A resend answers with the stored message, read in full (rare; it was committed before the lookup).
  const final: Outcome[] = [];
  for (const outcome of outcomes) {
    if (outcome.kind !== "pending") final.push(outcome);
    else {
      const row = await findMessageByClientId(await script.drizzle(), outcome.conversationId, { type: outcome.senderType as "user" | "staff", id: outcome.senderId }, outcome.clientMessageId);
      final.push(row ? { kind: "existing", row } : { kind: "refused", error: NotFoundError("CHAT_NOT_FOUND") });
    }
  }
  if (rows.length === 0) return final;

  const changed = [...state].filter(([, current]) => current.touched).map(([id, current]) => ({ id, last_seq: current.lastSeq, speech: current.speech, risk_level: current.riskLevel, risk_categories: current.riskCategories, risk_raised_at: current.riskRaisedAt?.toISOString() ?? null }));
  const values = rows.map((row, n) => ({ n, conversation_id: row.conversationId, seq: row.seq, sender_type: row.senderType, sender_id: row.senderId, client_message_id: row.clientMessageId, body_enc: row.bodyEnc, risk_level: row.riskLevel, risk_categories: row.riskCategories }));
  const nowLiteral = `${sqlLiteral(now.toISOString())}::timestamptz`;
  // The counters and the messages in one statement; the row locks above keep seq gap-free and unique.
  const insert = `
    WITH bumped AS (
      UPDATE conversations c SET last_seq = v.last_seq,
        last_activity_at = CASE WHEN v.speech THEN ${nowLiteral} ELSE c.last_activity_at END,
        idle_reminder_sent_at = CASE WHEN v.speech THEN NULL ELSE c.idle_reminder_sent_at END,
        risk_level = v.risk_level,
        risk_categories = ARRAY(SELECT jsonb_array_elements_text(v.risk_categories))::text[],
        risk_raised_at = COALESCE(v.risk_raised_at, c.risk_raised_at)
      FROM jsonb_to_recordset(${sqlLiteral(JSON.stringify(changed))}::jsonb) AS v(id uuid, last_seq int, speech boolean, risk_level text, risk_categories jsonb, risk_raised_at timestamptz)
      WHERE c.id = v.id RETURNING c.id)
    INSERT INTO chat_messages (conversation_id, seq, sender_type, sender_id, client_message_id, body_enc, risk_level, risk_categories, created_at)
    SELECT r.conversation_id, r.seq, r.sender_type, r.sender_id, r.client_message_id, r.body_enc, r.risk_level, ARRAY(SELECT jsonb_array_elements_text(r.risk_categories))::text[], ${nowLiteral}
      FROM jsonb_to_recordset(${sqlLiteral(JSON.stringify(values))}::jsonb) AS r(n int, conversation_id uuid, seq int, sender_type text, sender_id uuid, client_message_id text, body_enc text, risk_level text, risk_categories jsonb)
      WHERE r.conversation_id IN (SELECT id FROM bumped)
      ORDER BY r.n
    RETURNING id, conversation_id, seq`;
  // Risks become alerts in the same transaction, after the insert (rare); otherwise the COMMIT goes with the insert.
  const [inserted] = (effects.risks.length > 0 ? await script.run([insert]) : await script.runAndCommit([insert])) as Array<Array<{ id: number | string; conversation_id: string; seq: number | string }>>;
  lap(effects.risks.length > 0 ? "batch: insert statement" : "batch: insert + COMMIT (one round trip)");
  // Every row's conversation is in `changed`, so none is dropped; were one dropped, the COMMIT has already gone with
  // the insert: the whole batch is then answered with an error, and a resend (same clientMessageId) finds what was stored.
  if (inserted!.length !== rows.length) throw new Error(`chat batch stored ${inserted!.length} of ${rows.length} messages`);
  const ids = new Map(inserted!.map((row) => [`${row.conversation_id}:${Number(row.seq)}`, Number(row.id)]));
  for (const row of rows) row.id = ids.get(`${row.conversationId}:${row.seq}`)!;
  if (effects.risks.length > 0) await raiseChatRiskAlerts(await script.drizzle(), services, effects);
  return final;
}
