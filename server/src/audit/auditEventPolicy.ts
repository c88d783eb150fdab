import { hasRole, type Actor } from "../auth/actor";

/**
 * Centre admins and supervisors search the audit log. A county scope sees every event; a narrower
 * scope sees only events whose actor, or whose target staff account, is a staff member inside that
 * scope (see audit/auditEventViews.ts). Everyone else is denied.
 */
export function canSearchAuditEvents(actor: Actor | undefined): boolean {
  return hasRole(actor, "centre_admin", "supervisor");
}
