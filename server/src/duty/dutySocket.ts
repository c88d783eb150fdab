import { setDutyBody } from "@xinyuan/shared";
import type { SocketFeature } from "../realtime/socketServer";
import { answerSocketEvent } from "../realtime/answerSocketEvent";
import type { StaffActor } from "../auth/actor";
import { dutySetter } from "./dutySetter";

/** "duty:set" runs the same command as PUT /duty, for staff sockets only. */
export const dutySocket: SocketFeature = (_io, socket, services) => {
  const actor = socket.data.actor;
  if (actor.type !== "staff") return;
  socket.on("duty:set", (input, ack) =>
    answerSocketEvent(services, setDutyBody, input, ack, (body) =>
      // the actor as of now: the session sweep reloads roles and scope
      dutySetter({ services, actor: socket.data.actor as StaffActor, body, origin: { actorType: "staff", actorId: actor.id, ip: socket.handshake.address || null, requestId: null } }),
    ),
  );
};
