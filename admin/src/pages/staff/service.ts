import { apiRoutes, type AreaView, type CreateStaffBody, type Page, type QueryOf, type SchoolView, type StaffView } from "@xinyuan/shared";
import { call } from "../../request";

export type StaffListQuery = NonNullable<QueryOf<typeof apiRoutes.listStaff>>;
export type StaffUpdate = { displayName?: string; roles?: StaffView["roles"]; scope?: CreateStaffBody["scope"] };

/** The table shows load errors itself, with a retry. */
export function listStaff(query: StaffListQuery): Promise<Page<StaffView>> {
  return call(apiRoutes.listStaff, { query, policy: "silent" });
}

/** The answer carries the new account and its one-time temporary password (see temporaryPasswordOf). */
export function createStaff(body: CreateStaffBody): Promise<unknown> {
  return call(apiRoutes.createStaff, { body, policy: "silent" });
}

export function updateStaff(id: string, body: StaffUpdate): Promise<unknown> {
  return call(apiRoutes.updateStaff, { params: { id }, body, policy: "silent" });
}

export function resetStaffPassword(id: string): Promise<unknown> {
  return call(apiRoutes.resetStaffPassword, { params: { id }, policy: "notification" });
}

export function resetStaffTotp(id: string): Promise<unknown> {
  return call(apiRoutes.resetStaffTotp, { params: { id }, policy: "notification" });
}

export function disableStaff(id: string): Promise<unknown> {
  return call(apiRoutes.disableStaff, { params: { id }, policy: "notification" });
}

export function enableStaff(id: string): Promise<unknown> {
  return call(apiRoutes.enableStaff, { params: { id }, policy: "notification" });
}

/** Areas for the scope picker (a county has a handful, so one page of 100 holds them all). */
export function listAreaOptions(): Promise<Page<AreaView>> {
  return call(apiRoutes.listAreas, { query: { page: 1, pageSize: 100 }, policy: "message" });
}

export function listSchoolOptions(areaId: string | undefined, q: string | undefined): Promise<Page<SchoolView>> {
  return call(apiRoutes.listSchools, { query: { page: 1, pageSize: 100, areaId, q }, policy: "message" });
}
