import { eq } from "drizzle-orm";
import type { ScopeLevel, StaffRole } from "@xinyuan/shared";
import { letters, mailboxMembers, staff } from "../db/schema";
import type { DbOrTx } from "../db/database";
import type { StaffActor } from "../auth/actor";
import { NotFoundError } from "../http/errors";
import { canReadLetter, type LetterRow } from "./lettersPolicy";

export async function findLetter(db: DbOrTx, id: string): Promise<LetterRow | undefined> {
  return (await db.select().from(letters).where(eq(letters.id, id)).limit(1))[0];
}

/** The ids of the mailboxes a staff member is a member of. */
export async function memberMailboxIds(db: DbOrTx, staffId: string): Promise<Set<string>> {
  const rows = await db.select({ id: mailboxMembers.mailboxId }).from(mailboxMembers).where(eq(mailboxMembers.staffId, staffId));
  return new Set(rows.map((row) => row.id));
}

/** A letter the teacher may read, else 404 LETTER_NOT_FOUND (the same answer as for a letter that does not exist). */
export async function readableLetter(db: DbOrTx, actor: StaffActor, id: string, lock = false): Promise<LetterRow> {
  const query = db.select().from(letters).where(eq(letters.id, id)).limit(1);
  const [letter] = lock ? await query.for("update") : await query;
  if (!letter || !canReadLetter(actor, letter, await memberMailboxIds(db, actor.id))) throw NotFoundError("LETTER_NOT_FOUND");
  return letter;
}

/** The writer's own letter, else 404 (a letter of someone else is not there for them). */
export async function ownLetter(db: DbOrTx, userId: string, id: string, lock = false): Promise<LetterRow> {
  const query = db.select().from(letters).where(eq(letters.id, id)).limit(1);
  const [letter] = lock ? await query.for("update") : await query;
  if (!letter || letter.userId !== userId) throw NotFoundError("LETTER_NOT_FOUND");
  return letter;
}

/** A staff row as an actor, to ask the policy whether a colleague may read a letter (assignment, members). */
export function staffAsActor(member: typeof staff.$inferSelect): StaffActor {
  return {
    type: "staff",
    id: member.id,
    username: member.username,
    displayName: member.displayName,
    roles: member.roles as StaffRole[],
    scope: { level: member.scopeLevel as ScopeLevel, areaId: member.areaId, schoolId: member.schoolId },
    pending: [],
  };
}
