import type { AlertOutcome, AlertSourceKind, AlertState, AlertStepKind, AlertView, RiskLevel, RiskSignalCategory } from "@xinyuan/shared";
import type { riskAlertSteps, riskAlerts } from "../db/schema";
import type { FieldCipher } from "../crypto/fieldCipher";
import { sealed } from "../crypto/sealedColumns";

export type AlertRow = typeof riskAlerts.$inferSelect;
export type AlertStepRow = typeof riskAlertSteps.$inferSelect;

/** The whitelisted view: alias, never the user id; staff by display name; the note decrypted for staff who may see the alert. */
export function presentAlert(row: AlertRow, steps: AlertStepRow[], names: Map<string, string>, cipher: FieldCipher): AlertView {
  const nameOf = (id: string | null) => (id ? (names.get(id) ?? null) : null);
  return {
    id: row.id,
    level: row.level as RiskLevel,
    categories: row.categories as RiskSignalCategory[],
    source: { kind: row.sourceKind as AlertSourceKind, id: row.sourceId },
    subjectAlias: row.subjectAlias,
    state: row.state as AlertState,
    createdAt: row.createdAt.toISOString(),
    nobodyOnDuty: row.nobodyOnDuty,
    escalatedAt: row.escalatedAt?.toISOString() ?? null,
    acknowledgedAt: row.acknowledgedAt?.toISOString() ?? null,
    acknowledgedByName: nameOf(row.acknowledgedBy),
    handledAt: row.handledAt?.toISOString() ?? null,
    handledByName: nameOf(row.handledBy),
    outcome: (row.outcome as AlertOutcome | null) ?? null,
    note: row.noteEnc ? cipher.decrypt(row.noteEnc, sealed.alertNote.at(row)) : null,
    steps: steps.map((step) => ({ kind: step.kind as AlertStepKind, at: step.at.toISOString(), staffName: nameOf(step.staffId) })),
  };
}
