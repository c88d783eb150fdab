import { eq } from "drizzle-orm";
import { retentionKindInfo, retentionKinds, type RetentionKind } from "@xinyuan/shared";
import { settings } from "../db/schema";
import type { DbOrTx } from "../db/database";

export interface RetentionKindSetting {
  days: number;
  enabled: boolean;
}
export type RetentionSettings = Record<RetentionKind, RetentionKindSetting>;

/** The settings row holding the periods (a row of the platform settings table, kept apart from SettingsView). */
export const retentionSettingsKey = "retention";

/** Every kind starts at its default period and disabled: nothing is erased until the centre enables it after a dry run. */
export function defaultRetentionSettings(): RetentionSettings {
  return Object.fromEntries(retentionKinds.map((kind) => [kind, { days: retentionKindInfo[kind].defaultDays, enabled: false }])) as RetentionSettings;
}

export async function readRetentionSettings(db: DbOrTx): Promise<RetentionSettings> {
  const [row] = await db.select().from(settings).where(eq(settings.key, retentionSettingsKey)).limit(1);
  const stored = (row?.value ?? {}) as Partial<RetentionSettings>;
  const merged = defaultRetentionSettings();
  for (const kind of retentionKinds) {
    const value = stored[kind];
    if (value && typeof value.days === "number" && typeof value.enabled === "boolean") merged[kind] = { days: value.days, enabled: value.enabled };
  }
  return merged;
}

export async function writeRetentionSettings(db: DbOrTx, value: RetentionSettings, now: Date): Promise<void> {
  await db
    .insert(settings)
    .values({ key: retentionSettingsKey, value, updatedAt: now })
    .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: now } });
}
