import type { RiskLevel } from "@xinyuan/shared";
import { detectRisk } from "../risk/riskDetector";
import { raiseAlert } from "../alerts/alertRaiser";
import { recordAudit, type AuditOrigin } from "../audit/recordAudit";
import type { DbOrTx } from "../db/database";
import type { Services } from "../services";

/**
 * Runs the risk detector on a booking note. A hit returns true (the app then offers the live line) and
 * raises a durable alert for the supervisors, as a risky chat message or letter does.
 */
export async function checkBookingNote(props: { tx: DbOrTx; services: Services; origin: AuditOrigin; bookingId: string; userId: string; alias: string; note: string | null }): Promise<boolean> {
  if (!props.note) return false;
  const assessment = detectRisk(props.note);
  if (assessment.level === "none") return false;
  await onRiskyBookingNote({ ...props, level: assessment.level, categories: assessment.categories });
  return true;
}

/** Raises the alert (source: the booking) and records that the note looked risky (audit row, no note text). */
export async function onRiskyBookingNote(props: { tx: DbOrTx; services: Services; origin: AuditOrigin; bookingId: string; userId: string; alias: string; level: RiskLevel; categories: ReturnType<typeof detectRisk>["categories"] }): Promise<void> {
  await raiseAlert({ tx: props.tx, services: props.services, source: { kind: "appointment", id: props.bookingId }, level: props.level, categories: props.categories, subjectAlias: props.alias, userId: props.userId });
  await recordAudit(props.tx, props.origin, { action: "appointment.note.risk", targetType: "booking", targetId: props.bookingId, detail: { level: props.level } });
}
