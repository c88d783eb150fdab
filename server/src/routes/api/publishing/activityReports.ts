import { apiRoutes, type ActivityReportView } from "@xinyuan/shared";
import { mountRoute, type AppRouter } from "../../../http/mountRoute";
import { ForbiddenError } from "../../../http/errors";
import { originOf } from "../../../audit/recordAudit";
import { activityReportCreator } from "../../../publishing/activityReportCreator";
import { activityOverview, listActivityReports } from "../../../publishing/activityReportViews";
import { staffOf } from "./staffOf";

/** Schools report their May activities; the county sees every school's month. */
export function mountActivityReportRoutes(router: AppRouter): void {
  mountRoute(router, apiRoutes.createActivityReport, async (ctx, { body }): Promise<ActivityReportView> => {
    const row = await activityReportCreator({ services: ctx.services, actor: staffOf(ctx), body, origin: originOf(ctx) });
    ctx.status = 201;
    const [view] = (await listActivityReports(ctx.services, staffOf(ctx))).filter((report) => report.id === row.id);
    return view!;
  });
  mountRoute(router, apiRoutes.listActivityReports, async (ctx, { query }) => listActivityReports(ctx.services, staffOf(ctx), query.campaignId));
  mountRoute(router, apiRoutes.activityOverview, async (ctx, { query }) => {
    const { scope } = staffOf(ctx);
    if (scope.level === "school" || (scope.level === "area" && !scope.areaId)) throw ForbiddenError();
    return activityOverview(ctx.services, { areaId: scope.level === "area" ? scope.areaId! : undefined, campaignId: query.campaignId });
  });
}
