import { hasRole, type Actor } from "../auth/actor";

/** Platform settings apply to the whole county, so only county centre admins read and change them. */
export function canManageSettings(actor: Actor | undefined): boolean {
  return hasRole(actor, "centre_admin") && actor.scope.level === "county";
}
