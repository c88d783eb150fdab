import { eq } from "drizzle-orm";
import type { SettingsView } from "@xinyuan/shared";
import { settings } from "../db/schema";
import type { DbOrTx } from "../db/database";

/**
 * Supervisors (who may read any chat) and centre admins (who manage every account) need a second factor
 * by default: the 等保 level-3 expectation for this data; the centre may add roles or, knowingly, remove them.
 */
const defaults: SettingsView = { requireTotpForAllStaff: false, requireTotpForRoles: ["centre_admin", "supervisor"], allowTypedGuardianConsent: true };

/** Platform settings merged over their defaults. */
export async function readSettings(db: DbOrTx): Promise<SettingsView> {
  const rows = await db.select().from(settings);
  // Only the keys SettingsView knows: features keep their own settings rows (retention/) beside these.
  const stored = Object.fromEntries(rows.filter((row) => row.key in defaults).map((row) => [row.key, row.value]));
  return { ...defaults, ...stored } as SettingsView;
}

export async function writeSetting<K extends keyof SettingsView>(db: DbOrTx, key: K, value: SettingsView[K], now: Date): Promise<void> {
  await db
    .insert(settings)
    .values({ key, value, updatedAt: now })
    .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: now } });
}

export async function readSetting<K extends keyof SettingsView>(db: DbOrTx, key: K): Promise<SettingsView[K]> {
  const [row] = await db.select().from(settings).where(eq(settings.key, key)).limit(1);
  return (row?.value as SettingsView[K] | undefined) ?? defaults[key];
}
