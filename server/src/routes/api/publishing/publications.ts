import { apiRoutes, type PublicationStaffView } from "@xinyuan/shared";
import { mountRoute, type AppRouter } from "../../../http/mountRoute";
import { idOf } from "../../../http/routeParams";
import { originOf } from "../../../audit/recordAudit";
import { publicationCreator } from "../../../publishing/publicationCreator";
import { publicationEditor } from "../../../publishing/publicationEditor";
import { publicationSubmitter } from "../../../publishing/publicationSubmitter";
import { publicationReviewer } from "../../../publishing/publicationReviewer";
import { publicationPublisher } from "../../../publishing/publicationPublisher";
import { publicationArchiver } from "../../../publishing/publicationArchiver";
import { eventSignupList, listPublicationsForStaff, presentForStaff, publicationVersionList, visiblePublication } from "../../../publishing/publicationViews";
import { staffOf } from "./staffOf";

/** The editor's and reviewer's desk: write, submit, review, publish, archive, versions, sign-up lists. */
export function mountPublicationRoutes(router: AppRouter): void {
  mountRoute(router, apiRoutes.listPublications, async (ctx, { query }) => listPublicationsForStaff(ctx.services, staffOf(ctx), query));

  mountRoute(router, apiRoutes.createPublication, async (ctx, { body }): Promise<PublicationStaffView> => {
    const row = await publicationCreator({ services: ctx.services, actor: staffOf(ctx), body, origin: originOf(ctx) });
    ctx.status = 201;
    return presentForStaff(ctx.services, staffOf(ctx), row);
  });

  mountRoute(router, apiRoutes.getPublication, async (ctx, { params }) => presentForStaff(ctx.services, staffOf(ctx), await visiblePublication(ctx.services, staffOf(ctx), idOf(params))));

  mountRoute(router, apiRoutes.updatePublication, async (ctx, { params, body }) => {
    const row = await publicationEditor({ services: ctx.services, actor: staffOf(ctx), id: idOf(params), version: body.version, body: body.content, origin: originOf(ctx) });
    return presentForStaff(ctx.services, staffOf(ctx), row);
  });

  mountRoute(router, apiRoutes.submitPublication, async (ctx, { params }) => {
    const row = await publicationSubmitter({ services: ctx.services, actor: staffOf(ctx), id: idOf(params), origin: originOf(ctx) });
    return presentForStaff(ctx.services, staffOf(ctx), row);
  });

  mountRoute(router, apiRoutes.reviewPublication, async (ctx, { params, body }) => {
    const row = await publicationReviewer({ services: ctx.services, actor: staffOf(ctx), id: idOf(params), ...body, origin: originOf(ctx) });
    return presentForStaff(ctx.services, staffOf(ctx), row);
  });

  mountRoute(router, apiRoutes.publishPublication, async (ctx, { params, body }) => {
    const row = await publicationPublisher({ services: ctx.services, actor: staffOf(ctx), id: idOf(params), publishAt: body.publishAt, origin: originOf(ctx) });
    return presentForStaff(ctx.services, staffOf(ctx), row);
  });

  mountRoute(router, apiRoutes.archivePublication, async (ctx, { params }) => {
    const row = await publicationArchiver({ services: ctx.services, actor: staffOf(ctx), id: idOf(params), origin: originOf(ctx) });
    return presentForStaff(ctx.services, staffOf(ctx), row);
  });

  mountRoute(router, apiRoutes.publicationVersions, async (ctx, { params }) => {
    const row = await visiblePublication(ctx.services, staffOf(ctx), idOf(params));
    return publicationVersionList(ctx.services, row.id);
  });

  mountRoute(router, apiRoutes.eventSignups, async (ctx, { params }) => {
    const row = await visiblePublication(ctx.services, staffOf(ctx), idOf(params));
    return eventSignupList(ctx.services, row.id);
  });
}
