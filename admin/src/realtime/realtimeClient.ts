import { io, type Socket } from "socket.io-client";
import type { ClientToServerEvents, ServerToClientEvents } from "@xinyuan/shared";
import { ApiError } from "../request";

/**
 * The admin's one socket.io connection (auth: { token } from the session). An open socket is what makes
 * an on-duty counsellor "present": the server counts a staff member as available only while one of
 * their admin tabs is connected. socket.io reconnects by itself; every (re)connect runs the registered
 * resync callbacks (re-join rooms, refetch lists, "chat:resume" from the last seq), because we do not
 * rely on socket.io's connection state recovery.
 */

export type AdminSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
export type RealtimeStatus = "idle" | "connecting" | "connected" | "reconnecting";

type ServerEvent = keyof ServerToClientEvents;
type ClientEvent = keyof ClientToServerEvents;
type EventInput<E extends ClientEvent> = Parameters<ClientToServerEvents[E]>[0];
type EventAck<E extends ClientEvent> = Parameters<ClientToServerEvents[E]>[1];
type AckResult<E extends ClientEvent> = EventAck<E> extends (result: infer R) => void ? R : never;
/** What a client event's ack carries on success. */
export type AckData<E extends ClientEvent> = Extract<AckResult<E>, { ok: true }> extends { data: infer D } ? D : never;

type Handler = (...args: never[]) => void;
type LooseEmitter = { timeout(ms: number): { emit(event: string, input: unknown, ack: (error: Error | null, result: unknown) => void): void } };

export const realtimeOfflineMessage = "实时连接已断开，正在重新连接…";
const ackTimeoutMs = 8000;

let socket: AdminSocket | null = null;
let socketToken: string | null = null;
let status: RealtimeStatus = "idle";
const statusListeners = new Set<() => void>();
const connectListeners = new Set<() => void>();
const eventHandlers = new Map<string, Set<Handler>>();

function setStatus(next: RealtimeStatus): void {
  if (status === next) return;
  status = next;
  for (const listener of statusListeners) listener();
}

export function realtimeStatus(): RealtimeStatus {
  return status;
}

export function subscribeRealtimeStatus(listener: () => void): () => void {
  statusListeners.add(listener);
  return () => statusListeners.delete(listener);
}

/** Opens the connection for this session token (a no-op when it is already open for it). */
export function connectRealtime(token: string): void {
  if (socket && socketToken === token) return;
  disconnectRealtime();
  socketToken = token;
  const created: AdminSocket = io({ path: "/socket.io", auth: { token }, reconnection: true, reconnectionDelay: 1000, reconnectionDelayMax: 5000 });
  socket = created;
  setStatus("connecting");
  created.on("connect", () => {
    setStatus("connected");
    for (const listener of [...connectListeners]) listener();
  });
  created.on("disconnect", (reason) => {
    // A server-side disconnect stops socket.io's own retries: ask again, the session may still be good.
    if (reason === "io server disconnect") created.connect();
    setStatus("reconnecting");
  });
  created.on("connect_error", () => setStatus("reconnecting"));
  created.onAny((event: string, ...args: unknown[]) => {
    for (const handler of [...(eventHandlers.get(event) ?? [])]) (handler as (...values: unknown[]) => void)(...args);
  });
}

export function disconnectRealtime(): void {
  socket?.removeAllListeners();
  socket?.disconnect();
  socket = null;
  socketToken = null;
  setStatus("idle");
}

/** Test hook and "reconnect now" button: drops the connection and lets socket.io reconnect. */
export function reconnectRealtime(): void {
  if (!socket) return;
  socket.disconnect();
  setStatus("reconnecting");
  socket.connect();
}

/** Listens to a server event on whatever socket is current, across reconnects and token changes. */
export function onServerEvent<E extends ServerEvent>(event: E, handler: ServerToClientEvents[E]): () => void {
  const handlers = eventHandlers.get(event) ?? new Set<Handler>();
  handlers.add(handler as Handler);
  eventHandlers.set(event, handlers);
  return () => handlers.delete(handler as Handler);
}

/** Runs `callback` now if connected, and after every later (re)connect: the resync hook. */
export function whenConnected(callback: () => void): () => void {
  connectListeners.add(callback);
  if (status === "connected") callback();
  return () => connectListeners.delete(callback);
}

/**
 * Emits an acknowledged client event and resolves with the ack's data. Refuses at once while offline
 * (callers keep what must survive, such as chat messages, in an outbox), and times out a lost ack.
 */
export function emitWithAck<E extends ClientEvent>(event: E, input: EventInput<E>): Promise<AckData<E>> {
  return new Promise((resolve, reject) => {
    if (!socket?.connected) {
      reject(new ApiError("REALTIME_OFFLINE", realtimeOfflineMessage, 0));
      return;
    }
    (socket as unknown as LooseEmitter).timeout(ackTimeoutMs).emit(event, input, (error, result) => {
      if (error) return reject(new ApiError("REALTIME_TIMEOUT", "服务器没有及时回应，稍后会自动重试。", 0));
      const answer = result as { ok: true; data: AckData<E> } | { ok: false; error: { code: string; message: string; retryAfterMs?: number } };
      if (answer.ok) resolve(answer.data);
      // details keep retryAfterMs of a refusal that succeeds later (CHAT_RATE_LIMITED).
      else reject(new ApiError(answer.error.code, answer.error.message, 400, answer.error));
    });
  });
}
