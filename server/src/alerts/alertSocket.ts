import type { SocketFeature } from "../realtime/socketServer";
import { canSuperviseAlerts } from "./alertPolicy";
import { alertSupervisorsRoom } from "./alertRooms";

/**
 * County supervisors join the alerts room on connect: "alert:new" / "alert:changed" reach them on every
 * admin page. Counsellors hear of escalated alerts in their personal room. Either way the client loads
 * GET /alerts on (re)connect, so nothing depends on having been connected when an alert was raised.
 */
export const alertSocket: SocketFeature = (_io, socket) => {
  if (canSuperviseAlerts(socket.data.actor)) void socket.join(alertSupervisorsRoom);
};
