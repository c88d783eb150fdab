import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { publicConfig, startFakeXinyuanApi } from '../../../test/fakeXinyuanApi'
import { setApiBase } from '../../services/apiBase'
import HomePage from './index'

type FakeApi = Awaited<ReturnType<typeof startFakeXinyuanApi>>
let api: FakeApi

beforeEach(async () => {
  api = await startFakeXinyuanApi()
  api.user.me = { ...api.user.me, role: 'student', ageBand: '14_17', missingConsents: [], canUseCounselling: true }
  setApiBase(`${api.origin}/api/v1`)
  jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' })
  jest.spyOn(Taro, 'redirectTo').mockResolvedValue({ errMsg: 'redirectTo:ok' })
})

afterEach(async () => {
  await api.close()
  setApiBase(null)
  jest.restoreAllMocks()
})

describe('home page', () => {
  it('shows the county hotline from config and opens a help feature in its subpackage', async () => {
    render(<HomePage />)

    expect(await screen.findByText('0818-7362000')).toBeTruthy()
    expect(screen.getByText('现在有老师值班 · 开放时间：每天 8:00–22:00')).toBeTruthy()
    fireEvent.click(screen.getByText('匿名在线咨询'))

    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/chat/index' })
    expect(Taro.redirectTo).not.toHaveBeenCalled()
  })

  it('with nobody answering the county line, says so without calling it closed, and points to the lines below', async () => {
    const { hotline } = publicConfig
    publicConfig.hotline = { ...hotline, openNow: false }
    try {
      render(<HomePage />)
      expect(await screen.findByText('现在暂时没有老师接听，可以先打下面的电话 · 开放时间：每天 8:00–22:00')).toBeTruthy()
      expect(screen.queryByText(/现在休息中/)).toBeNull()
      expect(screen.getByText('12356')).toBeTruthy()
    } finally {
      publicConfig.hotline = hotline
    }
  })

  it('sends a first-time user to the consent steps', async () => {
    api.user.me = { ...api.user.me, role: null, ageBand: null, missingConsents: ['privacy', 'sensitive'] }
    render(<HomePage />)

    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/pages/onboarding/index' }))
  })

  it('reminds an under-14 kindly that a guardian still has to agree, for the hotline queue too, and that dialling needs no waiting', async () => {
    api.user.me = { ...api.user.me, ageBand: '10_13', missingConsents: ['guardian'], canUseCounselling: false }
    render(<HomePage />)

    expect(await screen.findByText(/在线咨询、给学校写信和热线排队回电，需要爸爸妈妈或其他监护人同意/)).toBeTruthy()
    expect(screen.getByText(/打电话不用等：下面的本县热线和 12356，现在就可以直接拨打。/)).toBeTruthy()
    expect(screen.queryByText(/电话求助不受影响/)).toBeNull()
    fireEvent.click(screen.getByText('还差一步：监护人同意'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/onboarding/index' })
  })

  it('still shows every way to get help when the server cannot be reached, with a retry', async () => {
    const origin = api.origin
    setApiBase('http://127.0.0.1:9/api/v1')
    jest.spyOn(console, 'error').mockImplementation(() => undefined) // jsdom logs the refused connection
    render(<HomePage />)

    expect(await screen.findByText('点这里重试')).toBeTruthy()
    for (const text of ['热线排队 / 回拨', '匿名在线咨询', '给学校信箱写信', '12356', '12355', '12320', '110', '120']) {
      expect(screen.getAllByText(text).length).toBeGreaterThan(0)
    }
    setApiBase(`${origin}/api/v1`)
    fireEvent.click(await screen.findByText('点这里重试'))

    expect(await screen.findByText('你好，晴天的小树')).toBeTruthy()
    expect(await screen.findByText('0818-7362000')).toBeTruthy()
  })
})
