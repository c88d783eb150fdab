import { apiRoutes, type AlertView } from "@xinyuan/shared";
import { mountRoute, type AppRouter } from "../../../http/mountRoute";
import { NotFoundError } from "../../../http/errors";
import { idOf } from "../../../http/routeParams";
import { staffActorOf } from "../../../auth/staffActorOf";
import { originOf, recordAudit } from "../../../audit/recordAudit";
import { listAlerts, findAlert, presentAlertRows } from "../../../alerts/alertViews";
import { canSeeAlert } from "../../../alerts/alertPolicy";
import { isOnDuty } from "../../../alerts/alertRecipients";
import { alertAcknowledger } from "../../../alerts/alertAcknowledger";
import { alertResolver } from "../../../alerts/alertResolver";

/** The alert inbox: list (open first), one alert, acknowledge (one winner), mark handled. */
export function mountAlertRoutes(router: AppRouter): void {
  mountRoute(router, apiRoutes.listAlerts, async (ctx, { query }): Promise<AlertView[]> => {
    const actor = staffActorOf(ctx);
    const { db, cipher, clock } = ctx.services;
    return listAlerts({ db, cipher, actor, onDuty: await isOnDuty(db, actor.id, clock.now()), query });
  });

  mountRoute(router, apiRoutes.getAlert, async (ctx, { params }): Promise<AlertView> => {
    const actor = staffActorOf(ctx);
    const { db, cipher, clock } = ctx.services;
    const row = await findAlert(db, idOf(params));
    if (!row || !canSeeAlert(actor, row, await isOnDuty(db, actor.id, clock.now()))) throw NotFoundError("ALERT_NOT_FOUND");
    await recordAudit(db, originOf(ctx), { action: "alert.read", targetType: "risk_alert", targetId: row.id });
    return (await presentAlertRows(db, cipher, [row]))[0]!;
  });

  mountRoute(router, apiRoutes.acknowledgeAlert, async (ctx, { params }): Promise<AlertView> =>
    alertAcknowledger({ services: ctx.services, actor: staffActorOf(ctx), alertId: idOf(params), origin: originOf(ctx) }),
  );

  mountRoute(router, apiRoutes.handleAlert, async (ctx, { params, body }): Promise<AlertView> =>
    alertResolver({ services: ctx.services, actor: staffActorOf(ctx), alertId: idOf(params), input: body, origin: originOf(ctx) }),
  );
}
