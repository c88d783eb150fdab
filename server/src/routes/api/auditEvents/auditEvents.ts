import { apiRoutes, type AuditEventView, type Page } from "@xinyuan/shared";
import { mountRoute, type AppRouter } from "../../../http/mountRoute";
import { staffActorOf } from "../../../auth/staffActorOf";
import { originOf, recordAudit } from "../../../audit/recordAudit";
import { authorize } from "../../../access/authorize";
import { canSearchAuditEvents } from "../../../audit/auditEventPolicy";
import { presentAuditEvent } from "../../../audit/presentAuditEvent";
import { listAuditEventRecords } from "../../../audit/auditEventViews";

/** Audit log search. The search itself is audited: who looked at what, with which filter. */
export function mountAuditEventRoutes(router: AppRouter): void {
  mountRoute(router, apiRoutes.listAuditEvents, async (ctx, { query }): Promise<Page<AuditEventView>> => {
    const actor = staffActorOf(ctx);
    authorize(canSearchAuditEvents(actor));
    return ctx.services.db.transaction(async (tx) => {
      const { records, total } = await listAuditEventRecords(tx, { ...query, scope: actor.scope });
      await recordAudit(tx, originOf(ctx), { action: "audit.search", detail: { ...query } });
      return { items: records.map(presentAuditEvent), total, page: query.page, pageSize: query.pageSize };
    });
  });
}
