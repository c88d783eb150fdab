import { eq } from "drizzle-orm";
import { caseTeamMembers, crisisCases } from "../db/schema";
import type { DbOrTx } from "../db/database";
import { AppError } from "../http/errors";
import type { Actor } from "../auth/actor";
import { canReadCase, type CaseAccessFacts } from "./casePolicy";

export type CaseRow = typeof crisisCases.$inferSelect;
export type LockedCase = CaseRow & CaseAccessFacts;

/** A case with its team, for the policy. Unknown id → CASE_NOT_FOUND. `lock` takes the row lock for a write. */
export async function loadCase(tx: DbOrTx, caseId: string, lock = false): Promise<LockedCase> {
  const query = tx.select().from(crisisCases).where(eq(crisisCases.id, caseId));
  const [row] = lock ? await query.for("update") : await query;
  if (!row) throw new AppError(404, "CASE_NOT_FOUND");
  const team = await tx.select({ staffId: caseTeamMembers.staffId }).from(caseTeamMembers).where(eq(caseTeamMembers.caseId, caseId));
  return { ...row, teamIds: team.map((member) => member.staffId) };
}

/**
 * Loads a case for a write by an actor who must at least be able to read it (others get 404, so a
 * counsellor of another school cannot learn the case exists), then `allowed` decides (403).
 */
export async function lockCaseFor(tx: DbOrTx, actor: Actor, caseId: string, allowed: (actor: Actor, facts: CaseAccessFacts) => boolean): Promise<LockedCase> {
  const row = await loadCase(tx, caseId, true);
  if (!canReadCase(actor, row)) throw new AppError(404, "CASE_NOT_FOUND");
  if (!allowed(actor, row)) throw new AppError(403, "FORBIDDEN");
  return row;
}

/** Refuses writes to a closed case (closing is final; a new signal opens a new case). */
export function requireOpen(row: CaseRow): void {
  if (row.status === "closed") throw new AppError(409, "CASE_CLOSED");
}
