import { and, desc, eq, gte, inArray, or } from "drizzle-orm";
import { apiRoutes, type CallerTicketView, type HotlineStatusView } from "@xinyuan/shared";
import { mountRoute, type AppRouter } from "../../../http/mountRoute";
import { AuthenticationError, NotFoundError } from "../../../http/errors";
import { idOf } from "../../../http/routeParams";
import { originOf } from "../../../audit/recordAudit";
import { hotlineTickets } from "../../../db/schema";
import type { AppContext } from "../../../http/context";
import type { UserActor } from "../../../auth/actor";
import { loadHotlineStatus } from "../../../hotline/hotlineStatus";
import { hotlineJoiner } from "../../../hotline/hotlineJoiner";
import { ticketCanceller } from "../../../hotline/ticketCanceller";
import { callerTicketView } from "../../../hotline/callerTicketView";

function userOf(ctx: AppContext): UserActor {
  const actor = ctx.state.actor;
  if (actor?.type !== "user") throw AuthenticationError();
  return actor;
}

async function ownTicket(ctx: AppContext, ticketId: string) {
  const [row] = await ctx.services.db.select().from(hotlineTickets).where(eq(hotlineTickets.id, ticketId)).limit(1);
  if (!row || row.userId !== userOf(ctx).id) throw NotFoundError("HOTLINE_TICKET_NOT_FOUND");
  return row;
}

/** The caller's side: status, join, resync, cancel. A user only ever sees their own tickets. */
export function mountCallerTicketRoutes(router: AppRouter): void {
  mountRoute(router, apiRoutes.hotlineStatus, async (ctx): Promise<HotlineStatusView> => loadHotlineStatus(ctx.services));

  mountRoute(
    router,
    apiRoutes.joinHotline,
    async (ctx, { body }): Promise<CallerTicketView> => {
      const row = await hotlineJoiner({ services: ctx.services, user: userOf(ctx), body, origin: originOf(ctx) });
      ctx.status = 201;
      return callerTicketView(ctx.services, row);
    },
    { rateLimit: { name: "hotline-join", limit: 30, windowSeconds: 60 } },
  );

  mountRoute(router, apiRoutes.currentHotlineTicket, async (ctx): Promise<{ ticket: CallerTicketView | null }> => {
    const since = new Date(ctx.services.clock.now().getTime() - 86_400_000);
    const [row] = await ctx.services.db
      .select()
      .from(hotlineTickets)
      .where(and(eq(hotlineTickets.userId, userOf(ctx).id), or(inArray(hotlineTickets.status, ["waiting", "claimed"]), gte(hotlineTickets.closedAt, since))))
      .orderBy(desc(hotlineTickets.joinedAt))
      .limit(1);
    return { ticket: row ? await callerTicketView(ctx.services, row) : null };
  });

  mountRoute(router, apiRoutes.getHotlineTicket, async (ctx, { params }): Promise<CallerTicketView> => callerTicketView(ctx.services, await ownTicket(ctx, idOf(params))));

  mountRoute(router, apiRoutes.cancelHotlineTicket, async (ctx, { params }): Promise<CallerTicketView> => {
    const row = await ticketCanceller({ services: ctx.services, userId: userOf(ctx).id, ticketId: idOf(params), origin: originOf(ctx) });
    return callerTicketView(ctx.services, row);
  });
}
