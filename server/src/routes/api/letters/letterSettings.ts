import { and, asc, eq, isNull, or } from "drizzle-orm";
import { apiRoutes, type LetterTemplateView, type LetterTermView } from "@xinyuan/shared";
import { mountRoute, type AppRouter } from "../../../http/mountRoute";
import { idOf } from "../../../http/routeParams";
import { staffActorOf } from "../../../auth/staffActorOf";
import { originOf } from "../../../audit/recordAudit";
import { letterReplyTemplates } from "../../../db/schema";
import { letterTemplateCreator, letterTemplateDeleter, letterTemplateUpdater, presentLetterTemplate } from "../../../letters/letterTemplateEditor";
import { letterTermCreator, letterTermDeleter, letterTermUpdater, listLetterTerms } from "../../../letters/letterTermEditor";

/** Reply templates (a teacher's own and the county's) and 寒暑假 (county centre admins): thin handlers over letters/. */
export function mountLetterSettingRoutes(router: AppRouter): void {
  mountRoute(router, apiRoutes.listLetterTemplates, async (ctx): Promise<LetterTemplateView[]> => {
    const actor = staffActorOf(ctx);
    const rows = await ctx.services.db.select().from(letterReplyTemplates).where(and(isNull(letterReplyTemplates.deletedAt), or(isNull(letterReplyTemplates.ownerStaffId), eq(letterReplyTemplates.ownerStaffId, actor.id)))).orderBy(asc(letterReplyTemplates.title));
    return rows.map(presentLetterTemplate);
  });

  mountRoute(router, apiRoutes.createLetterTemplate, async (ctx, { body }): Promise<LetterTemplateView> => {
    const created = await letterTemplateCreator({ services: ctx.services, actor: staffActorOf(ctx), origin: originOf(ctx), body });
    ctx.status = 201;
    return created;
  });

  mountRoute(router, apiRoutes.updateLetterTemplate, async (ctx, { params, body }): Promise<LetterTemplateView> =>
    letterTemplateUpdater({ services: ctx.services, actor: staffActorOf(ctx), origin: originOf(ctx), id: idOf(params), body }),
  );

  mountRoute(router, apiRoutes.deleteLetterTemplate, async (ctx, { params }) => {
    await letterTemplateDeleter({ services: ctx.services, actor: staffActorOf(ctx), origin: originOf(ctx), id: idOf(params) });
    ctx.status = 204;
    return undefined;
  });

  mountRoute(router, apiRoutes.listLetterTerms, async (ctx): Promise<LetterTermView[]> => {
    staffActorOf(ctx);
    return listLetterTerms(ctx.services.db);
  });

  mountRoute(router, apiRoutes.createLetterTerm, async (ctx, { body }): Promise<LetterTermView> => {
    const created = await letterTermCreator({ services: ctx.services, actor: staffActorOf(ctx), origin: originOf(ctx), body });
    ctx.status = 201;
    return created;
  });

  mountRoute(router, apiRoutes.updateLetterTerm, async (ctx, { params, body }): Promise<LetterTermView> =>
    letterTermUpdater({ services: ctx.services, actor: staffActorOf(ctx), origin: originOf(ctx), id: idOf(params), body }),
  );

  mountRoute(router, apiRoutes.deleteLetterTerm, async (ctx, { params }) => {
    await letterTermDeleter({ services: ctx.services, actor: staffActorOf(ctx), origin: originOf(ctx), id: idOf(params) });
    ctx.status = 204;
    return undefined;
  });
}
