import { hasRole, type Actor } from "../auth/actor";

/** Anyone who records or reviews contacts reads the taxonomy. */
export function canReadContactTaxonomy(actor: Actor | undefined): boolean {
  return hasRole(actor, "counsellor", "supervisor", "centre_admin");
}

/** The taxonomy is the county's statistics key: only county centre admins change it. */
export function canEditContactTaxonomy(actor: Actor | undefined): boolean {
  return hasRole(actor, "centre_admin") && actor.scope.level === "county";
}
