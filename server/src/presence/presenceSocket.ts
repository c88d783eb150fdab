import { setDutyBody } from "@xinyuan/shared";
import type { SocketFeature } from "../realtime/socketServer";
import { answerSocketEvent } from "../realtime/answerSocketEvent";
import { dropConnection, registerConnection } from "./connectionRegistry";
import { dutySetter } from "./dutySetter";
import type { StaffActor } from "../auth/actor";

/**
 * Staff sockets are presence: registered on connect, dropped on disconnect, kept fresh by the
 * presence heartbeat job. The drop waits for the registration, so a socket that connects and closes at
 * once never leaves a row behind that would count as live. "duty:set" runs the same command as PUT /duty.
 */
export const presenceSocket: SocketFeature = (_io, socket, services) => {
  const actor = socket.data.actor;
  if (actor.type !== "staff") return;
  const { db, clock, log } = services;
  const registered = registerConnection(db, socket.id, actor.id, clock.now()).catch((error: unknown) => log.error({ err: error }, "presence register failed"));
  socket.on("disconnect", () => {
    void registered.then(() => dropConnection(db, socket.id)).catch((error: unknown) => log.error({ err: error }, "presence drop failed"));
  });
  socket.on("duty:set", (input, ack) =>
    answerSocketEvent(services, setDutyBody, input, ack, (body) =>
      // the actor as of now: the session sweep reloads roles and scope
      dutySetter(services, socket.data.actor as StaffActor, body, { actorType: "staff", actorId: actor.id, ip: socket.handshake.address || null, requestId: null }),
    ),
  );
};
