import type { SocketFeature } from "../realtime/socketServer";
import { dropConnection, registerConnection } from "./connectionRegistry";

/**
 * Staff sockets are presence: registered on connect, dropped on disconnect, kept fresh by the
 * presence heartbeat job. The drop waits for the registration, so a socket that connects and closes at
 * once never leaves a row behind that would count as live. Going on duty ("duty:set") is duty/dutySocket.ts.
 */
export const presenceSocket: SocketFeature = (_io, socket, services) => {
  const actor = socket.data.actor;
  if (actor.type !== "staff") return;
  const { db, clock, log } = services;
  const registered = registerConnection(db, socket.id, actor.id, clock.now()).catch((error: unknown) => log.error({ err: error }, "presence register failed"));
  socket.on("disconnect", () => {
    void registered.then(() => dropConnection(db, socket.id)).catch((error: unknown) => log.error({ err: error }, "presence drop failed"));
  });
};
