import type { Actor } from "../auth/actor";
import { canManageSettings } from "../settings/settingsPolicy";

/** Retention periods erase children's records county-wide: county centre admins only, like every platform setting. */
export function canManageRetention(actor: Actor | undefined): boolean {
  return canManageSettings(actor);
}
