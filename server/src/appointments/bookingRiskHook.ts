import { detectRisk } from "../risk/riskDetector";
import { recordAudit, type AuditOrigin } from "../audit/recordAudit";
import type { DbOrTx } from "../db/database";

/**
 * Runs the risk detector on a booking note. A hit returns true (the app then offers the live line) and
 * goes through onRiskyBookingNote. There is no alerts/alertRaiser.ts in this branch yet: when it lands,
 * onRiskyBookingNote is the one place to call raiseAlert from.
 */
export async function checkBookingNote(props: { tx: DbOrTx; origin: AuditOrigin; bookingId: string; note: string | null }): Promise<boolean> {
  if (!props.note) return false;
  const assessment = detectRisk(props.note);
  if (assessment.level === "none") return false;
  await onRiskyBookingNote({ tx: props.tx, origin: props.origin, bookingId: props.bookingId, level: assessment.level });
  return true;
}

/** Records that a booking note looked risky (audit row, no note text), for the centre to follow up. */
export async function onRiskyBookingNote(props: { tx: DbOrTx; origin: AuditOrigin; bookingId: string; level: string }): Promise<void> {
  await recordAudit(props.tx, props.origin, { action: "appointment.note.risk", targetType: "booking", targetId: props.bookingId, detail: { level: props.level } });
}
