import { apiRoutes, type Page, type StaffView } from "@xinyuan/shared";
import { mountRoute, type AppRouter } from "../../../http/mountRoute";
import type { AppContext } from "../../../http/context";
import { staffActorOf } from "../../../auth/staffActorOf";
import { originOf, recordAudit } from "../../../audit/recordAudit";
import { authorize } from "../../../access/authorize";
import { canManageStaff } from "../../../staff/staffPolicy";
import { presentStaff, presentStaffWithTemporaryPassword } from "../../../staff/presentStaff";
import { listStaffRecords, findStaffRecord } from "../../../staff/staffViews";
import { staffCreator } from "../../../staff/staffCreator";
import { staffUpdater } from "../../../staff/staffUpdater";
import { staffPasswordResetter } from "../../../staff/staffPasswordResetter";
import { staffTotpResetter } from "../../../staff/staffTotpResetter";
import { staffStatusChanger } from "../../../staff/staffStatusChanger";
import { uniqueOr } from "../../../db/uniqueViolation";
import { NotFoundError } from "../../../http/errors";
import { idOf } from "../../../http/routeParams";

/** Staff management for centre admins, each within their own scope (see staff/staffPolicy.ts). */
export function mountStaffRoutes(router: AppRouter): void {
  mountRoute(router, apiRoutes.listStaff, async (ctx, { query }): Promise<Page<StaffView>> => {
    const actor = staffActorOf(ctx);
    authorize(canManageStaff(actor, "list"));
    const { records, total } = await listStaffRecords(ctx.services.db, { ...query, scope: actor.scope });
    return { items: records.map(presentStaff), total, page: query.page, pageSize: query.pageSize };
  });

  mountRoute(router, apiRoutes.createStaff, async (ctx, { body }) => {
    const actor = staffActorOf(ctx);
    const now = ctx.services.clock.now();
    const created = await uniqueOr("USERNAME_TAKEN", () =>
      ctx.services.db.transaction((tx) => staffCreator({ tx, now, actor, input: body, origin: originOf(ctx) })),
    );
    ctx.status = 201;
    return presentStaffWithTemporaryPassword(created.record, created.temporaryPassword);
  });

  mountRoute(router, apiRoutes.getStaff, async (ctx, { params }): Promise<StaffView> => {
    const actor = staffActorOf(ctx);
    authorize(canManageStaff(actor, "read"));
    const id = idOf(params);
    return ctx.services.db.transaction(async (tx) => {
      const record = await findStaffRecord(tx, id);
      authorize(record !== undefined && canManageStaff(actor, "read", record.staff), () => NotFoundError("STAFF_NOT_FOUND"));
      await recordAudit(tx, originOf(ctx), { action: "staff.read", targetType: "staff", targetId: id });
      return presentStaff(record!);
    });
  });

  mountRoute(router, apiRoutes.updateStaff, async (ctx, { body, params }): Promise<StaffView> => {
    const actor = staffActorOf(ctx);
    const staffId = idOf(params);
    const record = await ctx.services.db.transaction((tx) => staffUpdater({ tx, now: ctx.services.clock.now(), actor, staffId, changes: body, origin: originOf(ctx) }));
    return presentStaff(record);
  });

  mountRoute(router, apiRoutes.resetStaffPassword, async (ctx, { params }) => {
    const actor = staffActorOf(ctx);
    const staffId = idOf(params);
    const reset = await ctx.services.db.transaction((tx) => staffPasswordResetter({ tx, now: ctx.services.clock.now(), hashIdentity: ctx.services.hashIdentity, actor, staffId, origin: originOf(ctx) }));
    return presentStaffWithTemporaryPassword(reset.record, reset.temporaryPassword);
  });

  mountRoute(router, apiRoutes.resetStaffTotp, async (ctx, { params }): Promise<StaffView> => {
    const actor = staffActorOf(ctx);
    const staffId = idOf(params);
    return presentStaff(await ctx.services.db.transaction((tx) => staffTotpResetter({ tx, now: ctx.services.clock.now(), actor, staffId, origin: originOf(ctx) })));
  });

  mountRoute(router, apiRoutes.disableStaff, (ctx, { params }) => changeStatus(ctx, params, "disabled"));
  mountRoute(router, apiRoutes.enableStaff, (ctx, { params }) => changeStatus(ctx, params, "active"));
}

async function changeStatus(ctx: AppContext, params: Record<string, string>, status: "active" | "disabled"): Promise<StaffView> {
  const actor = staffActorOf(ctx);
  const staffId = idOf(params);
  return presentStaff(await ctx.services.db.transaction((tx) => staffStatusChanger({ tx, now: ctx.services.clock.now(), actor, staffId, status, origin: originOf(ctx) })));
}
