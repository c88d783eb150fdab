import type { Pool, PoolClient } from "pg";
import type { Services } from "../services";
import { publishedCacheOf } from "./publishedCache";
import { publishingChannel } from "./publishingChange";

/**
 * LISTENs for publishing changes made by other processes (PostgreSQL) and drops this process's cache.
 * While the listening connection is down the cache is not trusted: it is cleared when the connection is
 * lost and again once LISTEN is back, so a change missed in between can never be served. PGlite is one
 * process per data folder (locked), where the local invalidation after each commit is the whole story.
 * Returns a stop function.
 */
export function startPublishingListener(services: Services): () => void {
  if (services.dbKind !== "postgres") return () => undefined;
  const pool = (services.db as unknown as { $client: Pool }).$client;
  const cache = publishedCacheOf(services);
  let stopped = false;
  let client: PoolClient | undefined;
  let retry: NodeJS.Timeout | undefined;

  const connect = async () => {
    try {
      const next = await pool.connect();
      if (stopped) return next.release();
      client = next;
      next.on("notification", (message) => {
        if (message.channel === publishingChannel) cache.invalidate();
      });
      next.on("error", () => lost());
      await next.query(`LISTEN ${publishingChannel}`);
      cache.setTrusted(true);
    } catch (error) {
      services.log.warn({ err: error }, "publishing listener could not connect; retrying");
      lost();
    }
  };
  const lost = () => {
    cache.setTrusted(false);
    client?.release(true);
    client = undefined;
    if (!stopped && !retry) retry = setTimeout(() => ((retry = undefined), void connect()), 1000);
  };
  cache.setTrusted(false);
  void connect();
  return () => {
    stopped = true;
    if (retry) clearTimeout(retry);
    client?.release(true);
    client = undefined;
  };
}
