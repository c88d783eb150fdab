import { presenceHeartbeatMs } from "@xinyuan/shared";
import type { BackgroundJob } from "../jobs/backgroundJobs";
import type { XinyuanSocketServer } from "../realtime/socketServer";
import { refreshConnections } from "./connectionRegistry";

/** Refreshes this process's staff sockets every few seconds; started by startServer with the io server. */
export function presenceHeartbeat(io: XinyuanSocketServer): BackgroundJob {
  return (services) => {
    const timer = setInterval(() => {
      const socketIds = [...io.of("/").sockets.values()].filter((socket) => socket.data.actor?.type === "staff").map((socket) => socket.id);
      refreshConnections(services.db, socketIds, services.clock.now()).catch((error: unknown) => services.log.error({ err: error }, "presence heartbeat failed"));
    }, presenceHeartbeatMs);
    timer.unref();
    return () => clearInterval(timer);
  };
}
