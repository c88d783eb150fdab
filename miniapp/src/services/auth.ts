import { foundationRoutes, type BodyOf, type UserSessionView } from '@xinyuan/shared'
import { apiBase } from './apiBase'
import { apiErrorFrom } from './apiError'
import { routeMethod, routePath } from './routeUrl'
import { send } from './transport'

const route = foundationRoutes.wechatLogin

/**
 * POST /auth/wechat/login. It talks to the transport directly rather than through request(), because
 * request() answers a 401 by logging in again and a failed login must not loop into itself.
 */
export async function wechatLogin(body: BodyOf<typeof route>): Promise<UserSessionView> {
  const { status, data } = await send({ method: routeMethod(route), url: apiBase() + routePath(route), body })
  if (status < 200 || status >= 300) throw apiErrorFrom(status, data)
  return data as UserSessionView
}
