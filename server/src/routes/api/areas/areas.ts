import { apiRoutes, type AreaView, type Page } from "@xinyuan/shared";
import { mountRoute, type AppRouter } from "../../../http/mountRoute";
import { staffActorOf } from "../../../auth/staffActorOf";
import { originOf } from "../../../audit/recordAudit";
import { authorize } from "../../../access/authorize";
import { canUseArea } from "../../../directory/directoryPolicy";
import { presentArea } from "../../../directory/presentDirectory";
import { listAreaRecords } from "../../../directory/directoryViews";
import { areaCreator } from "../../../directory/areaCreator";
import { areaUpdater } from "../../../directory/areaUpdater";
import { uniqueOr } from "../../../db/uniqueViolation";
import { idOf } from "../../../http/routeParams";

/** Areas (片区): every staff member lists those of their scope; county centre admins change them. */
export function mountAreaRoutes(router: AppRouter): void {
  mountRoute(router, apiRoutes.listAreas, async (ctx, { query }): Promise<Page<AreaView>> => {
    const actor = staffActorOf(ctx);
    authorize(canUseArea(actor, "list"));
    const { records, total } = await listAreaRecords(ctx.services.db, { ...query, scope: actor.scope });
    return { items: records.map(presentArea), total, page: query.page, pageSize: query.pageSize };
  });

  mountRoute(router, apiRoutes.createArea, async (ctx, { body }): Promise<AreaView> => {
    authorize(canUseArea(staffActorOf(ctx), "create"));
    const record = await uniqueOr("NAME_TAKEN", () => ctx.services.db.transaction((tx) => areaCreator({ tx, input: body, origin: originOf(ctx) })));
    ctx.status = 201;
    return presentArea(record);
  });

  mountRoute(router, apiRoutes.updateArea, async (ctx, { body, params }): Promise<AreaView> => {
    authorize(canUseArea(staffActorOf(ctx), "update"));
    const areaId = idOf(params);
    const record = await uniqueOr("NAME_TAKEN", () => ctx.services.db.transaction((tx) => areaUpdater({ tx, areaId, changes: body, origin: originOf(ctx) })));
    return presentArea(record);
  });
}
