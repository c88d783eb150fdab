import { apiRoutes, type RetentionView } from "@xinyuan/shared";
import { mountRoute, type AppRouter } from "../../../http/mountRoute";
import { staffActorOf } from "../../../auth/staffActorOf";
import { originOf } from "../../../audit/recordAudit";
import { authorize } from "../../../access/authorize";
import { canManageRetention } from "../../../retention/retentionPolicy";
import { loadRetentionView } from "../../../retention/retentionViews";
import { retentionUpdater } from "../../../retention/retentionUpdater";
import { retentionDryRunner } from "../../../retention/retentionRuns";

/** 保存期限, a section of the settings page: county centre admins only. */
export function mountRetentionRoutes(router: AppRouter): void {
  mountRoute(router, apiRoutes.getRetention, async (ctx): Promise<RetentionView> => {
    authorize(canManageRetention(staffActorOf(ctx)));
    return loadRetentionView(ctx.services);
  });

  mountRoute(router, apiRoutes.updateRetention, async (ctx, { body }): Promise<RetentionView> => {
    authorize(canManageRetention(staffActorOf(ctx)));
    await retentionUpdater({ services: ctx.services, changes: body, origin: originOf(ctx) });
    return loadRetentionView(ctx.services);
  });

  mountRoute(router, apiRoutes.retentionDryRun, async (ctx): Promise<RetentionView> => {
    const actor = staffActorOf(ctx);
    authorize(canManageRetention(actor));
    await retentionDryRunner({ services: ctx.services, staffId: actor.id, origin: originOf(ctx) });
    return loadRetentionView(ctx.services);
  });
}
