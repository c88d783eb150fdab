import { eq } from "drizzle-orm";
import { higherRiskLevel, type RiskLevel, type RiskSignalCategory } from "@xinyuan/shared";
import { appUsers } from "../db/schema";
import type { DbOrTx } from "../db/database";
import type { Services } from "../services";
import { detectRisk } from "../risk/riskDetector";
import { raiseAlert } from "../alerts/alertRaiser";
import { countyDateOf } from "./countyTime";

/**
 * A call-back topic with risk words, or the "我现在觉得自己不太安全" switch, raises an alert in the
 * transaction that stores the ticket (the switch alone counts as high: the caller told us). Returns the
 * level raised, or "none".
 */
export async function raiseHotlineAlert(props: { tx: DbOrTx; services: Services; ticketId: string; userId: string; topic: string | null; feelingUnsafe: boolean }): Promise<RiskLevel> {
  const { tx, services, ticketId, userId, topic, feelingUnsafe } = props;
  const detected = topic ? detectRisk(topic) : { level: "none" as RiskLevel, categories: [] as RiskSignalCategory[] };
  const level = feelingUnsafe ? higherRiskLevel(detected.level, "high") : detected.level;
  if (level === "none") return level;
  const [user] = await tx.select({ alias: appUsers.alias }).from(appUsers).where(eq(appUsers.id, userId)).limit(1);
  await raiseAlert({ tx, services, source: { kind: "hotline", id: ticketId }, level, categories: detected.categories, subjectAlias: user?.alias ?? "", userId });
  return level;
}

/**
 * A caller who says they are not safe while the line is closed: nothing is queued (no promise of a
 * call), but the alert is raised all the same (nobody on duty: it escalates and reaches the webhook at
 * once), once per caller per county day. The words of the topic are not kept; only their level counts.
 */
export async function raiseClosedLineUnsafeAlert(props: { services: Services; userId: string; topic: string | null }): Promise<void> {
  const { services, userId, topic } = props;
  const detected = topic ? detectRisk(topic) : { level: "none" as RiskLevel, categories: [] as RiskSignalCategory[] };
  const level = higherRiskLevel(detected.level, "high");
  await services.db.transaction(async (tx) => {
    const [user] = await tx.select({ alias: appUsers.alias }).from(appUsers).where(eq(appUsers.id, userId)).limit(1);
    const sourceId = `closed-${userId}-${countyDateOf(services.clock.now())}`;
    await raiseAlert({ tx, services, source: { kind: "hotline", id: sourceId }, level, categories: detected.categories, subjectAlias: user?.alias ?? "", userId });
  });
}
