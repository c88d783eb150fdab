import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { errorMessages } from '@xinyuan/shared'
import { fakeInvitationToken, startFakeXinyuanApi } from '../../../test/fakeXinyuanApi'
import { buildMe } from '../../../test/fixtures'
import { setRouterParams, sharedMessage } from '../../../test/taroH5'
import { guardianText, privacyText } from '../../content/consentTexts'
import { setApiBase } from '../../services/apiBase'
import OnboardingPage from '../../pages/onboarding/index'
import GuardianConsentPage from './index'

type FakeApi = Awaited<ReturnType<typeof startFakeXinyuanApi>>
let api: FakeApi

beforeEach(async () => {
  api = await startFakeXinyuanApi()
  setApiBase(`${api.origin}/api/v1`)
  jest.spyOn(Taro, 'reLaunch').mockResolvedValue({ errMsg: 'reLaunch:ok' })
  // A phone-sized viewport, as the mini-program runs in.
  Object.assign(window, { innerWidth: 375, innerHeight: 667 })
})

afterEach(async () => {
  await api.close()
  setApiBase(null)
  setRouterParams({})
  jest.restoreAllMocks()
})

const tap = async (text: string | RegExp) => fireEvent.click(await screen.findByText(text))

describe('guardian consent by invitation', () => {
  it("the child sends an invitation and moves on by itself once the guardian confirms", async () => {
    api.user.me = { ...buildMe(), role: 'student', ageBand: '10_13', consents: [
      { kind: 'privacy', version: '2026-12-06', givenAt: new Date().toISOString() },
      { kind: 'sensitive', version: '2026-12-06', givenAt: new Date().toISOString() },
    ], missingConsents: ['guardian'], canUseCounselling: false }
    render(<OnboardingPage />)
    await screen.findByText(guardianText.title)
    await tap('发给家长确认')
    // H5: a link to copy, carrying the single-use token; the weapp card would carry the same path.
    await screen.findByText(new RegExp(`packages/guardian/index\\?token=${fakeInvitationToken}`))
    expect(sharedMessage()).toMatchObject({ path: `/packages/guardian/index?token=${fakeInvitationToken}` })
    await screen.findByText('正在等家长确认…')

    // The guardian confirms in their own WeChat (here: straight at the fake server, as their phone would).
    await fetch(`${api.origin}/api/v1/guardian-invitations/${fakeInvitationToken}/confirm`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer token-1' },
      body: JSON.stringify({ guardianRelation: 'mother' }),
    })
    // Not a first run (the profile was filled before), so with the consent in place the flow is done.
    await waitFor(() => expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/index/index' }), { timeout: 8000 })
    expect(api.user.me.consents.find((consent) => consent.kind === 'guardian')).toMatchObject({ method: 'invitation', guardianRelation: 'mother' })
  }, 15000)

  it('the guardian sees plainly what is asked, picks the relation and confirms; a wrong link says so kindly', async () => {
    setRouterParams({ token: fakeInvitationToken })
    render(<GuardianConsentPage />)
    await screen.findByText(/小星星/)
    expect(screen.getByText(guardianText.points[0]!.title)).toBeTruthy()
    // A new account: the privacy notice is on the page, and agreeing records it before the answer.
    expect(await screen.findByText(privacyText.points[0]!.title)).toBeTruthy()
    await tap('我已了解隐私说明，是孩子的监护人，同意')
    await screen.findByText('请先选择您和孩子的关系。')
    await tap('父亲')
    await tap('我已了解隐私说明，是孩子的监护人，同意')
    await screen.findByText(/您已同意孩子/)
    const privacy = api.requests.findIndex((req) => req.method === 'POST' && req.url.endsWith('/me/consents') && (req.body as { kind?: string }).kind === 'privacy')
    const confirm = api.requests.findIndex((req) => req.method === 'POST' && req.url.endsWith('/confirm'))
    expect(privacy).toBeGreaterThanOrEqual(0)
    expect(confirm).toBeGreaterThan(privacy)
    expect(api.requests[confirm]?.body).toEqual({ guardianRelation: 'father' })
  })

  it('a wrong or broken link shows the server’s kind message and a way to retry', async () => {
    setRouterParams({ token: 'A'.repeat(43) })
    render(<GuardianConsentPage />)
    await screen.findByText(errorMessages.GUARDIAN_INVITATION_NOT_FOUND)
  })
})
