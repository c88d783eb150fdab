import type { SocketFeature } from "../realtime/socketServer";
import { canSuperviseHotline, canWorkHotline } from "./hotlinePolicy";
import { readyWaitingCount } from "./queuePositions";
import { hasRole } from "../auth/actor";
import { chatCounsellorsRoom, hotlineStaffRoom } from "./hotlineRooms";

/**
 * Hotline staff join the queue room with "hotline:watch" (acked with the waiting count) and then get
 * "hotline:queue-changed" notices. A centre admin watching the board also joins the chat queue room
 * (counsellors and supervisors are in it already) so the board's chat figures follow "chat:queue" live.
 * Callers need no event: their personal room user-<id> gets
 * "hotline:ticket" pushes, and they resync with GET /hotline/tickets/current after a reconnect.
 */
export const hotlineSocket: SocketFeature = (_io, socket, services) => {
  const actor = socket.data.actor;
  socket.on("hotline:watch", async (_input, ack) => {
    if (typeof ack !== "function") return;
    if (!canWorkHotline(actor) && !canSuperviseHotline(actor)) return ack({ ok: false, error: { code: "FORBIDDEN", message: "你没有权限进行这个操作。" } });
    await socket.join(hotlineStaffRoom);
    if (watchesChatsOnlyOnBoard(actor)) await socket.join(chatCounsellorsRoom);
    try {
      ack({ ok: true, data: { waiting: await readyWaitingCount(services.db, services.clock.now()) } });
    } catch {
      ack({ ok: false, error: { code: "INTERNAL", message: "服务暂时出了点问题，我们正在处理，请稍后再试。" } });
    }
  });
  socket.on("hotline:unwatch", async (_input, ack) => {
    await socket.leave(hotlineStaffRoom);
    if (watchesChatsOnlyOnBoard(actor)) await socket.leave(chatCounsellorsRoom);
    if (typeof ack === "function") ack({ ok: true, data: {} });
  });
};

/** Board readers who are not counselling staff (centre admins): in the chat queue room only while watching. */
const watchesChatsOnlyOnBoard = (actor: Parameters<typeof canSuperviseHotline>[0]) => canSuperviseHotline(actor) && !hasRole(actor, "counsellor", "supervisor");
