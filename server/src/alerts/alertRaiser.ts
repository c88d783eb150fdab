import { and, eq, sql } from "drizzle-orm";
import type { AlertSourceKind, RiskLevel, RiskSignalCategory } from "@xinyuan/shared";
import { riskAlertSteps, riskAlerts } from "../db/schema";
import type { DbOrTx } from "../db/database";
import type { Services } from "../services";
import { onDutyAlertStaff } from "./alertRecipients";
import { alertNotifyChannel } from "./alertRooms";

export interface AlertSource {
  kind: AlertSourceKind;
  id: string;
}

export interface RaiseAlertProps {
  tx: DbOrTx;
  services: Services;
  source: AlertSource;
  level: RiskLevel;
  categories: RiskSignalCategory[];
  subjectAlias: string;
  userId?: string | null;
}

/**
 * Turns a risk signal into a durable alert. Call it INSIDE the transaction that stores the risky text:
 * the alert exists exactly when the text does. Idempotent per (source kind, source id, level): the same
 * level again returns the existing alert (created: false); a higher level is a new alert.
 *
 * Fan-out happens after the commit: a NOTIFY carrying only the alert id is delivered when (and only if)
 * the transaction commits; one process claims it and tells the supervisors (alertFanOut.ts). With no
 * county supervisor on duty the alert escalates at once; with nobody on duty at all it also says so.
 */
export async function raiseAlert(props: RaiseAlertProps): Promise<{ alertId: string; created: boolean }> {
  const { tx, services, source, level, categories, subjectAlias } = props;
  if (level === "none") throw new Error("raiseAlert: a risk level of none is not an alert");
  const now = services.clock.now();
  const { supervisorIds, counsellorIds } = await onDutyAlertStaff(tx, now);
  const nobodyOnDuty = supervisorIds.length === 0 && counsellorIds.length === 0;
  const escalateAt = supervisorIds.length === 0 ? now : new Date(now.getTime() + services.config.alerts.escalateMinutes * 60_000);
  const [inserted] = await tx
    .insert(riskAlerts)
    .values({ sourceKind: source.kind, sourceId: source.id, level, categories, subjectAlias, userId: props.userId ?? null, nobodyOnDuty, createdAt: now, escalateAt })
    .onConflictDoNothing({ target: [riskAlerts.sourceKind, riskAlerts.sourceId, riskAlerts.level] })
    .returning({ id: riskAlerts.id });
  if (!inserted) {
    const [existing] = await tx
      .select({ id: riskAlerts.id })
      .from(riskAlerts)
      .where(and(eq(riskAlerts.sourceKind, source.kind), eq(riskAlerts.sourceId, source.id), eq(riskAlerts.level, level)))
      .limit(1);
    return { alertId: existing!.id, created: false };
  }
  await tx.insert(riskAlertSteps).values([
    { alertId: inserted.id, kind: "raised", at: now },
    ...(nobodyOnDuty ? [{ alertId: inserted.id, kind: "nobody_on_duty", at: now }] : []),
  ]);
  await tx.execute(sql`SELECT pg_notify(${alertNotifyChannel}, ${inserted.id})`);
  return { alertId: inserted.id, created: true };
}
