import { and, desc, eq } from "drizzle-orm";
import { apiRoutes, type EventSignupResultView, type EventSignupView } from "@xinyuan/shared";
import { mountRoute, type AppRouter } from "../../../http/mountRoute";
import { idOf } from "../../../http/routeParams";
import { NotFoundError } from "../../../http/errors";
import { eventSignups, publications } from "../../../db/schema";
import type { AppContext } from "../../../http/context";
import { campaignPage, publishedArticle, publishingHome, readerOf } from "../../../publishing/publishingQueries";
import { countPublicationRead } from "../../../publishing/publicationReadCounter";
import { eventSignupCreator } from "../../../publishing/eventSignupCreator";
import { eventSignupCanceller } from "../../../publishing/eventSignupCanceller";
import { presentPublicationSummary, type PublicationRow } from "../../../publishing/presentPublication";
import { sendCached, userOf } from "./staffOf";

const readerFor = (ctx: AppContext) => readerOf(ctx.services, ctx.state.actor?.type === "user" ? ctx.state.actor : null);

function presentSignup(signup: typeof eventSignups.$inferSelect, event: PublicationRow): EventSignupView {
  return { id: signup.id, publicationId: event.id, title: event.title, status: signup.status as "active" | "cancelled", event: presentPublicationSummary(event).event, createdAt: signup.createdAt.toISOString() };
}

/** The reader's side (the hot path: answers come from the in-process cache, with ETag / 304). */
export function mountReadingRoutes(router: AppRouter): void {
  mountRoute(router, apiRoutes.publishingHome, async (ctx) => sendCached(ctx, await publishingHome(ctx.services, await readerFor(ctx))));

  mountRoute(router, apiRoutes.readPublication, async (ctx, { params }) => {
    const body = await publishedArticle(ctx.services, idOf(params), await readerFor(ctx));
    if (!body) throw NotFoundError("PUBLICATION_NOT_FOUND");
    countPublicationRead(ctx.services, idOf(params));
    return sendCached(ctx, body);
  });

  mountRoute(router, apiRoutes.campaignPage, async (ctx, { params }) => {
    const body = await campaignPage(ctx.services, idOf(params), await readerFor(ctx));
    if (!body) throw NotFoundError("CAMPAIGN_NOT_FOUND");
    return sendCached(ctx, body);
  });

  mountRoute(
    router,
    apiRoutes.signUpForEvent,
    async (ctx, { params, body }): Promise<EventSignupResultView> => {
      const user = userOf(ctx);
      const result = await eventSignupCreator({ services: ctx.services, user, reader: await readerFor(ctx), eventId: idOf(params), note: body.note });
      ctx.status = result.created ? 201 : 200;
      return { signup: presentSignup(result.signup, result.event), offerHelp: result.offerHelp };
    },
    // Per IP: a whole school may sign up from one address when an event opens.
    { rateLimit: { name: "event-signup", limit: 600, windowSeconds: 60 } },
  );

  mountRoute(router, apiRoutes.cancelEventSignup, async (ctx, { params }): Promise<EventSignupView> => {
    const result = await eventSignupCanceller({ services: ctx.services, user: userOf(ctx), eventId: idOf(params) });
    return presentSignup(result.signup, result.event);
  });

  mountRoute(router, apiRoutes.mySignups, async (ctx): Promise<EventSignupView[]> => {
    const rows = await ctx.services.db
      .select({ signup: eventSignups, event: publications })
      .from(eventSignups)
      .innerJoin(publications, eq(publications.id, eventSignups.publicationId))
      .where(and(eq(eventSignups.userId, userOf(ctx).id), eq(eventSignups.status, "active")))
      .orderBy(desc(eventSignups.createdAt))
      .limit(100);
    return rows.map(({ signup, event }) => presentSignup(signup, event));
  });
}
