import { eq, exists, ne, or, sql, type SQL } from "drizzle-orm";
import { hasRole, type Actor, type StaffActor } from "../auth/actor";
import { caseTeamMembers, crisisCases } from "../db/schema";
import { scopeCondition, scopeCovers } from "../access/scope";

/** What the policy needs of a case: where it lives, who owns it, who is on its team. */
export interface CaseAccessFacts {
  ownerId: string | null;
  schoolId: string | null;
  areaId: string | null;
  teamIds: readonly string[];
}

export type CaseRelation = "owner" | "team" | "supervisor" | "centre";

/**
 * How the actor stands to a case. Owners and team members by name (whatever their scope); supervisors
 * and centre admins through their area/school scope (a case with no school is the county's). Anyone
 * else: no relation, and the route answers 404 (they may not know it exists).
 */
export function caseRelation(actor: Actor | undefined, facts: CaseAccessFacts): CaseRelation | null {
  if (actor?.type !== "staff") return null;
  if (facts.ownerId === actor.id) return "owner";
  if (facts.teamIds.includes(actor.id)) return "team";
  const place = { schoolId: facts.schoolId, areaId: facts.areaId };
  if (hasRole(actor, "supervisor") && scopeCovers(actor.scope, place)) return "supervisor";
  if (hasRole(actor, "centre_admin") && scopeCovers(actor.scope, place)) return "centre";
  return null;
}

export const canReadCase = (actor: Actor | undefined, facts: CaseAccessFacts): boolean => caseRelation(actor, facts) !== null;

/** Record actions, referrals, checklist, follow-up: the owner, the team and supervisors; not centre admins (they read). */
export function canActOnCase(actor: Actor | undefined, facts: CaseAccessFacts): actor is StaffActor {
  const relation = caseRelation(actor, facts);
  return (relation === "owner" || relation === "team" || relation === "supervisor") && hasRole(actor, "counsellor", "supervisor");
}

/** Take an unowned case: a supervisor in scope, or a counsellor on its team. */
export function canTakeCase(actor: Actor | undefined, facts: CaseAccessFacts): actor is StaffActor {
  const relation = caseRelation(actor, facts);
  if (relation === "supervisor") return true;
  return relation === "team" && hasRole(actor, "counsellor", "supervisor");
}

/** Hand over to another owner, or set the team: the owner or a supervisor in scope. */
export function canHandOverCase(actor: Actor | undefined, facts: CaseAccessFacts): actor is StaffActor {
  const relation = caseRelation(actor, facts);
  return relation === "owner" || relation === "supervisor";
}

/** Review (approve/reject) an identity record: a supervisor in scope; the command refuses the recorder. */
export function canReviewCaseIdentity(actor: Actor | undefined, facts: CaseAccessFacts): actor is StaffActor {
  const relation = caseRelation(actor, facts);
  return hasRole(actor, "supervisor") && relation !== null && relation !== "centre";
}

/** See a recorded identity (never centre admins: they run the service, they do not follow the child). */
export function canSeeCaseIdentity(actor: Actor | undefined, facts: CaseAccessFacts): boolean {
  const relation = caseRelation(actor, facts);
  return relation === "owner" || relation === "team" || relation === "supervisor";
}

/** Reveal a kept call-back number: the owner only, as with the hotline (audited). */
export const canRevealCasePhone = (actor: Actor | undefined, facts: CaseAccessFacts): boolean => caseRelation(actor, facts) === "owner";

/** The ledger CSV: supervisors and centre admins, over the cases their scope covers. */
export const canExportCases = (actor: Actor | undefined): actor is StaffActor => hasRole(actor, "supervisor", "centre_admin");

/** Cases the actor owns or is on the team of. */
export function ownOrTeamCondition(actor: StaffActor): SQL {
  return or(
    eq(crisisCases.ownerId, actor.id),
    exists(sql`(select 1 from ${caseTeamMembers} where ${caseTeamMembers.caseId} = ${crisisCases.id} and ${caseTeamMembers.staffId} = ${actor.id})`),
  )!;
}

/** The same rule as caseRelation as a SQL condition for lists. */
export function caseListCondition(actor: StaffActor): SQL {
  const own = ownOrTeamCondition(actor);
  if (!hasRole(actor, "supervisor", "centre_admin")) return own;
  const scoped = scopeCondition(actor.scope, { areaId: crisisCases.areaId, schoolId: crisisCases.schoolId });
  return scoped ? or(own, scoped)! : sql`true`;
}

/** Export scope: supervisors' and centre admins' scope only (not their own cases elsewhere). */
export function caseScopeCondition(actor: StaffActor): SQL {
  return scopeCondition(actor.scope, { areaId: crisisCases.areaId, schoolId: crisisCases.schoolId }) ?? sql`true`;
}

export const notClosed = ne(crisisCases.status, "closed");

/**
 * Open the text of what raised concern (查看原文) and mark it 标记为风险 / 误报 from the case: those who follow
 * the child (owner, team, supervisors in scope), whatever the chat's or letter's own rule; never centre
 * admins, who see only that the items exist.
 */
export function canReadCaseSources(actor: Actor | undefined, facts: CaseAccessFacts): actor is StaffActor {
  const relation = caseRelation(actor, facts);
  return relation === "owner" || relation === "team" || relation === "supervisor";
}
