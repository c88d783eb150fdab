import { asc, eq } from "drizzle-orm";
import type { LetterTermBody, LetterTermView } from "@xinyuan/shared";
import { letterTerms } from "../db/schema";
import type { DbOrTx } from "../db/database";
import type { Services } from "../services";
import type { StaffActor } from "../auth/actor";
import { recordAudit, type AuditOrigin } from "../audit/recordAudit";
import { ForbiddenError, NotFoundError } from "../http/errors";
import { canManageLetterTerms } from "./lettersPolicy";

type LetterTermRow = typeof letterTerms.$inferSelect;

export const presentLetterTerm = (row: LetterTermRow): LetterTermView => ({ id: row.id, name: row.name, startsOn: row.startsOn, endsOn: row.endsOn });

/** Every 寒暑假, by start date (a few a year; the calendar reads them for due dates, see letterCalendar.ts). */
export async function listLetterTerms(db: DbOrTx): Promise<LetterTermView[]> {
  return (await db.select().from(letterTerms).orderBy(asc(letterTerms.startsOn), asc(letterTerms.name))).map(presentLetterTerm);
}

interface TermProps {
  services: Services;
  actor: StaffActor;
  origin: AuditOrigin;
}

function requireTermManager(actor: StaffActor): void {
  if (!canManageLetterTerms(actor)) throw ForbiddenError();
}

/**
 * The county centre adds a 寒暑假. Letters already written keep the due date they were given (the writer
 * was told it); letters written from now on skip the term. Audited with the dates (no personal data).
 */
export async function letterTermCreator(props: TermProps & { body: LetterTermBody }): Promise<LetterTermView> {
  const { services, actor, origin, body } = props;
  requireTermManager(actor);
  return services.db.transaction(async (tx) => {
    const [row] = await tx.insert(letterTerms).values({ name: body.name, startsOn: body.startsOn, endsOn: body.endsOn, createdAt: services.clock.now() }).returning();
    await recordAudit(tx, origin, { action: "letter_term.create", targetType: "letter_term", targetId: row!.id, detail: { startsOn: body.startsOn, endsOn: body.endsOn } });
    return presentLetterTerm(row!);
  });
}

export async function letterTermUpdater(props: TermProps & { id: string; body: LetterTermBody }): Promise<LetterTermView> {
  const { services, actor, origin, id, body } = props;
  requireTermManager(actor);
  return services.db.transaction(async (tx) => {
    const [row] = await tx.update(letterTerms).set({ name: body.name, startsOn: body.startsOn, endsOn: body.endsOn }).where(eq(letterTerms.id, id)).returning();
    if (!row) throw NotFoundError("LETTER_TERM_NOT_FOUND");
    await recordAudit(tx, origin, { action: "letter_term.update", targetType: "letter_term", targetId: row.id, detail: { startsOn: body.startsOn, endsOn: body.endsOn } });
    return presentLetterTerm(row);
  });
}

export async function letterTermDeleter(props: TermProps & { id: string }): Promise<void> {
  const { services, actor, origin, id } = props;
  requireTermManager(actor);
  await services.db.transaction(async (tx) => {
    const [row] = await tx.delete(letterTerms).where(eq(letterTerms.id, id)).returning();
    if (!row) throw NotFoundError("LETTER_TERM_NOT_FOUND");
    await recordAudit(tx, origin, { action: "letter_term.delete", targetType: "letter_term", targetId: row.id, detail: { startsOn: row.startsOn, endsOn: row.endsOn } });
  });
}
