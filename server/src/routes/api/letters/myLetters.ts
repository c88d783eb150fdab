import { desc, eq, inArray } from "drizzle-orm";
import { apiRoutes, type LetterBoxOptionsView, type MyLetterView, type WriteLetterResult } from "@xinyuan/shared";
import { mountRoute, type AppRouter } from "../../../http/mountRoute";
import { consumeRateLimit } from "../../../http/rateLimit";
import { idOf } from "../../../http/routeParams";
import type { AppContext } from "../../../http/context";
import { userActorOf } from "../../../auth/userActorOf";
import { originOf } from "../../../audit/recordAudit";
import { appUsers, letters, mailboxes } from "../../../db/schema";
import { letterWriter } from "../../../letters/letterWriter";
import { writerReplier } from "../../../letters/letterReplier";
import { writerLetterCloser } from "../../../letters/letterCloser";
import { letterReplyReminderArmer } from "../../../letters/letterReplyNotifier";
import { ownLetter } from "../../../letters/letterQueries";
import { letterThread } from "../../../letters/letterThread";
import { presentMyLetter } from "../../../letters/presentLetter";
import { letterBoxOptions } from "../../../letters/letterBoxOptions";

async function mailboxName(ctx: AppContext, id: string): Promise<string> {
  return (await ctx.services.db.select({ name: mailboxes.name }).from(mailboxes).where(eq(mailboxes.id, id)))[0]?.name ?? "";
}

async function myLetterView(ctx: AppContext, userId: string, id: string): Promise<MyLetterView> {
  const letter = await ownLetter(ctx.services.db, userId, id);
  return presentMyLetter(ctx.services.cipher, letter, await mailboxName(ctx, letter.mailboxId), await letterThread(ctx.services.db, letter.id));
}

/** The writer's side of the mailbox: where to write, write (idempotent), their letters, reply, close, reminder. */
export function mountMyLetterRoutes(router: AppRouter): void {
  mountRoute(router, apiRoutes.listMyLetterBoxes, async (ctx): Promise<LetterBoxOptionsView> => {
    const user = userActorOf(ctx);
    const [profile] = await ctx.services.db.select({ schoolId: appUsers.schoolId }).from(appUsers).where(eq(appUsers.id, user.id));
    return letterBoxOptions({ db: ctx.services.db, schoolId: profile?.schoolId ?? null, now: ctx.services.clock.now() });
  });

  mountRoute(router, apiRoutes.writeLetter, async (ctx, { body }): Promise<WriteLetterResult> => {
    const user = userActorOf(ctx);
    // per writer, not per IP (a school shares one address); an outbox resend of a stored letter costs a count too
    await consumeRateLimit(ctx.services.db, ctx.services.clock, { name: "letter-write", limit: 10, windowSeconds: 3600 }, user.id);
    const result = await letterWriter({ services: ctx.services, actor: user, origin: originOf(ctx), input: body });
    ctx.status = result.duplicate ? 200 : 201;
    return { letter: presentMyLetter(ctx.services.cipher, result.letter, result.mailbox.name), duplicate: result.duplicate, acknowledgement: result.acknowledgement };
  });

  mountRoute(router, apiRoutes.listMyLetters, async (ctx): Promise<MyLetterView[]> => {
    const user = userActorOf(ctx);
    const rows = await ctx.services.db.select().from(letters).where(eq(letters.userId, user.id)).orderBy(desc(letters.createdAt)).limit(100);
    const boxIds = [...new Set(rows.map((row) => row.mailboxId))];
    const boxes = boxIds.length ? await ctx.services.db.select({ id: mailboxes.id, name: mailboxes.name }).from(mailboxes).where(inArray(mailboxes.id, boxIds)) : [];
    const names = new Map(boxes.map((box) => [box.id, box.name]));
    return rows.map((row) => presentMyLetter(ctx.services.cipher, row, names.get(row.mailboxId) ?? ""));
  });

  mountRoute(router, apiRoutes.getMyLetter, async (ctx, { params }): Promise<MyLetterView> => myLetterView(ctx, userActorOf(ctx).id, idOf(params)));

  mountRoute(router, apiRoutes.replyMyLetter, async (ctx, { params, body }): Promise<MyLetterView> => {
    const user = userActorOf(ctx);
    await consumeRateLimit(ctx.services.db, ctx.services.clock, { name: "letter-reply", limit: 30, windowSeconds: 3600 }, user.id);
    await writerReplier({ services: ctx.services, actor: user, origin: originOf(ctx), letterId: idOf(params), input: body });
    return myLetterView(ctx, user.id, idOf(params));
  });

  mountRoute(router, apiRoutes.closeMyLetter, async (ctx, { params, body }): Promise<MyLetterView> => {
    const user = userActorOf(ctx);
    await writerLetterCloser({ services: ctx.services, actor: user, origin: originOf(ctx), letterId: idOf(params), input: body });
    return myLetterView(ctx, user.id, idOf(params));
  });

  mountRoute(router, apiRoutes.remindMeOnLetterReply, async (ctx, { params, body }): Promise<MyLetterView> => {
    const user = userActorOf(ctx);
    const letter = await ownLetter(ctx.services.db, user.id, idOf(params));
    await letterReplyReminderArmer({ services: ctx.services, actor: user, letter, input: body });
    return myLetterView(ctx, user.id, letter.id);
  });
}

