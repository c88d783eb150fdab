import type { RouteContract } from '@xinyuan/shared'
import type { HttpMethod } from './transport'

export type QueryValue = string | number | boolean | null | undefined

/** `/staff/:id` + { id } -> `/staff/3f…`; every value is URL-encoded. */
export function routePath(route: RouteContract, params: Record<string, string> = {}): string {
  return route.path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = params[name]
    if (value === undefined) throw new Error(`缺少路径参数 ${name}`)
    return encodeURIComponent(value)
  })
}

export function queryString(query: object | undefined): string {
  if (!query) return ''
  const parts: string[] = []
  for (const [key, value] of Object.entries(query) as Array<[string, QueryValue]>) {
    if (value === undefined || value === null || value === '') continue
    parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`)
  }
  return parts.length ? `?${parts.join('&')}` : ''
}

export function routeMethod(route: RouteContract): HttpMethod {
  return route.method.toUpperCase() as HttpMethod
}
