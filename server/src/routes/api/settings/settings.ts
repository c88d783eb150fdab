import { apiRoutes, type SettingsView } from "@xinyuan/shared";
import { mountRoute, type AppRouter } from "../../../http/mountRoute";
import { staffActorOf } from "../../../auth/staffActorOf";
import { originOf } from "../../../audit/recordAudit";
import { authorize } from "../../../access/authorize";
import { canManageSettings } from "../../../settings/settingsPolicy";
import { readSettings } from "../../../settings/platformSettings";
import { settingsUpdater } from "../../../settings/settingsUpdater";

/** Platform settings, for county centre admins. */
export function mountSettingsRoutes(router: AppRouter): void {
  mountRoute(router, apiRoutes.getSettings, async (ctx): Promise<SettingsView> => {
    authorize(canManageSettings(staffActorOf(ctx)));
    return readSettings(ctx.services.db);
  });

  mountRoute(router, apiRoutes.updateSettings, async (ctx, { body }): Promise<SettingsView> => {
    authorize(canManageSettings(staffActorOf(ctx)));
    return ctx.services.db.transaction((tx) => settingsUpdater({ tx, now: ctx.services.clock.now(), changes: body, origin: originOf(ctx) }));
  });
}
