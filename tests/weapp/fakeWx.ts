import { currentConsentVersions, emergencyLines, fallbackHelplines, type MeView, type PublicConfigView, type UserSessionView } from '@xinyuan/shared'
import { weappApi } from './weappHost'

type Callback = (result: Record<string, unknown>) => void
interface WxCallOptions {
  url?: string
  method?: string
  data?: unknown
  header?: Record<string, string>
  success?: Callback
  fail?: Callback
  complete?: Callback
  [key: string]: unknown
}

export const readyMe: MeView = {
  id: '5b0c1f1e-7a4e-4d8e-9b7a-0c2f3d4e5f60',
  alias: '安静的月亮',
  role: 'student',
  ageBand: '14_17',
  school: null,
  consents: [
    { kind: 'privacy', version: currentConsentVersions.privacy, givenAt: '2026-09-01T08:00:00.000Z' },
    { kind: 'sensitive', version: currentConsentVersions.sensitive, givenAt: '2026-09-01T08:00:05.000Z' },
  ],
  canUseCounselling: true,
  missingConsents: [],
  createdAt: '2026-09-01T08:00:00.000Z',
}

export const countyConfig: PublicConfigView = {
  countyName: '渠县',
  hotline: { number: '0818-7362000', hoursText: '每天 8:00–22:00', openNow: true },
  fallbackHelplines,
  emergencyLines,
  consentVersions: currentConsentVersions,
  demo: false,
}

/**
 * What the fake API answers for GET /me and at login (tests switch it to a first-time user), and any
 * further GET answers a test sets by path (e.g. a published article).
 */
export const fakeApiState: { me: MeView; answers: Record<string, unknown> } = { me: readyMe, answers: {} }

export interface WxCall {
  api: string
  options: WxCallOptions
}

/**
 * Replaces miniprogram-simulate's stubbed wx APIs with a small, honest WeChat: storage that keeps
 * values, wx.login codes, wx.request answered like the XinYuan API, and a log of every call the app
 * made (navigation, phone calls, privacy listeners). Install before the app launches: Taro copies the
 * list of wx APIs at start-up.
 */
export interface FakeWx {
  /** Every wx call the app made, in order; tests may empty it. */
  calls: WxCall[]
  /** Listeners the app gave wx.onNeedPrivacyAuthorization (kept apart: they are registered at launch). */
  privacyListeners: PrivacyListener[]
  /** wx storage, e.g. to start again without a session token. */
  storage: Map<string, unknown>
}

export type PrivacyResolve = (option: { event: string; buttonId?: string }) => void
export type PrivacyListener = (resolve: PrivacyResolve, eventInfo: { referrer: string }) => void

export function installFakeWx(): FakeWx {
  const wx = weappApi()
  const calls: WxCall[] = []
  const privacyListeners: PrivacyListener[] = []
  const storage = new Map<string, unknown>()
  const record = (api: string) => (options: WxCallOptions = {}) => {
    calls.push({ api, options })
    setTimeout(() => {
      options.success?.({ errMsg: `${api}:ok` })
      options.complete?.({ errMsg: `${api}:ok` })
    }, 0)
  }

  Object.assign(wx, {
    getStorageSync: (key: string) => storage.get(key) ?? '',
    setStorageSync: (key: string, value: unknown) => void storage.set(key, value),
    removeStorageSync: (key: string) => void storage.delete(key),
    login: (options: WxCallOptions) => setTimeout(() => options.success?.({ errMsg: 'login:ok', code: 'wx-login-code-1' }), 0),
    request: (options: WxCallOptions) => {
      calls.push({ api: 'request', options })
      const { statusCode, data } = answer(options)
      setTimeout(() => {
        options.success?.({ errMsg: 'request:ok', statusCode, data, header: {} })
        options.complete?.({ errMsg: 'request:ok' })
      }, 0)
      return { abort: () => undefined }
    },
    navigateTo: record('navigateTo'),
    redirectTo: record('redirectTo'),
    reLaunch: record('reLaunch'),
    makePhoneCall: record('makePhoneCall'),
    stopPullDownRefresh: record('stopPullDownRefresh'),
    onNeedPrivacyAuthorization: (listener: PrivacyListener) => void privacyListeners.push(listener),
  })
  return { calls, privacyListeners, storage }
}

function answer(options: WxCallOptions): { statusCode: number; data: unknown } {
  const path = new URL(options.url ?? '', 'http://x').pathname
  if (path === '/api/v1/auth/wechat/login') {
    const session: UserSessionView = { token: 'weapp-token', expiresAt: '2026-09-08T08:00:00.000Z', me: fakeApiState.me }
    return { statusCode: 200, data: session }
  }
  if (path === '/api/v1/public/config') return { statusCode: 200, data: countyConfig }
  if (path === '/api/v1/me') return { statusCode: 200, data: fakeApiState.me }
  if (path in fakeApiState.answers) return { statusCode: 200, data: fakeApiState.answers[path] }
  return { statusCode: 404, data: { error: { code: 'ROUTE_NOT_FOUND', message: '没有这个接口。' } } }
}
