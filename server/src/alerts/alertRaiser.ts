/**
 * Replaced at merge by the alerts feature (issue 9's durable alert inbox). This stand-in keeps the
 * contract of CONVENTION.md so callers compile and run in this branch: it writes an audit row (so a test
 * can see the alert was raised) and is idempotent per (source kind, id, level) through that row.
 */
import { and, eq, sql } from "drizzle-orm";
import type { RiskLevel, RiskSignalCategory } from "@xinyuan/shared";
import { auditEvents } from "../db/schema";
import type { DbOrTx } from "../db/database";
import type { Services } from "../services";
import { recordAudit, systemOrigin } from "../audit/recordAudit";

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
  const [existing] = await tx
    .select({ id: auditEvents.id })
    .from(auditEvents)
    .where(and(eq(auditEvents.action, "alert.raise"), eq(auditEvents.targetType, source.kind), eq(auditEvents.targetId, source.id), sql`${auditEvents.detail}->>'level' = ${level}`))
    .limit(1);
  if (existing) return { alertId: `${source.kind}:${source.id}:${level}`, created: false };
  await recordAudit(tx, systemOrigin, { action: "alert.raise", targetType: source.kind, targetId: source.id, detail: { level, categories: props.categories } });
  return { alertId: `${source.kind}:${source.id}:${level}`, created: true };
}
