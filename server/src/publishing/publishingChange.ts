import { sql } from "drizzle-orm";
import type { DbOrTx } from "../db/database";
import type { Services } from "../services";
import { publishedCacheOf } from "./publishedCache";

export const publishingChannel = "publishing_changed";

type Tx = Parameters<Parameters<Services["db"]["transaction"]>[0]>[0];

/**
 * Runs a change to what readers may see in one transaction that also NOTIFYs every process (payload:
 * the publication id only; delivered on commit), then drops this process's cache. Every command that
 * changes published state goes through here, so no change can forget the cache.
 */
export async function publishingChange<T>(services: Services, work: (tx: Tx, changed: (id: string) => void) => Promise<T>): Promise<T> {
  const ids = new Set<string>();
  const result = await services.db.transaction(async (tx) => {
    const value = await work(tx, (id) => ids.add(id));
    await notifyChanged(tx, [...ids]);
    return value;
  });
  if (ids.size > 0) publishedCacheOf(services).invalidate();
  return result;
}

export async function notifyChanged(db: DbOrTx, ids: string[]): Promise<void> {
  for (const id of ids) await db.execute(sql`SELECT pg_notify(${publishingChannel}, ${id})`);
}
