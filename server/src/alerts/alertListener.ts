import type { PGlite } from "@electric-sql/pglite";
import type { Pool, PoolClient } from "pg";
import type { BackgroundJob } from "../jobs/backgroundJobs";
import type { Services } from "../services";
import { alertNotifyChannel } from "./alertRooms";
import { fanOutAlert } from "./alertFanOut";

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Each process LISTENs for committed alerts (PGlite and PostgreSQL both deliver NOTIFY at commit, never
 * for a rolled-back transaction) and races to fan each one out; the conditional claim in fanOutAlert
 * makes one process win. On PostgreSQL a dropped listening connection is re-opened after a second; the
 * escalation check also sweeps alerts nobody fanned out.
 */
export const alertListenerJob: BackgroundJob = (services) => {
  const onNotify = (payload: string | undefined) => {
    if (!payload || !uuidPattern.test(payload)) return;
    fanOutAlert(services, payload).catch((error: unknown) => services.log.error({ err: error }, "alert fan-out failed"));
  };
  const client = (services.db as unknown as { $client: unknown }).$client;
  if (services.dbKind === "pglite") return listenOnPglite(client as PGlite, onNotify, services);
  return listenOnPostgres(client as Pool, onNotify, services);
};

function listenOnPglite(client: PGlite, onNotify: (payload: string) => void, services: Services): () => void {
  let unsubscribe: (() => Promise<void>) | undefined;
  let stopped = false;
  client
    .listen(alertNotifyChannel, onNotify)
    .then((stop) => {
      if (stopped) void stop().catch(() => undefined);
      else unsubscribe = stop;
    })
    .catch((error: unknown) => services.log.error({ err: error }, "alert listener failed"));
  return () => {
    stopped = true;
    void unsubscribe?.().catch(() => undefined);
  };
}

function listenOnPostgres(pool: Pool, onNotify: (payload: string | undefined) => void, services: Services): () => void {
  let stopped = false;
  let connection: PoolClient | undefined;
  let retry: NodeJS.Timeout | undefined;
  const reconnect = () => {
    if (stopped) return;
    retry = setTimeout(() => {
      retry = undefined;
      void connect();
    }, 1000);
    retry.unref();
  };
  const connect = async () => {
    let client: PoolClient | undefined;
    try {
      client = await pool.connect();
      if (stopped) return client.release();
      connection = client;
      const listening = client;
      listening.on("notification", (message) => {
        if (message.channel === alertNotifyChannel) onNotify(message.payload);
      });
      listening.on("error", (error) => {
        // The connection is released once, by whoever holds it: here while listening, or by the stop
        // function once it took it to UNLISTEN (an error then, e.g. the server ending the session during a
        // shutdown, used to release it a second time and pg-pool threw out of this handler, ending the process).
        if (connection !== listening) return;
        services.log.warn({ err: error }, "alert listener connection lost");
        connection = undefined;
        listening.release(true);
        reconnect();
      });
      await listening.query(`LISTEN ${alertNotifyChannel}`);
    } catch (error) {
      if (!stopped) services.log.warn({ err: error }, "alert listener could not connect");
      // release a connection whose LISTEN failed unless its error handler (or stop) already did, and retry once
      if (client && connection === client) {
        connection = undefined;
        client.release(true);
      }
      if (!stopped && !retry) reconnect();
    }
  };
  void connect();
  return () => {
    stopped = true;
    if (retry) clearTimeout(retry);
    if (connection) {
      const client = connection;
      connection = undefined;
      client.query(`UNLISTEN ${alertNotifyChannel}`).catch(() => undefined).finally(() => client.release(true));
    }
  };
}
