import { apiRoutes, type DutyView, type TransferTargetView } from "@xinyuan/shared";
import { mountRoute, type AppRouter } from "../../../http/mountRoute";
import { ForbiddenError } from "../../../http/errors";
import { hasRole } from "../../../auth/actor";
import { originOf, recordAudit } from "../../../audit/recordAudit";
import { personalRoom } from "../../../realtime/socketServer";
import { readDuty, writeDuty } from "../../../presence/dutyState";
import { transferTargets } from "../../../presence/transferTargets";

/** Counsellors and supervisors go on and off duty; availability also needs a live admin connection. */
export function mountDutyRoutes(router: AppRouter): void {
  mountRoute(router, apiRoutes.getDuty, async (ctx): Promise<DutyView> => {
    const actor = ctx.state.actor;
    if (!hasRole(actor, "counsellor", "supervisor")) throw ForbiddenError();
    return readDuty(ctx.services.db, actor.id, ctx.services.clock.now());
  });

  mountRoute(router, apiRoutes.setDuty, async (ctx, { body }): Promise<DutyView> => {
    const actor = ctx.state.actor;
    if (!hasRole(actor, "counsellor", "supervisor")) throw ForbiddenError();
    const { db, clock, realtime } = ctx.services;
    await db.transaction(async (tx) => {
      await writeDuty(tx, actor.id, body, clock.now());
      await recordAudit(tx, originOf(ctx), { action: body.onDuty ? "duty.on" : "duty.off", targetType: "staff", targetId: actor.id, detail: { channels: body.channels } });
    });
    const view = await readDuty(db, actor.id, clock.now());
    realtime.emit(personalRoom(actor), "duty:changed", view);
    return view;
  });

  mountRoute(router, apiRoutes.transferTargets, async (ctx, { query }): Promise<TransferTargetView[]> => {
    const actor = ctx.state.actor;
    if (!hasRole(actor, "counsellor", "supervisor")) throw ForbiddenError();
    return transferTargets(ctx.services.db, query.channel, actor.id, ctx.services.clock.now());
  });
}
