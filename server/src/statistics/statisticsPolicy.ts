import type { StaffActor } from "../auth/actor";

/**
 * Who reads statistics: centre admins at their own scope (county, area or school) and county
 * supervisors. Counsellors do not: the figures are for supervising the service, not for casework.
 */
export function canReadStatistics(actor: StaffActor): boolean {
  if (actor.roles.includes("centre_admin")) return true;
  return actor.roles.includes("supervisor") && actor.scope.level === "county";
}
