import { eq } from "drizzle-orm";
import { higherRiskLevel, type RiskLevel, type RiskSignalCategory } from "@xinyuan/shared";
import { appUsers } from "../db/schema";
import type { DbOrTx } from "../db/database";
import type { Services } from "../services";
import { detectRisk } from "../risk/riskDetector";
import { raiseAlert } from "../alerts/alertRaiser";

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
