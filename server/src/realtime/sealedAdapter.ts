import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { deserialize, serialize } from "node:v8";
import type { Pool } from "pg";
import { stageTimings } from "./stageTimings";

/**
 * What crosses between server processes on PostgreSQL (pg_notify payloads and the >8 KB rows of
 * socket_io_attachments) is an AES-256-GCM envelope, never the emitted payload: any database login can
 * LISTEN, so a chat message relayed in clear would be readable by a login with no table rights at all.
 *
 * The envelope key is derived (HKDF-SHA256, its own label) from each configured field key, so it rotates
 * with FIELD_ENCRYPTION_KEYS and never equals a key that encrypts columns. Only `uid`, `nsp` and `type`
 * stay in clear (the adapter routes on them); they are bound to the ciphertext as additional data.
 * A message without a valid envelope is dropped: a login that can NOTIFY cannot inject broadcasts.
 */
const envelopeLabel = "xinyuan socket.io cross-process envelope v1";
/** Envelopes older than this are replays (or a process whose clock is badly off) and are dropped. */
const maxEnvelopeAgeMs = 5 * 60_000;

export interface EnvelopeKey {
  id: string;
  key: Buffer;
}

export function envelopeKeysFrom(fieldKeys: Array<{ id: string; key: Buffer }>): EnvelopeKey[] {
  return fieldKeys.map((entry) => ({ id: entry.id, key: Buffer.from(hkdfSync("sha256", entry.key, Buffer.alloc(0), envelopeLabel, 32)) }));
}

interface ClusterMessageLike {
  uid?: string;
  nsp?: string;
  type?: number;
  sealed?: string;
  /** The Redis streams adapter carries only uid, nsp, type and data: there the envelope is data.sealed. */
  data?: unknown;
  [field: string]: unknown;
}

/** Where the envelope travels: a top-level field (PostgreSQL adapter) or inside `data` (Redis streams adapter). */
export type EnvelopePlacement = "top" | "data";

const inPlacement = (sealed: ClusterMessageLike, placement: EnvelopePlacement): ClusterMessageLike =>
  placement === "top" ? sealed : { uid: sealed.uid, nsp: sealed.nsp, type: sealed.type, data: { sealed: sealed.sealed } };

const envelopeOf = (message: ClusterMessageLike): ClusterMessageLike => {
  if (typeof message.sealed === "string") return message;
  const inData = (message.data as { sealed?: unknown } | undefined)?.sealed;
  return typeof inData === "string" ? { uid: message.uid, nsp: message.nsp, type: message.type, sealed: inData } : message;
};

const additionalDataOf = (message: ClusterMessageLike) => Buffer.from(JSON.stringify([message.uid ?? null, message.nsp ?? null, message.type ?? null]));

export function sealClusterMessage(keys: EnvelopeKey[], message: ClusterMessageLike, now = Date.now()): ClusterMessageLike {
  const newest = keys[0]!;
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", newest.key, iv);
  const outer = { uid: message.uid, nsp: message.nsp, type: message.type };
  cipher.setAAD(additionalDataOf(outer));
  // v8 serialisation keeps what msgpack kept for the adapter (Buffers in binary payloads), unlike JSON.
  const body = Buffer.concat([cipher.update(serialize({ at: now, message })), cipher.final()]);
  return { ...outer, sealed: [newest.id, iv.toString("base64"), cipher.getAuthTag().toString("base64"), body.toString("base64")].join(".") };
}

/** The original message, or undefined when the envelope is missing, forged, for another key set, or stale. */
export function openClusterMessage(keys: EnvelopeKey[], outer: ClusterMessageLike, now = Date.now()): ClusterMessageLike | undefined {
  if (typeof outer.sealed !== "string") return undefined;
  const [keyId, iv, tag, body] = outer.sealed.split(".");
  const key = keys.find((entry) => entry.id === keyId)?.key;
  if (!key || iv === undefined || tag === undefined || body === undefined) return undefined;
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64"));
    decipher.setAAD(additionalDataOf(outer));
    decipher.setAuthTag(Buffer.from(tag, "base64"));
    const opened = deserialize(Buffer.concat([decipher.update(Buffer.from(body, "base64")), decipher.final()])) as { at: number; message: ClusterMessageLike };
    if (Math.abs(now - opened.at) > maxEnvelopeAgeMs) return undefined;
    if (opened.message.uid !== outer.uid || opened.message.nsp !== outer.nsp) return undefined;
    return opened.message;
  } catch {
    return undefined;
  }
}

interface SealableAdapter {
  doPublish(message: ClusterMessageLike): Promise<unknown>;
  doPublishResponse(requesterUid: string, response: ClusterMessageLike): Promise<unknown>;
  onMessage(message: ClusterMessageLike, offset?: string): void;
}

/**
 * A message type socket.io's ClusterAdapter does not use: several messages of one adapter sealed as one
 * envelope. A process that does not know it (an older version during a deploy) ignores it as unknown.
 */
const bundleType = 100;
/** At most this many messages per envelope. */
const maxBundle = 32;
/** Per envelope when more than maxBundle wait (the previous envelope took long): see takeBundle. */
const maxBacklogBundle = 256;
/**
 * At most this many bytes of v8-serialised messages per envelope (one message may exceed it alone):
 * encrypted and base64'd, a bundle stays under the 8 000-byte NOTIFY payload that the PostgreSQL adapter
 * sends as is. A bigger one costs an INSERT into socket_io_attachments and a SELECT back on every
 * process, this one included (the adapter's attachment header does not say whose it is).
 */
const maxBundleBytes = 5400;

/**
 * Seals what an adapter instance publishes and opens what it receives. Broadcasts published while the
 * previous envelope is on its way (a chat message's two emits, a burst of sends) leave together as one
 * envelope: one NOTIFY, one encryption and one decryption per receiver instead of one each.
 *
 * Envelopes leave one at a time, in publish order, so another process receives broadcasts in the order
 * they were made (one sender's messages stay in order across processes). A broadcast does not wait for
 * its envelope: ClusterAdapter delivers to this process's own sockets only after `doPublish` resolves,
 * and waiting for the NOTIFY round trip (behind whatever holds the pool) was most of a local chat
 * message's delivery time. The offset it would return only serves connection-state recovery, which
 * neither adapter here uses; a failed publish was only ever logged by ClusterAdapter (the PostgreSQL
 * adapter reports its own errors), so nothing is lost by not handing it back.
 * The library calls `adapter.onMessage` on the instance, and ClusterAdapter publishes through
 * `this.doPublish` / `this.doPublishResponse`, so wrapping those three methods covers every message.
 */
export function sealAdapter<A extends object>(adapter: A, keys: EnvelopeKey[], onDropped?: () => void, placement: EnvelopePlacement = "top"): A {
  const sealable = adapter as unknown as SealableAdapter;
  const publish = sealable.doPublish.bind(adapter);
  const publishResponse = sealable.doPublishResponse.bind(adapter);
  const receive = sealable.onMessage.bind(adapter);
  const pending: Array<{ message: ClusterMessageLike; bytes: number; at: number }> = [];
  let sending = false;
  const takeBundle = () => {
    // Behind: one big envelope (through the attachments table) catches up in two round trips, where
    // NOTIFY-sized ones would take one each per dozen messages and fall further behind.
    if (pending.length > maxBundle) return pending.splice(0, maxBacklogBundle);
    let count = 0;
    let bytes = 0;
    while (count < pending.length && count < maxBundle && (count === 0 || bytes + pending[count]!.bytes <= maxBundleBytes)) bytes += pending[count++]!.bytes;
    return pending.splice(0, count);
  };
  const send = async () => {
    while (pending.length > 0) {
      const batch = takeBundle();
      const first = batch[0]!.message;
      const outgoing = batch.length === 1 ? first : { uid: first.uid, nsp: first.nsp, type: bundleType, bundle: batch.map((entry) => entry.message) };
      const began = performance.now();
      let envelope: ClusterMessageLike;
      try {
        envelope = inPlacement(sealClusterMessage(keys, outgoing), placement);
        await publish(envelope);
      } catch {
        continue; // as ClusterAdapter did with a failed publish: the next envelopes still go
      }
      if (stageTimings.on) {
        stageTimings.add("adapter: publish round trip", performance.now() - began);
        for (const entry of batch) stageTimings.add("adapter: broadcast → published", performance.now() - entry.at);
        stageTimings.add("adapter: messages per envelope", batch.length);
        stageTimings.add("adapter: envelope KB", Buffer.byteLength(JSON.stringify(envelope)) / 1024);
      }
    }
    sending = false;
  };
  sealable.doPublish = (message) => {
    pending.push({ message, bytes: serialize(message).length, at: performance.now() });
    if (!sending) {
      sending = true;
      // the rest of this turn's broadcasts join the first envelope
      setImmediate(() => void send());
    }
    return Promise.resolve("");
  };
  sealable.doPublishResponse = (requesterUid, response) => publishResponse(requesterUid, inPlacement(sealClusterMessage(keys, response), placement));
  const ownUid = (adapter as unknown as { uid?: string }).uid;
  sealable.onMessage = (message, offset) => {
    // PostgreSQL hands a listener its own notifications back; the adapter ignores those anyway, so
    // they are not opened (one decryption less per emit). uid is bound to the envelope, so a forged
    // "own" uid could at most make this process skip a message, which is what the adapter does with it.
    if (ownUid !== undefined && message.uid === ownUid) return;
    const opened = openClusterMessage(keys, envelopeOf(message));
    if (!opened) return onDropped?.();
    if (opened.type !== bundleType) return receive(opened, offset);
    for (const inner of Array.isArray(opened.bundle) ? (opened.bundle as ClusterMessageLike[]) : []) {
      // every bundled message was sealed with the bundle, by the same adapter, for the same namespace
      if (inner.uid === opened.uid && inner.nsp === opened.nsp) receive(inner, offset);
    }
  };
  return adapter;
}

/** createAdapter of @socket.io/postgres-adapter, every adapter instance sealed (sealAdapter). */
export async function createSealedPostgresAdapter(pool: Pool, keys: EnvelopeKey[], options: { tableName: string; heartbeatInterval: number; heartbeatTimeout: number; onDropped?: () => void }) {
  if (keys.length === 0) throw new Error("the cross-process envelope needs at least one key");
  const { createAdapter } = await import("@socket.io/postgres-adapter");
  const makeAdapter = createAdapter(pool, options);
  // socket.io calls the factory with `new`, so a function (not an arrow) that returns the instance.
  return function sealedAdapter(nsp: Parameters<typeof makeAdapter>[0]) {
    return sealAdapter(makeAdapter(nsp), keys, options.onDropped);
  };
}

/**
 * createAdapter of @socket.io/redis-streams-adapter (maintained by the socket.io project; a ClusterAdapter
 * like the PostgreSQL one, so the same sealing applies): for deployments that outgrow one NOTIFY channel.
 * Redis sees only envelopes. Returns the factory and a close for the client it opened.
 */
export async function createSealedRedisAdapter(url: string, keys: EnvelopeKey[], options: { onDropped?: () => void; onError?: (error: unknown) => void }) {
  if (keys.length === 0) throw new Error("the cross-process envelope needs at least one key");
  const [{ createAdapter }, { createClient }] = await Promise.all([import("@socket.io/redis-streams-adapter"), import("redis")]);
  const client = createClient({ url });
  client.on("error", (error: unknown) => options.onError?.(error));
  await client.connect();
  // onlyPlaintext: the adapter sees envelopes (strings) only, never binary payloads
  const makeAdapter = createAdapter(client, { streamName: "xinyuan-socket.io", channelPrefix: "xinyuan-socket.io", onlyPlaintext: true });
  return {
    factory: function sealedAdapter(nsp: Parameters<typeof makeAdapter>[0]) {
      return sealAdapter(makeAdapter(nsp), keys, options.onDropped, "data");
    },
    close: async () => {
      await client.quit().catch(() => undefined);
    },
  };
}
