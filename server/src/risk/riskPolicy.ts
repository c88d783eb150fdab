import { hasRole, type Actor, type StaffActor } from "../auth/actor";

/** The lexicon is one for the county: county-level supervisors and centre admins edit and activate it. */
export function canEditRiskLexicon(actor: Actor | undefined): actor is StaffActor {
  return hasRole(actor, "supervisor", "centre_admin") && actor.scope.level === "county";
}

/** Counsellors and supervisors who read students' messages say when detection missed or over-flagged one. */
export function canGiveRiskFeedback(actor: Actor | undefined): actor is StaffActor {
  return hasRole(actor, "counsellor", "supervisor");
}

/** The review queue shows students' words: county supervisors (and centre admins) only, every read audited. */
export function canReviewRiskFeedback(actor: Actor | undefined): actor is StaffActor {
  return canEditRiskLexicon(actor);
}
