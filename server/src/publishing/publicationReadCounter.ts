import { sql } from "drizzle-orm";
import type { Services } from "../services";
import { publicationReadsDaily } from "../db/schema";
import { countyDateOf } from "../hotline/countyTime";

/** How long reads gather in memory before one upsert per item and day writes them. */
const flushAfterMs = 5_000;

interface PendingReads {
  counts: Map<string, number>;
  timer: NodeJS.Timeout | null;
}

const pending = new WeakMap<Services, PendingReads>();

/**
 * Counts one read of a published item (for the statistics' "content read"). The hot reading path stays
 * free of writes: reads gather in memory per item and county day and are written a few seconds later as
 * one `n = n + k` upsert each. Never who read: the counter has no user, device or time of day. Reads
 * gathered when the process stops before a flush are lost (a handful of seconds of counts).
 */
export function countPublicationRead(services: Services, publicationId: string): void {
  let entry = pending.get(services);
  if (!entry) {
    entry = { counts: new Map(), timer: null };
    pending.set(services, entry);
  }
  const key = `${publicationId}|${countyDateOf(services.clock.now())}`;
  entry.counts.set(key, (entry.counts.get(key) ?? 0) + 1);
  if (!entry.timer) {
    entry.timer = setTimeout(() => {
      flushPublicationReads(services).catch((error: unknown) => services.log.warn({ err: error }, "publication read counts not written"));
    }, flushAfterMs);
    entry.timer.unref();
  }
}

/** Writes the gathered read counts now (the timer does it on its own; tests and shutdown call it). */
export async function flushPublicationReads(services: Services): Promise<void> {
  const entry = pending.get(services);
  if (!entry) return;
  if (entry.timer) clearTimeout(entry.timer);
  entry.timer = null;
  const counts = [...entry.counts.entries()];
  entry.counts.clear();
  for (const [key, n] of counts) {
    const [publicationId, day] = key.split("|") as [string, string];
    await services.db
      .insert(publicationReadsDaily)
      .values({ publicationId, day, n })
      .onConflictDoUpdate({ target: [publicationReadsDaily.publicationId, publicationReadsDaily.day], set: { n: sql`${publicationReadsDaily.n} + ${n}` } });
  }
}
