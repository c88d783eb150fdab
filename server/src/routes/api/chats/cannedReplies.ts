import { apiRoutes, type CannedReplyView } from "@xinyuan/shared";
import { mountRoute, type AppRouter } from "../../../http/mountRoute";
import { ForbiddenError } from "../../../http/errors";
import { idOf } from "../../../http/routeParams";
import type { AppContext } from "../../../http/context";
import type { StaffActor } from "../../../auth/actor";
import { originOf } from "../../../audit/recordAudit";
import { canUseCannedReplies } from "../../../chat/chatPolicy";
import { cannedRepliesOf } from "../../../chat/cannedReplyViews";
import { cannedReplyCreator, cannedReplyDeleter, cannedReplyUpdater } from "../../../chat/cannedReplyEditor";
import { presentCannedReply } from "../../../chat/presentCannedReply";

function staffOf(ctx: AppContext): StaffActor {
  const actor = ctx.state.actor;
  if (!canUseCannedReplies(actor)) throw ForbiddenError();
  return actor;
}

/** 常用语: each counsellor's own, plus the county-wide set. Every change is audited (cannedReplyEditor). */
export function mountCannedReplyRoutes(router: AppRouter): void {
  mountRoute(router, apiRoutes.listCannedReplies, async (ctx): Promise<CannedReplyView[]> => {
    const actor = staffOf(ctx);
    return (await cannedRepliesOf(ctx.services.db, actor.id)).map((row) => presentCannedReply(row, actor));
  });

  mountRoute(router, apiRoutes.createCannedReply, async (ctx, { body }): Promise<CannedReplyView> => {
    const actor = staffOf(ctx);
    const row = await cannedReplyCreator({ services: ctx.services, actor, input: body, origin: originOf(ctx) });
    ctx.status = 201;
    return presentCannedReply(row, actor);
  });

  mountRoute(router, apiRoutes.updateCannedReply, async (ctx, { params, body }): Promise<CannedReplyView> => {
    const replyId = idOf(params);
    const actor = staffOf(ctx);
    const row = await cannedReplyUpdater({ services: ctx.services, actor, replyId, input: body, origin: originOf(ctx) });
    return presentCannedReply(row, actor);
  });

  mountRoute(router, apiRoutes.deleteCannedReply, async (ctx, { params }): Promise<undefined> => {
    const replyId = idOf(params);
    const actor = staffOf(ctx);
    await cannedReplyDeleter({ services: ctx.services, actor, replyId, origin: originOf(ctx) });
    ctx.status = 204;
    return undefined;
  });
}
