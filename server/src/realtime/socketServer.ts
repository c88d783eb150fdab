import { personalRoom } from "@xinyuan/shared";
import type { Server as HttpServer } from "node:http";
import pg from "pg";
import { Server as SocketServer, type Socket } from "socket.io";
import type { ClientToServerEvents, ServerToClientEvents } from "@xinyuan/shared";
import type { Services } from "../services";
import type { Actor } from "../auth/actor";
import { authenticateToken } from "../auth/authenticateToken";
import { AppError } from "../http/errors";
import type { Realtime } from "./realtime";
import { createSealedPostgresAdapter, createSealedRedisAdapter, envelopeKeysFrom } from "./sealedAdapter";
import { connectionCounter, rateLimitedAck, socketClientKey, socketEventLimiter, tooManyConnections } from "./socketLimits";

export interface SocketData {
  actor: Actor;
  sessionId: string;
}

export type XinyuanSocketServer = SocketServer<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
export type XinyuanSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

/** Feature modules register their socket handlers here (hotline queue, chat). */
export type SocketFeature = (io: XinyuanSocketServer, socket: XinyuanSocket, services: Services) => void;

/** user-<id> / staff-<id>: names defined once in shared/src/realtimeRooms.ts. */
export { personalRoom };

/**
 * socket.io on the same HTTP server. The handshake carries the same bearer token as HTTP
 * (auth: { token }); each socket joins its personal room. On PostgreSQL, rooms span processes through
 * @socket.io/postgres-adapter, every message sealed (sealedAdapter.ts); on PGlite there is one process by construction.
 */
export async function attachSocketServer(httpServer: HttpServer, services: Services, pgPool: import("pg").Pool | undefined, features: SocketFeature[]): Promise<{ io: XinyuanSocketServer; realtime: Realtime; closeAdapter: () => Promise<void> }> {
  const io: XinyuanSocketServer = new SocketServer(httpServer, {
    path: "/socket.io",
    serveClient: false,
    maxHttpBufferSize: 64 * 1024,
    pingInterval: 20_000,
    pingTimeout: 20_000,
    cors: { origin: services.config.corsOrigins.length > 0 ? services.config.corsOrigins : false },
  });
  let closeAdapter = async () => undefined as void;
  const onDropped = () => services.log.warn({ event: "realtime.envelope_dropped" }, "a cross-process message without a valid envelope was dropped");
  if (services.config.redisUrl) {
    // Redis when configured (REDIS_URL), sealed the same way: whoever can read the stream sees envelopes only.
    const redis = await createSealedRedisAdapter(services.config.redisUrl, envelopeKeysFrom(services.config.fieldKeys), { onDropped, onError: (error) => services.log.warn({ err: error, event: "realtime.redis_error" }, "redis adapter error") });
    io.adapter(redis.factory);
    closeAdapter = redis.close;
  } else if (pgPool) {
    // Sealed: pg_notify payloads and socket_io_attachments rows are readable by any database login.
    const keys = envelopeKeysFrom(services.config.fieldKeys);
    // The adapter's own few connections, with synchronous_commit off: every NOTIFY commits a transaction,
    // and waiting for its WAL flush (an fsync) put each envelope behind the disk and behind the chat
    // transactions on the shared pool. A notification and its 30-second attachment row need no durability;
    // the chat messages themselves still commit on the main pool, flushed, before their ack.
    const adapterPool = new pg.Pool({ ...pgPool.options, max: 3, options: "-c synchronous_commit=off" });
    // an idle connection dropped by the server: the pool replaces it; say so rather than crash or stay silent
    adapterPool.on("error", (error) => services.log.warn({ err: error, event: "realtime.adapter_pool_error" }, "socket adapter connection error"));
    io.adapter(await createSealedPostgresAdapter(adapterPool, keys, { tableName: "socket_io_attachments", heartbeatInterval: 5000, heartbeatTimeout: 15000, onDropped }));
    closeAdapter = () => adapterPool.end();
  }
  const { connectionsPerSession, connectionsPerAddress } = services.config.sockets;
  const perSession = connectionCounter();
  const perAddress = connectionCounter();
  const refuse = (code: string, message?: string) => Object.assign(new Error(code), { data: { code, ...(message ? { message } : {}) } });
  io.use(async (socket, next) => {
    // A whole school may sit behind one address: its cap is high; one session's is small (tabs, devices).
    const addressKey = socketClientKey(socket.handshake, services.config.trustProxy);
    if (perAddress.count(addressKey) >= connectionsPerAddress) return next(refuse("TOO_MANY_CONNECTIONS", tooManyConnections.address));
    const token = typeof socket.handshake.auth?.token === "string" ? socket.handshake.auth.token : undefined;
    if (!token) return next(refuse("UNAUTHENTICATED"));
    try {
      const { actor, sessionId } = await authenticateToken(services, token);
      // Staff who must change their password or enrol TOTP first get no socket, as they get no API.
      if (actor.type === "staff" && actor.pending.length > 0) {
        const code = actor.pending.includes("change_password") ? "PASSWORD_CHANGE_REQUIRED" : "TOTP_ENROLMENT_REQUIRED";
        return next(refuse(code));
      }
      // Checked and reserved in one synchronous step after the await: simultaneous handshakes cannot all slip in.
      if (perSession.count(sessionId) >= connectionsPerSession) return next(refuse("TOO_MANY_CONNECTIONS", tooManyConnections.session));
      if (perAddress.count(addressKey) >= connectionsPerAddress) return next(refuse("TOO_MANY_CONNECTIONS", tooManyConnections.address));
      if (socket.conn.readyState === "closed") return next(refuse("UNAUTHENTICATED"));
      const releases = [perSession.reserve(sessionId), perAddress.reserve(addressKey)];
      // Released when this socket ends (a server-side disconnect keeps the connection for a reconnect) or the
      // connection closes before it ever connected.
      const release = () => {
        releases.forEach((one) => one());
        socket.conn.off("close", release);
      };
      socket.conn.once("close", release);
      socket.once("disconnect", release);
      socket.data.actor = actor;
      socket.data.sessionId = sessionId;
      next();
    } catch (error) {
      const code = error instanceof AppError ? error.code : "UNAUTHENTICATED";
      next(refuse(code));
    }
  });
  io.on("connection", (socket) => {
    void socket.join(personalRoom(socket.data.actor));
    // Every client event passes its per-socket bucket first (socketLimits.ts). Over it: an error ack when
    // the event asked for one, otherwise dropped; never a disconnect (a child typing fast stays in the chat).
    const limiter = socketEventLimiter(services.clock);
    socket.use((packet, next) => {
      const waitMs = limiter.take(String(packet[0]));
      if (waitMs === 0) return next();
      const ack = packet[packet.length - 1];
      if (typeof ack === "function") (ack as (result: unknown) => void)(rateLimitedAck(waitMs));
    });
    for (const feature of features) feature(io, socket, services);
  });
  const realtime: Realtime = {
    emit: (room, event, payload) => {
      if (typeof room !== "string" && room.length === 0) return;
      (io.to(room as string | string[]) as unknown as { emit(event: string, payload: unknown): void }).emit(event, payload);
    },
    isConnected: async (room) => (await io.in(room).fetchSockets()).length > 0,
  };
  return { io, realtime, closeAdapter };
}
