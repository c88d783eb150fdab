import { apiRoutes, type DutyView, type TransferTargetView } from "@xinyuan/shared";
import { mountRoute, type AppRouter } from "../../../http/mountRoute";
import { ForbiddenError } from "../../../http/errors";
import { hasRole } from "../../../auth/actor";
import { staffActorOf } from "../../../auth/staffActorOf";
import { originOf } from "../../../audit/recordAudit";
import { readDuty } from "../../../presence/dutyState";
import { dutySetter } from "../../../duty/dutySetter";
import { transferTargets } from "../../../duty/transferTargets";

/** Counsellors and supervisors go on and off duty; availability also needs a live admin connection. */
export function mountDutyRoutes(router: AppRouter): void {
  mountRoute(router, apiRoutes.getDuty, async (ctx): Promise<DutyView> => {
    const actor = ctx.state.actor;
    if (!hasRole(actor, "counsellor", "supervisor")) throw ForbiddenError();
    return readDuty(ctx.services.db, actor.id, ctx.services.clock.now());
  });

  mountRoute(router, apiRoutes.setDuty, async (ctx, { body }): Promise<DutyView> => dutySetter({ services: ctx.services, actor: staffActorOf(ctx), body, origin: originOf(ctx) }));

  mountRoute(router, apiRoutes.transferTargets, async (ctx, { query }): Promise<TransferTargetView[]> => {
    const actor = ctx.state.actor;
    if (!hasRole(actor, "counsellor", "supervisor")) throw ForbiddenError();
    return transferTargets(ctx.services.db, query.channel, actor.id, ctx.services.clock.now());
  });
}
