import type { SettingsView } from "@xinyuan/shared";
import type { DbOrTx } from "../db/database";
import { readSettings, writeSetting } from "./platformSettings";
import { recordAudit, type AuditOrigin } from "../audit/recordAudit";

/** Changes platform settings; the audit row keeps what each changed setting was before. */
export async function settingsUpdater(props: { tx: DbOrTx; now: Date; changes: Partial<SettingsView>; origin: AuditOrigin }): Promise<SettingsView> {
  const { tx, now, changes } = props;
  const before = await readSettings(tx);
  const changed: Partial<SettingsView> = {};
  if (changes.requireTotpForAllStaff !== undefined && changes.requireTotpForAllStaff !== before.requireTotpForAllStaff) {
    await writeSetting(tx, "requireTotpForAllStaff", changes.requireTotpForAllStaff, now);
    changed.requireTotpForAllStaff = changes.requireTotpForAllStaff;
  }
  if (changes.allowTypedGuardianConsent !== undefined && changes.allowTypedGuardianConsent !== before.allowTypedGuardianConsent) {
    await writeSetting(tx, "allowTypedGuardianConsent", changes.allowTypedGuardianConsent, now);
    changed.allowTypedGuardianConsent = changes.allowTypedGuardianConsent;
  }
  if (changes.requireTotpForRoles !== undefined) {
    const roles = [...new Set(changes.requireTotpForRoles)].sort();
    if (JSON.stringify(roles) !== JSON.stringify([...before.requireTotpForRoles].sort())) {
      await writeSetting(tx, "requireTotpForRoles", roles, now);
      changed.requireTotpForRoles = roles;
    }
  }
  if (Object.keys(changed).length > 0) {
    const previous = Object.fromEntries(Object.keys(changed).map((key) => [key, before[key as keyof SettingsView]]));
    await recordAudit(tx, props.origin, { action: "settings.update", targetType: "settings", detail: { before: previous, after: changed } });
  }
  return readSettings(tx);
}
