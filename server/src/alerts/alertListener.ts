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
    retry = setTimeout(connect, 1000);
    retry.unref();
  };
  const connect = async () => {
    try {
      const client = await pool.connect();
      if (stopped) return client.release();
      connection = client;
      client.on("notification", (message) => {
        if (message.channel === alertNotifyChannel) onNotify(message.payload);
      });
      client.on("error", (error) => {
        services.log.warn({ err: error }, "alert listener connection lost");
        client.release(true);
        if (connection === client) connection = undefined;
        reconnect();
      });
      await client.query(`LISTEN ${alertNotifyChannel}`);
    } catch (error) {
      if (!stopped) services.log.warn({ err: error }, "alert listener could not connect");
      reconnect();
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
