import { eq } from "drizzle-orm";
import type { SettingsView } from "@xinyuan/shared";
import { settings } from "../db/schema";
import type { DbOrTx } from "../db/database";

const defaults: SettingsView = { requireTotpForAllStaff: false };

/** Platform settings merged over their defaults. */
export async function readSettings(db: DbOrTx): Promise<SettingsView> {
  const rows = await db.select().from(settings);
  const stored = Object.fromEntries(rows.map((row) => [row.key, row.value]));
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
