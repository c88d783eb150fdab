import type { StaffRole, StaffScope } from "@xinyuan/shared";
import { hasRole, type Actor } from "../auth/actor";
import { scopeCovers, scopeWithin, type ScopedPlace } from "../access/scope";

export type StaffAction = "list" | "create" | "read" | "update" | "resetPassword" | "resetTotp" | "disable" | "enable";

/**
 * Staff management: only centre admins, and on records only inside their own scope (county > area >
 * school). Everyone else is denied. Without a target it answers whether the actor may take this kind
 * of action at all (list and create never have one; routes ask it before loading the account).
 */
export function canManageStaff(actor: Actor | undefined, _action: StaffAction, target?: ScopedPlace): boolean {
  if (!hasRole(actor, "centre_admin")) return false;
  return target === undefined || scopeCovers(actor.scope, target);
}

/** Whether an admin may give an account this scope: never wider than their own. */
export function canGrantScope(actor: Actor | undefined, scope: StaffScope): boolean {
  return hasRole(actor, "centre_admin") && scopeWithin(scope, actor.scope);
}

/** Roles an area or school admin may hand out inside their scope; the rest are county functions. */
const rolesBelowCounty: readonly StaffRole[] = ["counsellor", "centre_admin"];

/**
 * Whether an admin may give these roles. Supervision (reading and taking over any chat, the hotline's
 * records), content editing and review, and expert booking are county functions: only a county centre
 * admin grants them. Otherwise an area or school admin could create a supervisor and read every chat.
 */
export function canGrantRoles(actor: Actor | undefined, roles: readonly StaffRole[]): boolean {
  if (!hasRole(actor, "centre_admin")) return false;
  return actor.scope.level === "county" || roles.every((role) => rolesBelowCounty.includes(role));
}

/**
 * An admin may rename themselves but not change their own roles or scope, reset their own password or
 * second factor, or disable themselves: one slip could lock the county out. Another admin does it.
 */
export function isOwnAccessChange(actor: Actor | undefined, action: StaffAction, targetId: string, changesAccess = true): boolean {
  if (actor?.type !== "staff" || actor.id !== targetId) return false;
  if (action === "update") return changesAccess;
  return action === "resetPassword" || action === "resetTotp" || action === "disable";
}
