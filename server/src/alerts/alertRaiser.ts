import { and, eq, sql } from "drizzle-orm";
import type { RiskLevel, RiskSignalCategory } from "@xinyuan/shared";
import { auditEvents } from "../db/schema";
import type { DbOrTx } from "../db/database";
import type { Services } from "../services";
import { recordAudit, systemOrigin } from "../audit/recordAudit";

/**
 * replaced at merge by the alerts feature.
 *
 * Minimal stand-in with the alerts contract's exact signature (see the convention): it records one
 * "alert.raise" audit row per (source kind, id, level), inside the caller's transaction, so a risky letter
 * leaves a durable, queryable trace until the alerts feature (durable alert inbox, acknowledgement) lands.
 */
export interface AlertSource {
  kind: "chat" | "hotline" | "letter" | "case" | "appointment" | "event";
  id: string;
}

export async function raiseAlert(props: {
  tx: DbOrTx;
  services: Services;
  source: AlertSource;
  level: RiskLevel;
  categories: RiskSignalCategory[];
  subjectAlias: string;
  userId?: string | null;
}): Promise<{ alertId: string; created: boolean }> {
  const { tx, source, level } = props;
  const alertId = `${source.kind}:${source.id}:${level}`;
  const [existing] = await tx
    .select({ id: auditEvents.id })
    .from(auditEvents)
    .where(and(eq(auditEvents.action, "alert.raise"), eq(auditEvents.targetType, source.kind), eq(auditEvents.targetId, source.id), sql`${auditEvents.detail}->>'level' = ${level}`))
    .limit(1);
  if (existing) return { alertId, created: false };
  await recordAudit(tx, systemOrigin, {
    action: "alert.raise",
    targetType: source.kind,
    targetId: source.id,
    detail: { level, categories: props.categories, subjectAlias: props.subjectAlias },
  });
  return { alertId, created: true };
}
