import Taro from '@tarojs/taro'
import { errorMessages } from '@xinyuan/shared'
import { buildMe, buildSession } from '../../test/fixtures'
import { errorReply, startHttpTestServer, type Handler, type HttpTestServer, type RecordedRequest } from '../../test/httpTestServer'
import { setApiBase } from './apiBase'
import { ApiError, NetworkError } from './apiError'
import { getMe } from './me'
import { searchSchools } from './publicInfo'
import { consentRequiredEvent, request } from './request'
import { tokenStore } from './storage'

let server: HttpTestServer | null = null

async function serve(handler: Handler): Promise<HttpTestServer> {
  server = await startHttpTestServer(handler)
  setApiBase(`${server.origin}/api/v1`)
  return server
}

afterEach(async () => {
  await server?.close()
  server = null
  setApiBase(null)
  jest.restoreAllMocks()
})

const isLogin = (req: RecordedRequest) => req.method === 'POST' && req.url === '/api/v1/auth/wechat/login'

describe('request wrapper', () => {
  it('logs in with the H5 demo code when there is no token, then sends the token', async () => {
    const api = await serve((req) => {
      if (isLogin(req)) return { status: 200, body: buildSession('token-1') }
      return req.headers.authorization === 'Bearer token-1' ? { status: 200, body: buildMe() } : errorReply(401, 'UNAUTHENTICATED', errorMessages.UNAUTHENTICATED)
    })

    const me = await getMe()

    expect(me.alias).toBe('晴天的小树')
    const [login, getMeRequest] = api.requests
    expect(login?.body).toEqual({ code: expect.stringMatching(/^demo:[0-9a-f]{32}$/) })
    expect(getMeRequest?.url).toBe('/api/v1/me')
    expect(getMeRequest?.headers.authorization).toBe('Bearer token-1')
    expect(tokenStore.get()).toBe('token-1')
  })

  it('keeps the same demo device id, so the same browser keeps its account', async () => {
    const api = await serve((req) => (isLogin(req) ? { status: 200, body: buildSession('token-1') } : { status: 200, body: buildMe() }))

    await getMe()
    tokenStore.set(null)
    await getMe()

    const codes = api.requests.filter(isLogin).map((req) => (req.body as { code: string }).code)
    expect(codes).toHaveLength(2)
    expect(codes[0]).toBe(codes[1])
  })

  it('answers a 401 by logging in again once and retrying', async () => {
    tokenStore.set('stale')
    const api = await serve((req) => {
      if (isLogin(req)) return { status: 200, body: buildSession('fresh') }
      return req.headers.authorization === 'Bearer fresh' ? { status: 200, body: buildMe() } : errorReply(401, 'SESSION_EXPIRED', errorMessages.SESSION_EXPIRED)
    })

    await expect(getMe()).resolves.toMatchObject({ alias: '晴天的小树' })

    expect(api.requests.map((req) => `${req.method} ${req.url} ${req.headers.authorization ?? ''}`)).toEqual([
      'GET /api/v1/me Bearer stale',
      'POST /api/v1/auth/wechat/login ',
      'GET /api/v1/me Bearer fresh',
    ])
    expect(tokenStore.get()).toBe('fresh')
  })

  it('gives up after one re-login instead of looping', async () => {
    tokenStore.set('stale')
    const toast = jest.spyOn(Taro, 'showToast')
    const api = await serve((req) => (isLogin(req) ? { status: 200, body: buildSession('fresh') } : errorReply(401, 'SESSION_EXPIRED', errorMessages.SESSION_EXPIRED)))

    await expect(getMe()).rejects.toMatchObject({ name: 'ApiError', status: 401, code: 'SESSION_EXPIRED' })

    expect(api.requests.filter(isLogin)).toHaveLength(1)
    expect(toast).toHaveBeenCalledWith(expect.objectContaining({ title: errorMessages.SESSION_EXPIRED }))
  })

  it("shows the server's Chinese message as a toast and throws a typed ApiError", async () => {
    tokenStore.set('token-1')
    const toast = jest.spyOn(Taro, 'showToast')
    await serve(() => errorReply(429, 'RATE_LIMITED', errorMessages.RATE_LIMITED))

    const failure = await request({ method: 'POST', path: '/me/consents', body: { kind: 'privacy', version: 'v1' } }).catch((error: unknown) => error)

    expect(failure).toBeInstanceOf(ApiError)
    expect(failure).toMatchObject({ status: 429, code: 'RATE_LIMITED', message: errorMessages.RATE_LIMITED })
    expect(toast).toHaveBeenCalledWith(expect.objectContaining({ title: errorMessages.RATE_LIMITED, icon: 'none' }))
  })

  it('stays quiet when the page shows the error itself', async () => {
    tokenStore.set('token-1')
    const toast = jest.spyOn(Taro, 'showToast')
    await serve(() => errorReply(404, 'NOT_FOUND', errorMessages.NOT_FOUND))

    await expect(getMe({ toast: false })).rejects.toMatchObject({ code: 'NOT_FOUND' })
    expect(toast).not.toHaveBeenCalled()
  })

  it('turns a server that cannot be reached into a NetworkError, without a toast', async () => {
    tokenStore.set('token-1')
    const toast = jest.spyOn(Taro, 'showToast')
    jest.spyOn(console, 'error').mockImplementation(() => undefined) // jsdom logs the refused connection
    const api = await serve(() => ({ status: 200, body: buildMe() }))
    await api.close()
    server = null

    const failure = await getMe().catch((error: unknown) => error)

    expect(failure).toBeInstanceOf(NetworkError)
    expect((failure as NetworkError).message).toContain('网络')
    expect(toast).not.toHaveBeenCalled()
  })

  it('announces consent errors to the app instead of toasting them', async () => {
    tokenStore.set('token-1')
    const toast = jest.spyOn(Taro, 'showToast')
    const heard: string[] = []
    Taro.eventCenter.on(consentRequiredEvent, (error: ApiError) => heard.push(error.code))
    await serve(() => errorReply(403, 'GUARDIAN_CONSENT_REQUIRED', errorMessages.GUARDIAN_CONSENT_REQUIRED))

    await expect(getMe()).rejects.toMatchObject({ code: 'GUARDIAN_CONSENT_REQUIRED' })

    expect(heard).toEqual(['GUARDIAN_CONSENT_REQUIRED'])
    expect(toast).not.toHaveBeenCalled()
  })

  it('calls public routes without logging in, with an encoded query', async () => {
    const api = await serve(() => ({ status: 200, body: [{ id: 's1', name: '渠县第一中学', areaName: '渠江片区' }] }))

    const schools = await searchSchools({ q: '渠县 一中' })

    expect(schools.map((school) => school.name)).toEqual(['渠县第一中学'])
    expect(api.requests).toHaveLength(1)
    expect(api.requests[0]?.url).toBe('/api/v1/public/schools?q=%E6%B8%A0%E5%8E%BF%20%E4%B8%80%E4%B8%AD')
    expect(api.requests[0]?.headers.authorization).toBeUndefined()
  })
})
