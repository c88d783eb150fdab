/**
 * The same flows in the real WeChat runtime, driven by miniprogram-automator. It needs WeChat DevTools
 * (Windows/macOS): set WECHAT_DEVTOOLS_CLI to its CLI, e.g.
 *   /Applications/wechatwebdevtools.app/Contents/MacOS/cli   or   C:\Program Files (x86)\Tencent\微信web开发者工具\cli.bat
 * and build first (npm run build:weapp -w miniapp). wx.request is answered inside the mini-program by a
 * small fake of the XinYuan API, so no server is needed. Without the CLI the suite reports as skipped.
 */
import { existsSync } from 'node:fs'
import path from 'node:path'
import automator from 'miniprogram-automator'
import { weappDist } from './weappDist'

type MiniProgram = Awaited<ReturnType<typeof automator.launch>>
type Page = NonNullable<Awaited<ReturnType<MiniProgram['currentPage']>>>
type Element = NonNullable<Awaited<ReturnType<Page['$']>>>

const cliPath = process.env.WECHAT_DEVTOOLS_CLI
const describeWithDevTools = cliPath ? describe : describe.skip
const suiteName = cliPath
  ? 'weapp in WeChat DevTools (miniprogram-automator)'
  : 'weapp in WeChat DevTools (miniprogram-automator): skipped, needs WeChat DevTools (WECHAT_DEVTOOLS_CLI unset)'

/**
 * Runs inside the mini-program in place of wx.request (so it may use nothing from this file): the
 * user-facing XinYuan API in memory, kept on getApp() between calls.
 */
function fakeXinyuanRequest(options: { url: string; method?: string; data?: unknown }) {
  type Consent = { kind: string; version: string; givenAt: string; guardianRelation?: string }
  type State = { role: string | null; ageBand: string | null; consents: Consent[] }
  const app = getApp() as { __xinyuanFake?: State }
  const state: State = app.__xinyuanFake ?? (app.__xinyuanFake = { role: null, ageBand: null, consents: [] })
  const path = options.url.replace(/^https?:\/\/[^/]+/, '').split('?')[0]
  const body = (typeof options.data === 'string' && options.data ? JSON.parse(options.data) : options.data ?? {}) as Record<string, string>
  const me = () => {
    const given = state.consents.map((consent) => consent.kind)
    const required = ['privacy', 'sensitive'].concat(state.ageBand === 'under_10' || state.ageBand === '10_13' ? ['guardian'] : [])
    const missing = required.filter((kind) => given.indexOf(kind) < 0)
    return { id: 'u1', alias: '安静的月亮', role: state.role, ageBand: state.ageBand, school: null, consents: state.consents, canUseCounselling: missing.length === 0, missingConsents: missing, createdAt: '2026-09-01T08:00:00.000Z' }
  }
  const ok = (data: unknown) => ({ statusCode: 200, data, header: {}, errMsg: 'request:ok' })
  if (path === '/api/v1/auth/wechat/login') return ok({ token: 'devtools-token', expiresAt: '2026-09-08T08:00:00.000Z', me: me() })
  if (path === '/api/v1/public/config') {
    return ok({
      countyName: '渠县',
      hotline: { number: '0818-7362000', hoursText: '每天 8:00–22:00' },
      fallbackHelplines: [{ number: '12356', name: '全国心理援助热线', note: '24 小时' }],
      emergencyLines: [{ number: '110', name: '报警电话', note: '' }, { number: '120', name: '急救电话', note: '' }],
      consentVersions: { privacy: '2026-09-01', sensitive: '2026-09-01', guardian: '2026-09-01' },
      demo: true,
    })
  }
  if (path === '/api/v1/public/schools') return ok([])
  if (path === '/api/v1/me') return ok(me())
  if (path === '/api/v1/me/profile') {
    if (body.role) state.role = body.role
    if (body.ageBand) state.ageBand = body.ageBand
    return ok(me())
  }
  if (path === '/api/v1/me/consents') {
    state.consents.push({ kind: body.kind ?? '', version: body.version ?? '', givenAt: '2026-09-01T08:00:00.000Z', guardianRelation: body.guardianRelation })
    return ok(me())
  }
  return { statusCode: 404, data: { error: { code: 'ROUTE_NOT_FOUND', message: '没有这个接口。' } }, header: {}, errMsg: 'request:ok' }
}

declare function getApp(): unknown

async function waitForElement(page: Page, selector: string, index = 0): Promise<Element> {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const found = (await page.$$(selector)) as Element[]
    const element = found[index]
    if (element) return element
    await page.waitFor(200)
  }
  throw new Error(`${selector}[${index}] never appeared on ${page.path}`)
}

async function waitForPage(miniProgram: MiniProgram, route: string): Promise<Page> {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const page = await miniProgram.currentPage()
    if (page?.path === route) return page
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  throw new Error(`never reached ${route}`)
}

/** The folder DevTools opens: the repo root, whose project.config.json points at the weapp build. */
const projectPath = path.resolve(weappDist, '../../..')

describe('weapp project for WeChat DevTools', () => {
  it('has the project.config.json and build the automator opens', () => {
    expect(existsSync(path.join(projectPath, 'project.config.json'))).toBe(true)
    expect(existsSync(path.join(weappDist, 'app.json'))).toBe(true)
  })
})

describeWithDevTools(suiteName, () => {
  let miniProgram: MiniProgram

  beforeAll(async () => {
    miniProgram = await automator.launch({ cliPath, projectPath, trustProject: true })
    await miniProgram.mockWxMethod('request', fakeXinyuanRequest)
  }, 120_000)

  afterAll(async () => {
    await miniProgram?.close()
  })

  it('walks an under-14 student through consent, with a guardian, to the home page', async () => {
    await miniProgram.callWxMethod('clearStorageSync')
    await miniProgram.reLaunch('/pages/index/index')
    const onboarding = await waitForPage(miniProgram, 'pages/onboarding/index')

    await (await waitForElement(onboarding, '.onb-step--privacy #xinyuan-privacy-agree')).tap()
    await (await waitForElement(onboarding, '.onb-step--sensitive .xy-button--primary')).tap() // 我同意
    await (await waitForElement(onboarding, '.onb-step--role .xy-choice', 0)).tap() // 我是学生
    await (await waitForElement(onboarding, '.onb-step--role .xy-button--primary')).tap()
    await (await waitForElement(onboarding, '.onb-step--age .xy-choice', 1)).tap() // 10–13 岁
    await (await waitForElement(onboarding, '.onb-step--age .xy-button--primary')).tap()
    await (await waitForElement(onboarding, '.onb-step--guardian .xy-choice', 1)).tap() // 母亲
    const nameInput = (await waitForElement(onboarding, '.onb-step--guardian .onb-input')) as Element & { input(value: string): Promise<void> }
    await nameInput.input('李梅')
    await (await waitForElement(onboarding, '.onb-step--guardian .onb-check')).tap()
    await (await waitForElement(onboarding, '.onb-step--guardian .xy-button--primary')).tap() // 监护人同意
    await (await waitForElement(onboarding, '.onb-step--school .xy-button--secondary')).tap() // 先跳过

    const home = await waitForPage(miniProgram, 'pages/index/index')
    expect(await (await waitForElement(home, '.home-header__hello')).text()).toContain('安静的月亮')
  }, 120_000)

  it('opens the hotline page from its help entry', async () => {
    const home = await miniProgram.reLaunch('/pages/index/index')
    if (!home) throw new Error('home did not open')
    await (await waitForElement(home, '.home-entry--hotline')).tap()

    const hotline = await waitForPage(miniProgram, 'packages/hotline/index')
    // Status and join form, or the error state with its retry when no server answers: never the old placeholder.
    expect(await waitForElement(hotline, '.xy-page')).toBeTruthy()
    expect(await hotline.$('.xy-soon__badge')).toBeNull()
  }, 60_000)
})
