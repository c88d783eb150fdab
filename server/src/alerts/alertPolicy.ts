import type { Actor, StaffActor } from "../auth/actor";
import { hasRole } from "../auth/actor";

/**
 * Alerts are county-wide (chats and the hotline are county services), so the inbox is a county
 * supervisor's duty. An on-duty counsellor (any scope: chats reach every counsellor) sees an alert once it
 * escalated to them, and may then acknowledge and handle it: by then nobody else has.
 */
export function canSuperviseAlerts(actor: Actor | undefined): boolean {
  return hasRole(actor, "supervisor") && actor.scope.level === "county";
}

export interface AlertAccessFacts {
  escalatedAt: Date | null;
  acknowledgedBy: string | null;
}

/** May this staff member see (and acknowledge) the alert? `onDuty`: the actor is on duty and connected. */
export function canSeeAlert(actor: StaffActor, alert: AlertAccessFacts, onDuty: boolean): boolean {
  if (canSuperviseAlerts(actor)) return true;
  if (alert.acknowledgedBy === actor.id) return true;
  return hasRole(actor, "counsellor", "supervisor") && onDuty && alert.escalatedAt !== null;
}

/** Who may mark an acknowledged alert handled: a county supervisor or whoever acknowledged it. */
export function canHandleAlert(actor: StaffActor, alert: AlertAccessFacts): boolean {
  return canSuperviseAlerts(actor) || alert.acknowledgedBy === actor.id;
}
