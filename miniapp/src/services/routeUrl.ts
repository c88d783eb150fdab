import { fillRoutePath, routeQueryString, type RouteContract } from '@xinyuan/shared'
import type { HttpMethod } from './transport'

export type { QueryValue } from '@xinyuan/shared'

/** `/staff/:id` + { id } -> `/staff/3f…`; every value is URL-encoded (built as in shared/src/api/routeUrl.ts). */
export function routePath(route: RouteContract, params: Record<string, string> = {}): string {
  return fillRoutePath(route.path, params)
}

/** `?a=1&b=x`, leaving out empty values. */
export const queryString = routeQueryString

export function routeMethod(route: RouteContract): HttpMethod {
  return route.method.toUpperCase() as HttpMethod
}
