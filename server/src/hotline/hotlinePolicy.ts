import { hasRole, type Actor, type StaffActor } from "../auth/actor";

/**
 * Hotline scope rules. The hotline is the COUNTY line: a student who calls it has chosen someone
 * outside their school, and the school they state is optional and unverified, so it cannot be the
 * basis of access. Hence:
 * - county-scope counsellors and supervisors work the whole county queue (see, claim, call back);
 * - area- and school-scope counsellors do not work the hotline (403 on the queue, 404 on a call), they
 *   serve their schools through the mailbox and chat; to take hotline shifts an account gets county scope;
 * - a claimed call's number, topic and history are for its claimant (county supervisors may read the call
 *   and history, never reveal the number; centre admins run the service and see the board, not records);
 * - the board is for county supervisors and centre admins; the roster for the same.
 */
export function canWorkHotline(actor: Actor | undefined): actor is StaffActor {
  return hasRole(actor, "counsellor", "supervisor") && actor.scope.level === "county";
}

export function canSuperviseHotline(actor: Actor | undefined): actor is StaffActor {
  return hasRole(actor, "supervisor", "centre_admin") && actor.scope.level === "county";
}

/** Reads any call and its contact history (records hold decrypted summaries): county supervisors. */
export function canReadHotlineCalls(actor: Actor | undefined): actor is StaffActor {
  return hasRole(actor, "supervisor") && actor.scope.level === "county";
}

export function canManageRoster(actor: Actor | undefined): actor is StaffActor {
  return hasRole(actor, "supervisor", "centre_admin") && actor.scope.level === "county";
}

/** Whether a staff row (not a signed-in actor) may be rostered or receive a transferred call. */
export function isHotlineEligibleStaff(row: { roles: string[]; scopeLevel: string; status: string }): boolean {
  return row.status === "active" && row.scopeLevel === "county" && row.roles.some((role) => role === "counsellor" || role === "supervisor");
}
