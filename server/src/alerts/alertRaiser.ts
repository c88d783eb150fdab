import type { RiskLevel, RiskSignalCategory } from "@xinyuan/shared";
import type { DbOrTx } from "../db/database";
import type { Services } from "../services";

// replaced at merge by the alerts feature

export interface AlertSource {
  kind: "chat" | "hotline" | "letter" | "case" | "appointment" | "event";
  id: string;
}

/** Raises a durable alert for a risk signal, inside the caller's transaction; idempotent per (source, level). */
export async function raiseAlert(props: {
  tx: DbOrTx;
  services: Services;
  source: AlertSource;
  level: RiskLevel;
  categories: RiskSignalCategory[];
  subjectAlias: string;
  userId?: string | null;
}): Promise<{ alertId: string; created: boolean }> {
  props.services.log.warn({ source: props.source, level: props.level, categories: props.categories }, "risk alert (stub until the alerts feature lands)");
  return { alertId: props.source.id, created: true };
}
