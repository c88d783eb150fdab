/**
 * @jest-environment jsdom
 *
 * Loads the real WeChat build (miniapp/dist/weapp) in miniprogram-simulate: Tencent's wcc compiles
 * Taro's base.wxml, Taro's runtime and React run the page, and taps go through Taro's event handler.
 */
import type { RootComponent } from 'miniprogram-simulate'
import { fakeApiState, installFakeWx, readyMe, type PrivacyResolve } from './fakeWx'
import { eventually, renderPage } from './weappHost'

const { calls, privacyListeners, storage } = installFakeWx()
const callsTo = (api: string) => calls.filter((call) => call.api === api)

async function openHome(): Promise<RootComponent> {
  const page = renderPage('pages/index/index')
  await eventually(() => expect(page.dom.textContent).toContain('0818-7362000'))
  return page
}

function tap(page: RootComponent, selector: string): void {
  const node = page.querySelector(selector)
  if (!node) throw new Error(`no ${selector} on the page`)
  node.dispatchEvent('tap')
}

describe('compiled weapp home page (miniprogram-simulate)', () => {
  let home: RootComponent

  beforeAll(async () => {
    home = await openHome()
  })

  beforeEach(() => {
    calls.length = 0
  })

  it('shows the help entries, the county hotline from config, national lines and 110/120', () => {
    const text = home.dom.textContent ?? ''
    for (const expected of ['你好，安静的月亮', '热线排队 / 回拨', '匿名在线咨询', '给学校信箱写信', '渠县心理援助热线', '每天 8:00–22:00', '12356', '12355', '12320', '110', '120']) {
      expect(text).toContain(expected)
    }
  })

  it('tapping "热线排队 / 回拨" runs the Taro handler, which opens the hotline subpackage', async () => {
    tap(home, '.home-entry--hotline')
    await eventually(() => expect(callsTo('navigateTo').map((call) => call.options.url)).toEqual(['/packages/hotline/index']))
  })

  it('opens chat and letters in their own subpackages', async () => {
    tap(home, '.home-entry--chat')
    tap(home, '.home-entry--letters')
    await eventually(() => expect(callsTo('navigateTo').map((call) => call.options.url)).toEqual(['/packages/chat/index', '/packages/letters/index']))
  })

  it('dials the county hotline and 110 with makePhoneCall', async () => {
    tap(home, '.home-county')
    tap(home, '.xy-emergency__line')
    await eventually(() => expect(callsTo('makePhoneCall').map((call) => call.options.phoneNumber)).toEqual(['0818-7362000', '110']))
  })
})

describe('compiled weapp start-up', () => {
  beforeEach(() => {
    calls.length = 0
  })

  afterEach(() => {
    fakeApiState.me = readyMe
  })

  it('answers WeChat privacy authorization with its own sheet and open-type agree button', async () => {
    expect(privacyListeners).toHaveLength(1)
    const page = await openHome()
    const answers: Array<Parameters<PrivacyResolve>[0]> = []

    privacyListeners[0]?.((option) => answers.push(option), { referrer: 'setClipboardData' })
    await eventually(() => expect(page.dom.textContent).toContain('需要你的同意'))
    const agree = page.querySelector('#xinyuan-privacy-agree')
    expect(agree).not.toBeNull()
    agree?.dispatchEvent('agreeprivacyauthorization')

    await eventually(() => expect(answers).toEqual([{ event: 'exposureAuthorization' }, { event: 'agree', buttonId: 'xinyuan-privacy-agree' }]))
    await eventually(() => expect(page.dom.textContent).not.toContain('需要你的同意'))
  })

  it('logs in with the wx.login code and sends the session token', async () => {
    storage.clear()
    renderPage('pages/index/index')
    await eventually(() => expect(callsTo('request').some((call) => call.options.url?.endsWith('/api/v1/me'))).toBe(true))
    const requests = callsTo('request')
    const login = requests.find((call) => call.options.url?.endsWith('/api/v1/auth/wechat/login'))
    const me = requests.find((call) => call.options.url?.endsWith('/api/v1/me'))
    expect(login?.options.url).toBe('http://127.0.0.1:3000/api/v1/auth/wechat/login')
    expect(JSON.parse(String(login?.options.data))).toEqual({ code: 'wx-login-code-1' })
    expect(me?.options.header?.Authorization).toBe('Bearer weapp-token')
  })

  it('sends a first-time user to the consent steps', async () => {
    fakeApiState.me = { ...readyMe, role: null, ageBand: null, consents: [], missingConsents: ['privacy', 'sensitive'], canUseCounselling: false }
    renderPage('pages/index/index')
    await eventually(() => expect(callsTo('redirectTo').map((call) => call.options.url)).toEqual(['/pages/onboarding/index']))
  })
})
