import { randomUUID } from "node:crypto";
import { and, asc, desc, eq, gte, inArray, lt, ne, or, type SQL } from "drizzle-orm";
import { apiRoutes, type LetterAssigneeView, type LetterNoteView, type Page, type StaffLetterView } from "@xinyuan/shared";
import { mountRoute, type AppRouter } from "../../../http/mountRoute";
import { ForbiddenError } from "../../../http/errors";
import { idOf } from "../../../http/routeParams";
import type { AppContext } from "../../../http/context";
import type { StaffActor } from "../../../auth/actor";
import { originOf, recordAudit } from "../../../audit/recordAudit";
import { letterNotes, letters, staff } from "../../../db/schema";
import { isLetterStaff, readableLettersCondition, canReadLetter } from "../../../letters/lettersPolicy";
import { memberMailboxIds, readableLetter, staffAsActor } from "../../../letters/letterQueries";
import { letterThread } from "../../../letters/letterThread";
import { letterNames, presentStaffLetter } from "../../../letters/presentLetter";
import { letterReplier } from "../../../letters/letterReplier";
import { letterAssigner } from "../../../letters/letterAssigner";
import { letterCloser, letterOpener, letterReopener } from "../../../letters/letterCloser";
import { dueReminderLeadMs } from "../../../letters/letterEscalator";
import { sealed } from "../../../crypto/sealedColumns";

function teacherOf(ctx: AppContext): StaffActor {
  const actor = ctx.state.actor;
  if (!isLetterStaff(actor)) throw ForbiddenError();
  return actor;
}

async function detail(ctx: AppContext, actor: StaffActor, id: string): Promise<StaffLetterView> {
  const { db, cipher, clock } = ctx.services;
  const letter = await readableLetter(db, actor, id);
  const thread = await letterThread(db, letter.id);
  return presentStaffLetter(cipher, letter, await letterNames(db, [letter], thread), clock.now(), thread);
}

async function letterNotesOf(ctx: AppContext, letterId: string): Promise<LetterNoteView[]> {
  const { db, cipher } = ctx.services;
  const rows = await db.select({ note: letterNotes, name: staff.displayName }).from(letterNotes).leftJoin(staff, eq(staff.id, letterNotes.staffId)).where(eq(letterNotes.letterId, letterId)).orderBy(asc(letterNotes.createdAt));
  return rows.map(({ note, name }) => ({ id: note.id, staffName: name, body: cipher.decrypt(note.bodyEnc, sealed.letterNoteBody.at(note)), createdAt: note.createdAt.toISOString() }));
}

/** Most searches are by alias or subject; subjects are encrypted, so they are matched after decryption among the readable letters. */
const searchWindow = 500;

/** The teachers' side: inbox (urgent first, then due date), a letter with its thread, reply, assign, notes, close, re-open. */
export function mountStaffLetterRoutes(router: AppRouter): void {
  mountRoute(router, apiRoutes.listLetters, async (ctx, { query }): Promise<Page<StaffLetterView>> => {
    const actor = teacherOf(ctx);
    const { db, cipher, clock } = ctx.services;
    const now = clock.now();
    const conditions: Array<SQL | undefined> = [readableLettersCondition(actor, await memberMailboxIds(db, actor.id))];
    if (query.mailboxId) conditions.push(or(eq(letters.mailboxId, query.mailboxId), eq(letters.handlingMailboxId, query.mailboxId)));
    if (query.status) conditions.push(eq(letters.status, query.status));
    else if (query.open !== "false") conditions.push(ne(letters.status, "closed"));
    if (query.urgent === "true") conditions.push(eq(letters.urgent, true));
    if (query.category) conditions.push(eq(letters.category, query.category));
    const awaiting = inArray(letters.status, ["delivered", "read"]);
    if (query.due === "overdue") conditions.push(and(awaiting, lt(letters.dueAt, now)));
    if (query.due === "due_soon") conditions.push(and(awaiting, gte(letters.dueAt, now), lt(letters.dueAt, new Date(now.getTime() + dueReminderLeadMs))));
    const order = [desc(letters.urgent), asc(letters.dueAt), asc(letters.createdAt)];
    let rows = await db.select().from(letters).where(and(...conditions)).orderBy(...order).limit(query.q ? searchWindow : query.page * query.pageSize);
    if (query.q) {
      const needle = query.q.toLowerCase();
      rows = rows.filter((row) => row.alias.toLowerCase().includes(needle) || cipher.decrypt(row.subjectEnc, sealed.letterSubject.at(row)).toLowerCase().includes(needle));
    }
    const total = query.q ? rows.length : ((await db.$count(letters, and(...conditions))) as number);
    const pageRows = rows.slice((query.page - 1) * query.pageSize, query.page * query.pageSize);
    const names = await letterNames(db, pageRows);
    return { items: pageRows.map((row) => presentStaffLetter(cipher, row, names, now)), total, page: query.page, pageSize: query.pageSize };
  });

  mountRoute(router, apiRoutes.getLetter, async (ctx, { params }): Promise<StaffLetterView> => {
    const actor = teacherOf(ctx);
    await letterOpener({ services: ctx.services, actor, origin: originOf(ctx), letterId: idOf(params) });
    return detail(ctx, actor, idOf(params));
  });

  mountRoute(router, apiRoutes.replyLetter, async (ctx, { params, body }): Promise<StaffLetterView> => {
    const actor = teacherOf(ctx);
    await letterReplier({ services: ctx.services, actor, origin: originOf(ctx), letterId: idOf(params), input: body });
    return detail(ctx, actor, idOf(params));
  });

  mountRoute(router, apiRoutes.assignLetter, async (ctx, { params, body }): Promise<StaffLetterView> => {
    const actor = teacherOf(ctx);
    await letterAssigner({ services: ctx.services, actor, origin: originOf(ctx), letterId: idOf(params), input: body });
    return detail(ctx, actor, idOf(params));
  });

  mountRoute(router, apiRoutes.listLetterAssignees, async (ctx, { params }): Promise<LetterAssigneeView[]> => {
    const actor = teacherOf(ctx);
    const { db } = ctx.services;
    const letter = await readableLetter(db, actor, idOf(params));
    const candidates = await db.select().from(staff).where(and(eq(staff.status, "active"))).limit(2000);
    const result: LetterAssigneeView[] = [];
    for (const member of candidates) {
      const candidate = staffAsActor(member);
      if (canReadLetter(candidate, letter, await memberMailboxIds(db, member.id))) result.push({ id: member.id, displayName: member.displayName });
    }
    return result;
  });

  mountRoute(router, apiRoutes.listLetterNotes, async (ctx, { params }): Promise<LetterNoteView[]> => {
    const actor = teacherOf(ctx);
    const letter = await readableLetter(ctx.services.db, actor, idOf(params));
    return letterNotesOf(ctx, letter.id);
  });

  /** Answers with the whole list, as chat notes do. */
  mountRoute(router, apiRoutes.addLetterNote, async (ctx, { params, body }): Promise<LetterNoteView[]> => {
    const actor = teacherOf(ctx);
    const { db, cipher, clock } = ctx.services;
    const letterId = await db.transaction(async (tx) => {
      const letter = await readableLetter(tx, actor, idOf(params));
      const noteId = randomUUID();
      await tx.insert(letterNotes).values({ id: noteId, letterId: letter.id, staffId: actor.id, bodyEnc: cipher.encrypt(body.body, sealed.letterNoteBody.at({ id: noteId })), createdAt: clock.now() });
      await recordAudit(tx, originOf(ctx), { action: "letter.note", targetType: "letter", targetId: letter.id });
      return letter.id;
    });
    ctx.status = 201;
    return letterNotesOf(ctx, letterId);
  });

  mountRoute(router, apiRoutes.closeLetter, async (ctx, { params, body }): Promise<StaffLetterView> => {
    const actor = teacherOf(ctx);
    await letterCloser({ services: ctx.services, actor, origin: originOf(ctx), letterId: idOf(params), input: body });
    return detail(ctx, actor, idOf(params));
  });

  mountRoute(router, apiRoutes.reopenLetter, async (ctx, { params }): Promise<StaffLetterView> => {
    const actor = teacherOf(ctx);
    await letterReopener({ services: ctx.services, actor, origin: originOf(ctx), letterId: idOf(params) });
    return detail(ctx, actor, idOf(params));
  });
}

