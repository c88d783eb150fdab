import { and, asc, desc, eq, inArray, ne, sql, type SQL } from "drizzle-orm";
import type { AlertView, ListAlertsQuery } from "@xinyuan/shared";
import { riskAlertSteps, riskAlerts, staff } from "../db/schema";
import type { DbOrTx } from "../db/database";
import type { FieldCipher } from "../crypto/fieldCipher";
import type { StaffActor } from "../auth/actor";
import { canSuperviseAlerts } from "./alertPolicy";
import { presentAlert, type AlertRow } from "./presentAlert";

/** Presents rows with their steps and the staff names they mention (two queries, whatever the count). */
export async function presentAlertRows(db: DbOrTx, cipher: FieldCipher, rows: AlertRow[]): Promise<AlertView[]> {
  if (rows.length === 0) return [];
  const steps = await db.select().from(riskAlertSteps).where(inArray(riskAlertSteps.alertId, rows.map((row) => row.id))).orderBy(asc(riskAlertSteps.at), asc(riskAlertSteps.id));
  const staffIds = [...new Set([...rows.flatMap((row) => [row.acknowledgedBy, row.handledBy]), ...steps.map((step) => step.staffId)].filter((id): id is string => id !== null))];
  const names = new Map((staffIds.length > 0 ? await db.select({ id: staff.id, name: staff.displayName }).from(staff).where(inArray(staff.id, staffIds)) : []).map((row) => [row.id, row.name]));
  return rows.map((row) => presentAlert(row, steps.filter((step) => step.alertId === row.id), names, cipher));
}

/**
 * The inbox: open alerts first (new before acknowledged, the most serious and then the oldest first),
 * then, with state=all, handled ones newest first. A counsellor sees only alerts escalated to the
 * on-duty staff (while on duty) and the ones they acknowledged.
 */
export async function listAlerts(props: { db: DbOrTx; cipher: FieldCipher; actor: StaffActor; onDuty: boolean; query: ListAlertsQuery }): Promise<AlertView[]> {
  const { db, cipher, actor, onDuty, query } = props;
  const visibility: SQL | undefined = canSuperviseAlerts(actor)
    ? undefined
    : onDuty
      ? sql`(${riskAlerts.escalatedAt} IS NOT NULL OR ${riskAlerts.acknowledgedBy} = ${actor.id})`
      : eq(riskAlerts.acknowledgedBy, actor.id);
  const rows = await db
    .select()
    .from(riskAlerts)
    .where(and(visibility, query.state === "open" ? ne(riskAlerts.state, "handled") : undefined))
    .orderBy(
      sql`CASE ${riskAlerts.state} WHEN 'new' THEN 0 WHEN 'acknowledged' THEN 1 ELSE 2 END`,
      sql`CASE WHEN ${riskAlerts.state} = 'handled' THEN 0 ELSE CASE ${riskAlerts.level} WHEN 'imminent' THEN 0 WHEN 'high' THEN 1 WHEN 'medium' THEN 2 ELSE 3 END END`,
      sql`CASE WHEN ${riskAlerts.state} = 'handled' THEN NULL ELSE ${riskAlerts.createdAt} END ASC`,
      desc(riskAlerts.createdAt),
    )
    .limit(query.limit);
  return presentAlertRows(db, cipher, rows);
}

export async function findAlert(db: DbOrTx, alertId: string): Promise<AlertRow | undefined> {
  const [row] = await db.select().from(riskAlerts).where(eq(riskAlerts.id, alertId)).limit(1);
  return row;
}

