import { foundationRoutes as routes, type PublicConfigView, type PublicSchoolView, type QueryOf } from '@xinyuan/shared'
import { callRoute, type CallOptions } from './callRoute'

/** GET /public/config: the county hotline's number and hours, helplines, consent versions. */
export function getPublicConfig(options?: CallOptions): Promise<PublicConfigView> {
  return callRoute<PublicConfigView>(routes.publicConfig, {}, options)
}

type SchoolList = PublicSchoolView[] | { items: PublicSchoolView[] }

/** GET /public/schools?q=: schools to pick from, searchable by name (a list, or a page of one). */
export async function searchSchools(query: QueryOf<typeof routes.publicSchools>, options?: CallOptions): Promise<PublicSchoolView[]> {
  const list = await callRoute<SchoolList, typeof routes.publicSchools>(routes.publicSchools, { query }, options)
  return Array.isArray(list) ? list : list.items
}
