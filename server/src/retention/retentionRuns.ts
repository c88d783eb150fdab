import { randomUUID } from "node:crypto";
import { and, desc, eq, gte, sql } from "drizzle-orm";
import { retentionKinds, type RetentionKind } from "@xinyuan/shared";
import { retentionRuns } from "../db/schema";
import type { Services } from "../services";
import { recordAudit, systemOrigin, type AuditOrigin } from "../audit/recordAudit";
import { countyDateOf } from "../countyTime";
import { readRetentionSettings, type RetentionSettings } from "./retentionSettings";
import { retentionSweeps } from "./retentionSweeps";

const dayMs = 86_400_000;
/** A dry run counts as seen for this long when the centre enables a kind. */
export const dryRunValidDays = 30;

export const cutoffOf = (now: Date, days: number) => new Date(now.getTime() - days * dayMs);

type Counts = Partial<Record<RetentionKind, number>>;

/**
 * 预览: counts, per kind, what its current period would erase now. Reads no text and changes no record;
 * it is kept (retention_runs, mode dry_run) and audited, because enabling a kind requires one.
 */
export async function retentionDryRunner(props: { services: Services; staffId: string; origin: AuditOrigin }): Promise<{ id: string; counts: Counts }> {
  const { services, staffId, origin } = props;
  const now = services.clock.now();
  return services.db.transaction(async (tx) => {
    const periods = await readRetentionSettings(tx);
    const counts: Counts = {};
    for (const kind of retentionKinds) counts[kind] = await retentionSweeps[kind].count(tx, cutoffOf(now, periods[kind].days));
    const id = randomUUID();
    await tx.insert(retentionRuns).values({ id, mode: "dry_run", day: null, periods, counts, staffId, startedAt: now, finishedAt: now });
    await recordAudit(tx, origin, { action: "retention.dry_run", targetType: "retention", detail: { counts, days: daysOf(periods) } });
    return { id, counts };
  });
}

export const daysOf = (periods: RetentionSettings) => Object.fromEntries(retentionKinds.map((kind) => [kind, periods[kind].days]));

/** Whether a dry run in the last `dryRunValidDays` counted this kind at exactly this period. */
export async function dryRunSeen(services: Services, kind: RetentionKind, days: number, now: Date): Promise<{ at: Date; count: number } | null> {
  const since = new Date(now.getTime() - dryRunValidDays * dayMs);
  const rows = await services.db
    .select({ startedAt: retentionRuns.startedAt, periods: retentionRuns.periods, counts: retentionRuns.counts })
    .from(retentionRuns)
    .where(and(eq(retentionRuns.mode, "dry_run"), gte(retentionRuns.startedAt, since), sql`(${retentionRuns.periods} -> ${kind} ->> 'days')::int = ${days}`))
    .orderBy(desc(retentionRuns.startedAt))
    .limit(1);
  const row = rows[0];
  if (!row) return null;
  return { at: row.startedAt, count: Number((row.counts as Counts)[kind] ?? 0) };
}

/**
 * The daily erasing run. It claims the county day (unique mode + day), so with several processes exactly
 * one erases per day; each batch is its own transaction with SKIP LOCKED, and a record once erased is no
 * longer selected, so a run cut short is finished by the next day's and nothing is erased twice. Only kinds
 * the centre enabled (after a dry run) are touched. Audited with the counts, never any text.
 */
export async function retentionEraser(props: { services: Services }): Promise<{ ran: boolean; counts: Counts }> {
  const { services } = props;
  const now = services.clock.now();
  const periods = await readRetentionSettings(services.db);
  const enabled = retentionKinds.filter((kind) => periods[kind].enabled);
  if (enabled.length === 0) return { ran: false, counts: {} };
  const [claim] = await services.db
    .insert(retentionRuns)
    .values({ id: randomUUID(), mode: "erase", day: countyDateOf(now), periods, counts: {}, staffId: null, startedAt: now })
    .onConflictDoNothing()
    .returning({ id: retentionRuns.id });
  if (!claim) return { ran: false, counts: {} };

  const counts: Counts = {};
  for (const kind of enabled) {
    const cutoff = cutoffOf(now, periods[kind].days);
    let total = 0;
    for (;;) {
      const erased = await services.db.transaction((tx) => retentionSweeps[kind].eraseBatch({ tx, cipher: services.cipher, cutoff, now }));
      total += erased;
      if (erased === 0) break;
    }
    counts[kind] = total;
  }
  await services.db.transaction(async (tx) => {
    await tx.update(retentionRuns).set({ counts, finishedAt: services.clock.now() }).where(eq(retentionRuns.id, claim.id));
    await recordAudit(tx, systemOrigin, { action: "retention.erase", targetType: "retention", targetId: claim.id, detail: { counts, days: daysOf(periods), enabled } });
  });
  return { ran: true, counts };
}
