import type { CaseLevel, ChecklistItemView, InstitutionView, KeyPeriodKind, KeyPeriodView } from "@xinyuan/shared";
import type { caseChecklistItems, keyPeriods, referralInstitutions } from "../db/schema";

export function presentKeyPeriod(row: typeof keyPeriods.$inferSelect): KeyPeriodView {
  return { id: row.id, name: row.name, kind: row.kind as KeyPeriodKind, startsOn: row.startsOn, endsOn: row.endsOn, remindDaysBefore: row.remindDaysBefore };
}

export function presentInstitution(row: typeof referralInstitutions.$inferSelect): InstitutionView {
  return { id: row.id, name: row.name, kind: row.kind, phone: row.phone, address: row.address, active: row.active };
}

export function presentChecklistItem(row: typeof caseChecklistItems.$inferSelect): ChecklistItemView {
  return { id: row.id, level: row.level as CaseLevel, label: row.label, sortOrder: row.sortOrder, active: row.active };
}
