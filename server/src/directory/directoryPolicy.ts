import { hasRole, type Actor } from "../auth/actor";

export type SchoolAction = "list" | "create" | "update";

/** Any staff member lists the schools of their scope (the list is filtered by scope); county centre admins change them. */
export function canUseSchool(actor: Actor | undefined, action: SchoolAction): boolean {
  if (actor?.type !== "staff") return false;
  if (action === "list") return true;
  return hasRole(actor, "centre_admin") && actor.scope.level === "county";
}

export type AreaAction = "list" | "create" | "update";

/** Any staff member lists the areas of their scope (the list is filtered by scope); county centre admins change them. */
export function canUseArea(actor: Actor | undefined, action: AreaAction): boolean {
  if (actor?.type !== "staff") return false;
  if (action === "list") return true;
  return hasRole(actor, "centre_admin") && actor.scope.level === "county";
}
