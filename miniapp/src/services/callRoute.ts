import type { BodyOf, QueryOf, RouteContract } from '@xinyuan/shared'
import { request } from './request'
import { routeMethod, routePath } from './routeUrl'

export interface RouteInput<C extends RouteContract> {
  params?: Record<string, string>
  body?: BodyOf<C>
  query?: QueryOf<C>
}

export interface CallOptions {
  /** Toast the server's message on failure (default true). */
  toast?: boolean
}

/**
 * Calls one shared route contract: method and path come from shared/src/api, the body and query are
 * typed by its schemas, and public routes go without a token.
 */
export function callRoute<T, C extends RouteContract = RouteContract>(route: C, input: RouteInput<C> = {}, options: CallOptions = {}): Promise<T> {
  return request<T>({
    method: routeMethod(route),
    path: routePath(route, input.params),
    query: input.query ?? undefined,
    body: input.body,
    auth: route.audience !== 'public',
    toast: options.toast,
  })
}
