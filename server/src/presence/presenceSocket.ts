import { setDutyBody } from "@xinyuan/shared";
import type { SocketFeature } from "../realtime/socketServer";
import { personalRoom } from "../realtime/socketServer";
import { recordAudit } from "../audit/recordAudit";
import { dropConnection, registerConnection } from "./connectionRegistry";
import { readDuty, writeDuty } from "./dutyState";

/**
 * Staff sockets are presence: registered on connect, dropped on disconnect, kept fresh by the
 * presence heartbeat job. "duty:set" goes on / off duty and tells the staff member's other devices.
 */
export const presenceSocket: SocketFeature = (_io, socket, services) => {
  const actor = socket.data.actor;
  if (actor.type !== "staff") return;
  const { db, clock } = services;
  void registerConnection(db, socket.id, actor.id, clock.now()).catch((error: unknown) => services.log.error({ err: error }, "presence register failed"));
  socket.on("disconnect", () => {
    void dropConnection(db, socket.id).catch((error: unknown) => services.log.error({ err: error }, "presence drop failed"));
  });
  socket.on("duty:set", async (input, ack) => {
    if (typeof ack !== "function") return;
    const parsed = setDutyBody.safeParse(input);
    if (!parsed.success) return ack({ ok: false, error: { code: "VALIDATION_FAILED", message: "值班设置不正确" } });
    const now = clock.now();
    await db.transaction(async (tx) => {
      await writeDuty(tx, actor.id, parsed.data, now);
      await recordAudit(tx, { actorType: "staff", actorId: actor.id, ip: socket.handshake.address, requestId: null }, { action: parsed.data.onDuty ? "duty.on" : "duty.off", targetType: "staff", targetId: actor.id, detail: { channels: parsed.data.channels } });
    });
    const view = await readDuty(db, actor.id, clock.now());
    services.realtime.emit(personalRoom(actor), "duty:changed", view);
    ack({ ok: true, data: view });
  });
};
