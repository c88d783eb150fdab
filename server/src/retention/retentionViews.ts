import { desc } from "drizzle-orm";
import { retentionKindInfo, retentionKinds, type RetentionKind, type RetentionView } from "@xinyuan/shared";
import { retentionRuns } from "../db/schema";
import type { Services } from "../services";
import { readRetentionSettings } from "./retentionSettings";
import { dryRunSeen } from "./retentionRuns";

/** The settings section: each kind's period, whether it is erased, its last matching dry run, and the last runs (counts only). */
export async function loadRetentionView(services: Services): Promise<RetentionView> {
  const now = services.clock.now();
  const periods = await readRetentionSettings(services.db);
  const kinds = [];
  for (const kind of retentionKinds) {
    const seen = await dryRunSeen(services, kind, periods[kind].days, now);
    kinds.push({
      kind,
      label: retentionKindInfo[kind].label,
      erases: retentionKindInfo[kind].erases,
      days: periods[kind].days,
      defaultDays: retentionKindInfo[kind].defaultDays,
      enabled: periods[kind].enabled,
      lastDryRun: seen ? { at: seen.at.toISOString(), count: seen.count } : null,
    });
  }
  const runs = await services.db.select().from(retentionRuns).orderBy(desc(retentionRuns.startedAt)).limit(20);
  return {
    kinds,
    runs: runs.map((run) => ({
      id: run.id,
      mode: run.mode as "dry_run" | "erase",
      startedAt: run.startedAt.toISOString(),
      finishedAt: run.finishedAt?.toISOString() ?? null,
      counts: run.counts as Partial<Record<RetentionKind, number>>,
    })),
  };
}
