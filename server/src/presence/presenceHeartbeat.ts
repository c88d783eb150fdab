import { presenceHeartbeatMs } from "@xinyuan/shared";
import type { BackgroundJob } from "../jobs/backgroundJobs";
import type { XinyuanSocketServer } from "../realtime/socketServer";
import { beatInstance, presenceInstanceBeatMs, refreshConnections } from "./connectionRegistry";
import { sweepSocketSessions } from "../realtime/socketSessionSweep";

/**
 * Every presenceInstanceBeatMs: this process's own heartbeat (peers treat it as dead, with all its
 * sockets, after presenceInstanceDeadAfterMs of silence). Every presenceHeartbeatMs: refreshes this
 * process's staff sockets. Every config.sockets.sessionSweepMs (the same 10 s unless a test shortens it):
 * disconnects sockets whose session ended or whose staff account can no longer act (socketSessionSweep).
 * Started by startServer.
 */
export function presenceHeartbeat(io: XinyuanSocketServer): BackgroundJob {
  return (services) => {
    const beat = () => beatInstance(services.db).catch((error: unknown) => services.log.error({ err: error }, "instance heartbeat failed"));
    void beat();
    const beatTimer = setInterval(() => void beat(), presenceInstanceBeatMs);
    const timer = setInterval(() => {
      const socketIds = [...io.of("/").sockets.values()].filter((socket) => socket.data.actor?.type === "staff").map((socket) => socket.id);
      refreshConnections(services.db, socketIds, services.clock.now()).catch((error: unknown) => services.log.error({ err: error }, "presence heartbeat failed"));
    }, presenceHeartbeatMs);
    const sweepTimer = setInterval(() => {
      sweepSocketSessions(io, services).catch((error: unknown) => services.log.error({ err: error }, "socket session sweep failed"));
    }, services.config.sockets.sessionSweepMs);
    beatTimer.unref();
    timer.unref();
    sweepTimer.unref();
    return () => {
      clearInterval(beatTimer);
      clearInterval(timer);
      clearInterval(sweepTimer);
    };
  };
}
