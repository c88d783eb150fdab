import { apiRoutes, type AuditEventView, type Page, type QueryOf, type StaffView } from "@xinyuan/shared";
import { call } from "../../request";

export type AuditQuery = NonNullable<QueryOf<typeof apiRoutes.listAuditEvents>>;

/** The table shows load errors itself, with a retry. */
export function listAuditEvents(query: AuditQuery): Promise<Page<AuditEventView>> {
  return call(apiRoutes.listAuditEvents, { query, policy: "silent" });
}

/**
 * Staff matching a name, for the actor filter. Silent: a supervisor may read the log without being
 * allowed to list staff; the picker then says so and the table's actor links still filter.
 */
export function searchActors(q: string): Promise<StaffView[]> {
  return call<typeof apiRoutes.listStaff, Page<StaffView>>(apiRoutes.listStaff, { query: { page: 1, pageSize: 20, q: q || undefined }, policy: "silent" }).then(
    (page) => page.items,
  );
}
