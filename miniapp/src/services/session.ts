import type { UserSessionView } from '@xinyuan/shared'
import { wechatLogin } from './auth'
import { getLoginCode } from './loginCode'
import { tokenStore } from './storage'

let inFlight: Promise<UserSessionView> | null = null

/**
 * Logs in (wx.login code, or the H5 demo code) and keeps the token. Calls made while a login is running
 * share it, so a page that fires three requests at once logs in once.
 */
export function signIn(): Promise<UserSessionView> {
  if (!inFlight) {
    inFlight = (async () => {
      const code = await getLoginCode()
      const session = await wechatLogin({ code })
      tokenStore.set(session.token)
      return session
    })().finally(() => {
      inFlight = null
    })
  }
  return inFlight
}

/** The token to send, logging in first when there is none. */
export async function currentToken(): Promise<string> {
  const stored = tokenStore.get()
  if (stored) return stored
  const session = await signIn()
  return session.token
}

/** Drops the token kept on this device (after a 401, or when the account is deleted). */
export function forgetSession(): void {
  tokenStore.set(null)
}
