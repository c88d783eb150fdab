import { hasRole, type Actor, type StaffActor } from "../auth/actor";
import { scopeCovers, type ScopedPlace } from "../access/scope";

/** The referral directory, the checklist and the key-period calendar are the county centre's settings. */
export const canManageCaseSettings = (actor: Actor | undefined): actor is StaffActor => hasRole(actor, "centre_admin") && actor.scope.level === "county";

/** A school's emergency plan: read by case workers whose scope covers the school, kept by its centre admins. */
export const canReadSchoolPlan = (actor: Actor | undefined, place: ScopedPlace): boolean => hasRole(actor, "counsellor", "supervisor", "centre_admin") && scopeCovers(actor.scope, place);
export const canEditSchoolPlan = (actor: Actor | undefined, place: ScopedPlace): boolean => hasRole(actor, "centre_admin") && scopeCovers(actor.scope, place);
