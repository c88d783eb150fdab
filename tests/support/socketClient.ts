import { io, type Socket } from "socket.io-client";
import type { ClientToServerEvents, ServerToClientEvents } from "@xinyuan/shared";

export type TestSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A real socket.io client connected with a bearer token; resolves once connected. */
export async function connectSocket(baseUrl: string, token: string): Promise<TestSocket> {
  const socket: TestSocket = io(baseUrl, { path: "/socket.io", auth: { token }, transports: ["websocket"], reconnection: false, forceNew: true });
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", () => resolve());
    socket.once("connect_error", (error) => reject(error));
  });
  return socket;
}

/** Emits an acknowledged event and resolves with the ack (typed loosely for tests). */
export function emitWithAck<T>(socket: TestSocket, event: string, payload: unknown): Promise<{ ok: true; data: T } | { ok: false; error: { code: string; message: string } }> {
  return new Promise((resolve) => {
    (socket as unknown as { emit(event: string, payload: unknown, ack: (result: never) => void): void }).emit(event, payload, resolve);
  });
}
