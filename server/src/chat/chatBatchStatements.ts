import { sql, type SQL } from "drizzle-orm";
import { chatMessages, conversations, type ChatMessageRow } from "../db/schema";
import type { DbOrTx } from "../db/database";
import { rowFromJson } from "../db/rowFromJson";
import type { ConversationRow } from "./conversationQueries";

/**
 * The SQL of one group-commit batch (chatSendBatcher.ts), in as few round trips as the guarantees allow:
 * BEGIN, lockBatch (row locks, rate locks and the resend/rate lookup in one statement), insertBatch (the
 * counters and the messages, written only if the lookup was still true), COMMIT.
 */

/** A send as the lookups know it: conversation, sender type and id, client message id. */
export interface WantedSend {
  c: string;
  t: string;
  s: string;
  m: string;
}

/** What the resend/rate lookup found: resent keys `c:t:s:m`, and per sender `t:s` its message times (ms) of the window. */
export interface BatchLookup {
  resent: Set<string>;
  recent: Map<string, number[]>;
}

export interface LookupProps {
  wanted: WantedSend[];
  senders: Array<{ t: string; s: string }>;
  /** Start of the rate window. */
  since: Date;
}

const json = (value: unknown): SQL => sql`${JSON.stringify(value)}::jsonb`;
const parsed = <T>(value: unknown): T | null => (typeof value === "string" ? (JSON.parse(value) as T) : ((value ?? null) as T | null));

/** The resend and rate lookups as two json aggregates, each run only once `gate` holds (when given). */
function lookupColumns(props: LookupProps, gate: SQL): SQL {
  return sql`
    (SELECT json_agg(w.c || ':' || w.t || ':' || w.s || ':' || w.m)
       FROM jsonb_to_recordset(${json(props.wanted)}) AS w(c uuid, t text, s uuid, m text)
       WHERE ${gate} AND EXISTS (SELECT 1 FROM ${chatMessages} m WHERE m.conversation_id = w.c AND m.sender_type = w.t AND m.sender_id = w.s AND m.client_message_id = w.m)) AS resent,
    (SELECT json_agg(json_build_array(s.t || ':' || s.s, extract(epoch FROM m.created_at) * 1000))
       FROM jsonb_to_recordset(${json(props.senders)}) AS s(t text, s uuid)
       JOIN ${chatMessages} m ON m.sender_type = s.t AND m.sender_id = s.s AND m.created_at > ${props.since.toISOString()}::timestamptz
       WHERE ${gate}) AS recent`;
}

function lookupOf(row: { resent: unknown; recent: unknown } | undefined): BatchLookup {
  const resent = new Set(parsed<string[]>(row?.resent) ?? []);
  const recent = new Map<string, number[]>();
  for (const [key, ms] of parsed<Array<[string, number | string]>>(row?.recent) ?? []) recent.set(key, [...(recent.get(key) ?? []), Number(ms)]);
  return { resent, recent };
}

/**
 * One statement: locks the conversations' rows in id order, then (only once every row is locked) the
 * sending counsellors' rate locks in key order, then (only once those are held) looks up resends and
 * every sender's messages of the rate window. The order is that of the single-message path (row lock,
 * then rate lock: chatMessageSender's lockSenderRate) and of the separate statements this replaces, so
 * no two transactions wait on each other in a circle; the gates are one-time filters on scalar
 * subqueries (`WHERE (SELECT n FROM …) >= 0`), which PostgreSQL evaluates before the rows they guard.
 *
 * The locked rows are the newest versions (FOR UPDATE follows a concurrent update), but the lookups read
 * the snapshot taken when the statement began, before any lock wait: a send committed meanwhile by
 * another process (or another command) can be missing from them. insertBatch therefore checks them again
 * in its own, later snapshot and writes nothing if they changed.
 */
export async function lockBatch(tx: DbOrTx, props: LookupProps & { conversationIds: string[]; rateKeys: string[] }): Promise<{ locked: ConversationRow[]; lookup: BatchLookup }> {
  const result = (await tx.execute(sql`
    WITH locked AS MATERIALIZED (
      SELECT c.* FROM ${conversations} c
      WHERE c.id IN (SELECT jsonb_array_elements_text(${json(props.conversationIds)})::uuid)
      ORDER BY c.id FOR UPDATE OF c),
    rows_locked AS MATERIALIZED (SELECT count(*) AS n FROM locked),
    rates_locked AS MATERIALIZED (
      SELECT count(*) AS n FROM (
        SELECT pg_advisory_xact_lock(hashtext(k)) FROM jsonb_array_elements_text(${json(props.rateKeys)}) AS k
        WHERE (SELECT n FROM rows_locked) >= 0 ORDER BY k) taken)
    SELECT (SELECT json_agg(row_to_json(locked)) FROM locked) AS locked,
      ${lookupColumns(props, sql`(SELECT n FROM rates_locked) >= 0`)}`)) as unknown as { rows: Array<{ locked: unknown; resent: unknown; recent: unknown }> };
  const [row] = result.rows;
  const locked = (parsed<Array<Record<string, unknown>>>(row?.locked) ?? []).map((json) => rowFromJson(conversations, json));
  return { locked: locked.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)), lookup: lookupOf(row) };
}

/** The same lookups alone, in a fresh snapshot (the locks are already held): after insertBatch found lockBatch's out of date. */
export async function lookupBatch(tx: DbOrTx, props: LookupProps): Promise<BatchLookup> {
  const result = (await tx.execute(sql`SELECT ${lookupColumns(props, sql`true`)}`)) as unknown as { rows: Array<{ resent: unknown; recent: unknown }> };
  return lookupOf(result.rows[0]);
}

/** A conversation's counters after the batch. */
export interface ConversationChange {
  id: string;
  last_seq: number;
  speech: boolean;
  risk_level: string;
  risk_categories: string[];
  risk_raised_at: string | null;
}

/**
 * The counters and the messages in one statement; the row locks keep seq gap-free and unique. With
 * `expected` (the lookup the batch was decided on), it first reads the lookup again in this statement's
 * snapshot (taken after every lock was held): if a message to be written now exists, or any sender's
 * count of the rate window differs, nothing is written and it returns false (the caller looks up again
 * and decides again). Otherwise it fills in the rows' ids and returns true.
 */
export async function insertBatch(tx: DbOrTx, props: { rows: ChatMessageRow[]; changed: ConversationChange[]; now: Date; expected?: LookupProps & { lookup: BatchLookup } }): Promise<boolean> {
  const { rows, changed, now, expected } = props;
  const values = rows.map((row, n) => ({ n, conversation_id: row.conversationId, seq: row.seq, sender_type: row.senderType, sender_id: row.senderId, client_message_id: row.clientMessageId, body_enc: row.bodyEnc, risk_level: row.riskLevel, risk_categories: row.riskCategories }));
  const still = expected
    ? sql`NOT EXISTS (SELECT 1 FROM incoming r JOIN ${chatMessages} m
          ON m.conversation_id = r.conversation_id AND m.sender_type = r.sender_type AND m.sender_id = r.sender_id AND m.client_message_id = r.client_message_id)
        AND NOT EXISTS (SELECT 1 FROM jsonb_to_recordset(${json(expected.senders.map((sender) => ({ ...sender, n: expected.lookup.recent.get(`${sender.t}:${sender.s}`)?.length ?? 0 })))}) AS s(t text, s uuid, n int)
          WHERE s.n <> (SELECT count(*) FROM ${chatMessages} m WHERE m.sender_type = s.t AND m.sender_id = s.s AND m.created_at > ${expected.since.toISOString()}::timestamptz))`
    : sql`true`;
  const inserted = (await tx.execute(sql`
    WITH incoming AS MATERIALIZED (
      SELECT * FROM jsonb_to_recordset(${json(values)}) AS r(n int, conversation_id uuid, seq int, sender_type text, sender_id uuid, client_message_id text, body_enc text, risk_level text, risk_categories jsonb)),
    still AS MATERIALIZED (SELECT ${still} AS ok),
    bumped AS (
      UPDATE ${conversations} c SET last_seq = v.last_seq,
        last_activity_at = CASE WHEN v.speech THEN ${now.toISOString()}::timestamptz ELSE c.last_activity_at END,
        idle_reminder_sent_at = CASE WHEN v.speech THEN NULL ELSE c.idle_reminder_sent_at END,
        risk_level = v.risk_level,
        risk_categories = ARRAY(SELECT jsonb_array_elements_text(v.risk_categories))::text[],
        risk_raised_at = COALESCE(v.risk_raised_at, c.risk_raised_at)
      FROM jsonb_to_recordset(${json(changed)}) AS v(id uuid, last_seq int, speech boolean, risk_level text, risk_categories jsonb, risk_raised_at timestamptz)
      WHERE c.id = v.id AND (SELECT ok FROM still) RETURNING c.id)
    INSERT INTO ${chatMessages} (conversation_id, seq, sender_type, sender_id, client_message_id, body_enc, risk_level, risk_categories, created_at)
    SELECT r.conversation_id, r.seq, r.sender_type, r.sender_id, r.client_message_id, r.body_enc, r.risk_level, ARRAY(SELECT jsonb_array_elements_text(r.risk_categories))::text[], ${now.toISOString()}::timestamptz
      FROM incoming r
      WHERE r.conversation_id IN (SELECT id FROM bumped)
      ORDER BY r.n
    RETURNING id, conversation_id, seq`)) as unknown as { rows: Array<{ id: number | string; conversation_id: string; seq: number | string }> };
  if (inserted.rows.length === 0 && expected) return false;
  if (inserted.rows.length !== rows.length) throw new Error(`chat batch stored ${inserted.rows.length} of ${rows.length} messages`);
  const ids = new Map(inserted.rows.map((row) => [`${row.conversation_id}:${Number(row.seq)}`, Number(row.id)]));
  for (const row of rows) row.id = ids.get(`${row.conversationId}:${row.seq}`)!;
  return true;
}
