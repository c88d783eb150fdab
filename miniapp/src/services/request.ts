import Taro from '@tarojs/taro'
import { apiBase } from './apiBase'
import { ApiError, apiErrorFrom, NetworkError } from './apiError'
import { queryString } from './routeUrl'
import { currentToken, forgetSession, signIn } from './session'
import { send, type HttpMethod } from './transport'

export interface RequestOptions {
  method: HttpMethod
  /** Relative to the API base, e.g. `/me/profile`. */
  path: string
  query?: object
  body?: unknown
  /** Send the user's session token (logging in first if needed). Public routes pass false. */
  auth?: boolean
  /** Toast the server's message when the request fails. Pages that show the error themselves pass false. */
  toast?: boolean
}

/** Codes that mean "finish the first-run steps first": the app explains them on the onboarding page. */
export const consentErrorCodes: ReadonlySet<string> = new Set([
  'CONSENT_REQUIRED',
  'GUARDIAN_CONSENT_REQUIRED',
  'CONSENT_VERSION_OUTDATED',
  'AGE_BAND_REQUIRED',
])

/** Taro event fired with the ApiError when the server says a consent step is missing. */
export const consentRequiredEvent = 'xinyuan:consent-required'

/**
 * The one way the app calls the API: base URL, session token, one silent re-login on 401, the server's
 * Chinese message as a toast, and a NetworkError (shown by PageContainer with a retry) when offline.
 */
export async function request<T>(options: RequestOptions): Promise<T> {
  try {
    return await exchange<T>(options)
  } catch (error) {
    reportFailure(error, options.toast ?? true)
    throw error
  }
}

async function exchange<T>({ method, path, query, body, auth = true }: RequestOptions): Promise<T> {
  const url = apiBase() + path + queryString(query)
  const token = auth ? await currentToken() : null
  let response = await send({ method, url, body, token })
  if (response.status === 401 && auth) {
    forgetSession()
    const session = await signIn()
    response = await send({ method, url, body, token: session.token })
  }
  if (response.status < 200 || response.status >= 300) throw apiErrorFrom(response.status, response.data)
  return (response.status === 204 ? undefined : response.data) as T
}

function reportFailure(error: unknown, toast: boolean): void {
  if (error instanceof ApiError && consentErrorCodes.has(error.code)) {
    Taro.eventCenter.trigger(consentRequiredEvent, error)
    return
  }
  if (!toast || error instanceof NetworkError) return
  const message = error instanceof ApiError ? error.message : '服务暂时出了点问题，请稍后再试。'
  void Taro.showToast({ title: message, icon: 'none', duration: 3000 })
}
