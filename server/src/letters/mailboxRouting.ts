import { and, eq } from "drizzle-orm";
import type { LetterTarget } from "@xinyuan/shared";
import { mailboxes, schools } from "../db/schema";
import type { DbOrTx } from "../db/database";
import { AppError } from "../http/errors";

export type MailboxRow = typeof mailboxes.$inferSelect;

export const countyMailboxName = "县心理健康中心信箱";

/** The county centre's mailbox, created on first need (one per county, by a partial unique index). */
export async function countyMailbox(db: DbOrTx): Promise<MailboxRow> {
  const find = async () => (await db.select().from(mailboxes).where(eq(mailboxes.kind, "county")).limit(1))[0];
  const found = await find();
  if (found) return found;
  await db.insert(mailboxes).values({ kind: "county", name: countyMailboxName }).onConflictDoNothing();
  return (await find())!;
}

async function activeBox(db: DbOrTx, kind: "school" | "area", id: string): Promise<MailboxRow | undefined> {
  const column = kind === "school" ? mailboxes.schoolId : mailboxes.areaId;
  return (await db.select().from(mailboxes).where(and(eq(mailboxes.kind, kind), eq(column, id), eq(mailboxes.active, true))).limit(1))[0];
}

export interface RoutedMailbox {
  mailbox: MailboxRow;
  /** The chosen box does not exist, so the letter goes to the next one up (school → area → county). */
  routedOnward: boolean;
}

/**
 * Where a letter to `target` goes for a writer of `schoolId`: their school's box, their area's box, or
 * the county centre. A school without an (active) mailbox routes to its area's box, an area without one
 * to the county. School and area need the writer's school (LETTER_SCHOOL_REQUIRED otherwise).
 */
export async function routeLetter(db: DbOrTx, target: LetterTarget, schoolId: string | null): Promise<RoutedMailbox> {
  if (target === "county") return { mailbox: await countyMailbox(db), routedOnward: false };
  if (!schoolId) throw new AppError(400, "LETTER_SCHOOL_REQUIRED");
  const [school] = await db.select({ id: schools.id, areaId: schools.areaId }).from(schools).where(eq(schools.id, schoolId)).limit(1);
  if (!school) throw new AppError(400, "LETTER_SCHOOL_REQUIRED");
  if (target === "school") {
    const box = await activeBox(db, "school", school.id);
    if (box) return { mailbox: box, routedOnward: false };
  }
  const areaBox = await activeBox(db, "area", school.areaId);
  if (areaBox) return { mailbox: areaBox, routedOnward: target === "school" };
  return { mailbox: await countyMailbox(db), routedOnward: true };
}

/**
 * The next box up for an overdue letter handled by `current`: a school's box → its area's box (if any) →
 * the county's. Undefined at the top.
 */
export async function mailboxAbove(db: DbOrTx, current: MailboxRow, areaIdOfLetter: string | null): Promise<MailboxRow | undefined> {
  if (current.kind === "county") return undefined;
  if (current.kind === "school" && areaIdOfLetter) {
    const areaBox = await activeBox(db, "area", areaIdOfLetter);
    if (areaBox) return areaBox;
  }
  return countyMailbox(db);
}
