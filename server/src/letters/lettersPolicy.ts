import { and, eq, inArray, or, sql, type SQL } from "drizzle-orm";
import type { Actor, StaffActor } from "../auth/actor";
import { hasRole } from "../auth/actor";
import { letters } from "../db/schema";

export type LetterRow = typeof letters.$inferSelect;

/** Teachers who answer letters: counsellors and supervisors. Everyone else sees no letter at all. */
export function isLetterStaff(actor: Actor | undefined): actor is StaffActor {
  return hasRole(actor, "counsellor", "supervisor");
}

/** The writer asked that their school's staff not read it, and the actor is of that school: no other rule (a case's either) overrides this. */
export function letterKeptFrom(actor: StaffActor, letter: Pick<LetterRow, "keepFromSchool" | "originSchoolId">): boolean {
  return letter.keepFromSchool && actor.scope.schoolId !== null && actor.scope.schoolId === letter.originSchoolId;
}

/**
 * Who may read (and so answer, assign, close) a letter. Deny by default:
 * - a letter the writer kept from their school is invisible to that school's staff, whatever else holds;
 * - members of the box it was sent to, or of the box handling it now (after escalation), may;
 * - school staff: their school's box; area staff: every box of their area (the schools' and the area's);
 * - county staff: the county box, and every letter escalated to the county.
 */
export function canReadLetter(actor: StaffActor, letter: LetterRow, memberOf: ReadonlySet<string>): boolean {
  if (!isLetterStaff(actor)) return false;
  if (letterKeptFrom(actor, letter)) return false;
  if (memberOf.has(letter.mailboxId) || memberOf.has(letter.handlingMailboxId)) return true;
  switch (actor.scope.level) {
    case "county":
      return letter.mailboxKind === "county" || letter.handlingMailboxKind === "county";
    case "area":
      return actor.scope.areaId !== null && letter.boxAreaId === actor.scope.areaId;
    case "school":
      return actor.scope.schoolId !== null && letter.mailboxKind === "school" && letter.boxSchoolId === actor.scope.schoolId;
    default:
      return false;
  }
}

/** canReadLetter as a SQL condition, for lists. Keep the two in step (lettersPolicy.test.ts checks both). */
export function readableLettersCondition(actor: StaffActor, memberOf: ReadonlySet<string>): SQL {
  if (!isLetterStaff(actor)) return sql`false`;
  const members = [...memberOf];
  const byMembership = members.length > 0 ? or(inArray(letters.mailboxId, members), inArray(letters.handlingMailboxId, members)) : undefined;
  let byScope: SQL | undefined;
  if (actor.scope.level === "county") byScope = or(eq(letters.mailboxKind, "county"), eq(letters.handlingMailboxKind, "county"));
  else if (actor.scope.level === "area" && actor.scope.areaId) byScope = eq(letters.boxAreaId, actor.scope.areaId);
  else if (actor.scope.level === "school" && actor.scope.schoolId) byScope = and(eq(letters.mailboxKind, "school"), eq(letters.boxSchoolId, actor.scope.schoolId));
  const allowed = or(byMembership ?? sql`false`, byScope ?? sql`false`)!;
  if (actor.scope.schoolId === null) return allowed;
  return and(allowed, or(eq(letters.keepFromSchool, false), sql`${letters.originSchoolId} IS DISTINCT FROM ${actor.scope.schoolId}`))!;
}

/** Mailbox settings: the centre admin of a scope covering the box (a county admin: every box). */
export function canEditMailbox(actor: StaffActor, box: { kind: string; schoolId: string | null; areaId: string | null }, schoolAreaId: string | null): boolean {
  if (!hasRole(actor, "centre_admin")) return false;
  if (actor.scope.level === "county") return true;
  if (actor.scope.level === "area") return box.kind !== "county" && actor.scope.areaId !== null && (box.areaId ?? schoolAreaId) === actor.scope.areaId;
  return box.kind === "school" && actor.scope.schoolId !== null && box.schoolId === actor.scope.schoolId;
}

/** 寒暑假 are county-wide dates: the county centre's admins keep them. */
export function canManageLetterTerms(actor: StaffActor): boolean {
  return hasRole(actor, "centre_admin") && actor.scope.level === "county";
}

/** A reply template: its owner edits their own; county-wide ones (no owner) supervisors and centre admins. */
export function canEditLetterTemplate(actor: StaffActor, template: { ownerStaffId: string | null }): boolean {
  return template.ownerStaffId === null ? hasRole(actor, "supervisor", "centre_admin") : template.ownerStaffId === actor.id;
}
