import { apiRoutes, type Page, type SchoolView } from "@xinyuan/shared";
import { mountRoute, type AppRouter } from "../../../http/mountRoute";
import { staffActorOf } from "../../../auth/staffActorOf";
import { originOf } from "../../../audit/recordAudit";
import { authorize } from "../../../access/authorize";
import { canUseSchool } from "../../../directory/directoryPolicy";
import { presentSchool } from "../../../directory/presentDirectory";
import { listSchoolRecords } from "../../../directory/directoryViews";
import { schoolCreator } from "../../../directory/schoolCreator";
import { schoolUpdater } from "../../../directory/schoolUpdater";
import { uniqueOr } from "../../../db/uniqueViolation";
import { idOf } from "../../../http/routeParams";

/** Schools: every staff member lists those of their scope; county centre admins change them. */
export function mountSchoolRoutes(router: AppRouter): void {
  mountRoute(router, apiRoutes.listSchools, async (ctx, { query }): Promise<Page<SchoolView>> => {
    const actor = staffActorOf(ctx);
    authorize(canUseSchool(actor, "list"));
    const { records, total } = await listSchoolRecords(ctx.services.db, { ...query, scope: actor.scope });
    return { items: records.map(presentSchool), total, page: query.page, pageSize: query.pageSize };
  });

  mountRoute(router, apiRoutes.createSchool, async (ctx, { body }): Promise<SchoolView> => {
    authorize(canUseSchool(staffActorOf(ctx), "create"));
    const record = await uniqueOr("NAME_TAKEN", () => ctx.services.db.transaction((tx) => schoolCreator({ tx, input: body, origin: originOf(ctx) })));
    ctx.status = 201;
    return presentSchool(record);
  });

  mountRoute(router, apiRoutes.updateSchool, async (ctx, { body, params }): Promise<SchoolView> => {
    authorize(canUseSchool(staffActorOf(ctx), "update"));
    const schoolId = idOf(params);
    const record = await uniqueOr("NAME_TAKEN", () => ctx.services.db.transaction((tx) => schoolUpdater({ tx, schoolId, changes: body, origin: originOf(ctx) })));
    return presentSchool(record);
  });
}
