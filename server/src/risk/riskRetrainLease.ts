import { and, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "../db/database";
import { settings } from "../db/schema";
import { AppError } from "../http/errors";

/** The settings row that says a retrain is running (a row of the platform settings table, like retention's). */
export const riskRetrainLeaseKey = "riskRetrainRunning";

interface RiskRetrainLease {
  runId: string;
  actorId: string;
  startedAt: string;
  /** A lease whose process died is free again after this (the training timeout and a margin). */
  until: string;
}

/**
 * Claims the one retrain slot, or refuses with 409 RISK_RETRAIN_RUNNING while another retrain (in any
 * server process) holds it: training takes a core for seconds, and a second run at once would only make
 * a near-copy of the same version. Call under lockRiskLexicon, which serialises the claims.
 */
export async function claimRiskRetrain(tx: DbOrTx, lease: RiskRetrainLease, now: Date): Promise<void> {
  const [row] = await tx.select().from(settings).where(eq(settings.key, riskRetrainLeaseKey)).limit(1);
  const held = row?.value as RiskRetrainLease | undefined;
  if (held && new Date(held.until) > now) throw new AppError(409, "RISK_RETRAIN_RUNNING", undefined, { startedAt: held.startedAt });
  await tx
    .insert(settings)
    .values({ key: riskRetrainLeaseKey, value: lease, updatedAt: now })
    .onConflictDoUpdate({ target: settings.key, set: { value: lease, updatedAt: now } });
}

/** Frees the slot if this run still holds it (idempotent: a later run's lease is left alone). */
export async function releaseRiskRetrain(db: DbOrTx, runId: string): Promise<void> {
  await db.delete(settings).where(and(eq(settings.key, riskRetrainLeaseKey), sql`${settings.value}->>'runId' = ${runId}`));
}
