import { apiRoutes, type AreaView, type BodyOf, type Page, type QueryOf, type SchoolView } from "@xinyuan/shared";
import { call } from "../../request";

export type AreaListQuery = NonNullable<QueryOf<typeof apiRoutes.listAreas>>;
export type SchoolListQuery = NonNullable<QueryOf<typeof apiRoutes.listSchools>>;
export type AreaInput = BodyOf<typeof apiRoutes.createArea>;
export type SchoolInput = BodyOf<typeof apiRoutes.createSchool>;

/** Tables show load errors themselves; forms show save errors themselves. */
export function listAreas(query: AreaListQuery): Promise<Page<AreaView>> {
  return call(apiRoutes.listAreas, { query, policy: "silent" });
}

export function createArea(body: AreaInput): Promise<AreaView> {
  return call(apiRoutes.createArea, { body, policy: "silent" });
}

export function updateArea(id: string, body: Partial<AreaInput>): Promise<AreaView> {
  return call(apiRoutes.updateArea, { params: { id }, body, policy: "silent" });
}

export function listSchools(query: SchoolListQuery): Promise<Page<SchoolView>> {
  return call(apiRoutes.listSchools, { query, policy: "silent" });
}

export function createSchool(body: SchoolInput): Promise<SchoolView> {
  return call(apiRoutes.createSchool, { body, policy: "silent" });
}

export function updateSchool(id: string, body: Partial<SchoolInput>): Promise<SchoolView> {
  return call(apiRoutes.updateSchool, { params: { id }, body, policy: "silent" });
}

/** All areas for pickers (a county has a handful). */
export function listAreaOptions(): Promise<AreaView[]> {
  return call<typeof apiRoutes.listAreas, Page<AreaView>>(apiRoutes.listAreas, { query: { page: 1, pageSize: 100 }, policy: "message" }).then((page) => page.items);
}

/** An area's schools, for choosing its centre school. */
export function listSchoolsOfArea(areaId: string): Promise<SchoolView[]> {
  return call<typeof apiRoutes.listSchools, Page<SchoolView>>(apiRoutes.listSchools, { query: { page: 1, pageSize: 100, areaId }, policy: "message" }).then((page) => page.items);
}
