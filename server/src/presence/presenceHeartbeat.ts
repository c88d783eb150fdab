import { presenceHeartbeatMs } from "@xinyuan/shared";
import type { BackgroundJob } from "../jobs/backgroundJobs";
import type { XinyuanSocketServer } from "../realtime/socketServer";
import { refreshConnections } from "./connectionRegistry";
import { sweepSocketSessions } from "../realtime/socketSessionSweep";

/**
 * Every few seconds: refreshes this process's staff sockets, and disconnects sockets whose session
 * ended or whose staff account can no longer act (socketSessionSweep). Started by startServer.
 */
export function presenceHeartbeat(io: XinyuanSocketServer): BackgroundJob {
  return (services) => {
    const timer = setInterval(() => {
      const socketIds = [...io.of("/").sockets.values()].filter((socket) => socket.data.actor?.type === "staff").map((socket) => socket.id);
      refreshConnections(services.db, socketIds, services.clock.now()).catch((error: unknown) => services.log.error({ err: error }, "presence heartbeat failed"));
      sweepSocketSessions(io, services).catch((error: unknown) => services.log.error({ err: error }, "socket session sweep failed"));
    }, presenceHeartbeatMs);
    timer.unref();
    return () => clearInterval(timer);
  };
}
