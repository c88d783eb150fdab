import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { errorMessages } from '@xinyuan/shared'
import { demoSchools, startFakeXinyuanApi } from '../../../test/fakeXinyuanApi'
import { setRouterParams } from '../../../test/taroH5'
import { guardianText, privacyText, sensitiveText } from '../../content/consentTexts'
import { setApiBase } from '../../services/apiBase'
import OnboardingPage from './index'

type FakeApi = Awaited<ReturnType<typeof startFakeXinyuanApi>>
let api: FakeApi

beforeEach(async () => {
  api = await startFakeXinyuanApi()
  setApiBase(`${api.origin}/api/v1`)
  jest.spyOn(Taro, 'reLaunch').mockResolvedValue({ errMsg: 'reLaunch:ok' })
})

afterEach(async () => {
  await api.close()
  setApiBase(null)
  setRouterParams({})
  jest.restoreAllMocks()
})

const tap = async (text: string | RegExp) => fireEvent.click(await screen.findByText(text))

/** Taro's Input renders a native input inside its custom element and re-emits its input events. */
async function typeInto(placeholder: string, value: string) {
  const input = await waitFor(() => {
    const found = document.querySelector<HTMLInputElement>(`input[placeholder="${placeholder}"]`)
    if (!found) throw new Error(`no input "${placeholder}" yet`)
    return found
  })
  fireEvent.input(input, { target: { value } })
}

async function agreeToBothConsents() {
  await screen.findByText(privacyText.title)
  await tap('我已阅读并同意')
  await screen.findByText(sensitiveText.title)
  await tap('我同意')
}

const posted = (path: string) => api.requests.filter((req) => req.method !== 'GET' && req.url === `/api/v1${path}`).map((req) => req.body)

describe('first-run consent flow', () => {
  it('starts every step at its top, so the step counter is never scrolled away', async () => {
    const scrolls = jest.spyOn(Taro, 'pageScrollTo').mockResolvedValue({ errMsg: 'pageScrollTo:ok' } as never)
    render(<OnboardingPage />)
    await screen.findByText(privacyText.title)
    const before = scrolls.mock.calls.length
    await tap('我已阅读并同意')
    await screen.findByText(sensitiveText.title)
    await waitFor(() => expect(scrolls.mock.calls.length).toBeGreaterThan(before))
    expect(scrolls).toHaveBeenLastCalledWith({ scrollTop: 0, duration: 0 })
  })

  it('walks an under-14 student through privacy, sensitive data, age, guardian and school', async () => {
    render(<OnboardingPage />)

    await agreeToBothConsents()
    await screen.findByText('你是？')
    await tap('我是学生')
    await tap('下一步')
    await screen.findByText('你现在多大了？')
    await tap('10–13 岁')
    await tap('下一步')

    await screen.findByText(guardianText.title)
    await tap('母亲')
    await typeInto('监护人姓名', '李梅')
    await tap(/我是孩子的监护人/)
    await tap('监护人同意')

    await screen.findByText('你在哪所学校？')
    await typeInto('输入学校名称中的几个字', '一中')
    await tap('渠县第一中学')

    await waitFor(() => expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/index/index' }))
    expect(posted('/me/consents')).toEqual([
      { kind: 'privacy', version: expect.any(String) },
      { kind: 'sensitive', version: expect.any(String) },
      { kind: 'guardian', version: expect.any(String), guardianRelation: 'mother', guardianName: '李梅' },
    ])
    expect(posted('/me/profile')).toEqual([{ role: 'student' }, { ageBand: '10_13' }, { schoolId: demoSchools[0]?.id }])
    expect(api.user.me).toMatchObject({ missingConsents: [], canUseCounselling: true, school: { name: '渠县第一中学' } })
  })

  it('asks no guardian of a 14–17 year old, and lets the school be skipped', async () => {
    render(<OnboardingPage />)

    await agreeToBothConsents()
    await tap('我是学生')
    await tap('下一步')
    await tap('14–17 岁')
    await tap('下一步')
    await screen.findByText('你在哪所学校？')
    await tap('先跳过')

    await waitFor(() => expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/index/index' }))
    expect(screen.queryByText(guardianText.title)).toBeNull()
    expect(posted('/me/consents').map((body) => (body as { kind: string }).kind)).toEqual(['privacy', 'sensitive'])
  })

  it('sets a parent as an adult without asking their age', async () => {
    render(<OnboardingPage />)

    await agreeToBothConsents()
    await tap('我是家长')
    await tap('下一步')

    await screen.findByText('孩子在哪所学校？')
    expect(posted('/me/profile')).toEqual([{ role: 'parent', ageBand: '18_plus' }])
  })

  it('explains what is missing instead of sending a guardian consent without a name', async () => {
    api.user.me = { ...api.user.me, role: 'student', ageBand: 'under_10', missingConsents: ['guardian'], consents: [] }
    render(<OnboardingPage />)

    await screen.findByText(guardianText.title)
    await tap('父亲')
    await tap('监护人同意')

    expect(await screen.findByText('请监护人填写姓名')).toBeTruthy()
    expect(posted('/me/consents')).toEqual([])
  })

  it('lets a child postpone the guardian step and still reach home', async () => {
    api.user.me = { ...api.user.me, role: 'student', ageBand: '10_13', missingConsents: ['guardian'], school: demoSchools[1] ?? null }
    render(<OnboardingPage />)

    await screen.findByText(guardianText.title)
    await tap('现在不方便，稍后再请家长看')

    await waitFor(() => expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/index/index' }))
    expect(posted('/me/consents')).toEqual([])
  })

  it('meets "not now" on privacy kindly: phone lines that dial, and no consent recorded', async () => {
    render(<OnboardingPage />)

    await screen.findByText(privacyText.title)
    await tap('暂不同意')

    expect(await screen.findByText('没关系，这是你的选择')).toBeTruthy()
    const call = jest.spyOn(Taro, 'makePhoneCall').mockResolvedValue({ errMsg: 'makePhoneCall:ok' })
    fireEvent.click(screen.getAllByText('12356')[0] as HTMLElement)
    fireEvent.click(screen.getByText('报警电话'))
    expect(call.mock.calls.map(([options]) => options.phoneNumber)).toEqual(['12356', '110'])
    await tap('我想再看看说明')
    expect(await screen.findByText(privacyText.title)).toBeTruthy()
    expect(posted('/me/consents')).toEqual([])
  })

  it("says why the server sent the user here, in the server's words", async () => {
    setRouterParams({ reason: 'GUARDIAN_CONSENT_REQUIRED' })
    render(<OnboardingPage />)

    expect(await screen.findByText(errorMessages.GUARDIAN_CONSENT_REQUIRED)).toBeTruthy()
  })

  it('shows a retry when the network is down, and recovers', async () => {
    const origin = api.origin
    setApiBase('http://127.0.0.1:9/api/v1')
    jest.spyOn(console, 'error').mockImplementation(() => undefined) // jsdom logs the refused connection
    render(<OnboardingPage />)

    expect(await screen.findByText('网络开小差了')).toBeTruthy()
    setApiBase(`${origin}/api/v1`)
    await tap('重新试试')

    expect(await screen.findByText(privacyText.title)).toBeTruthy()
  })
})
