import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { currentConsentVersions } from '@xinyuan/shared'
import { startFakeXinyuanApi } from '../../../test/fakeXinyuanApi'
import { setApiBase } from '../../services/apiBase'
import { demoDeviceId } from '../../services/loginCode'
import { tokenStore } from '../../services/storage'
import MePage from './index'

type FakeApi = Awaited<ReturnType<typeof startFakeXinyuanApi>>
let api: FakeApi

beforeEach(async () => {
  api = await startFakeXinyuanApi()
  api.user.me = {
    ...api.user.me,
    role: 'student',
    ageBand: '14_17',
    missingConsents: [],
    canUseCounselling: true,
    consents: [
      { kind: 'privacy', version: currentConsentVersions.privacy, givenAt: '2026-09-01T08:05:00.000Z' },
      { kind: 'sensitive', version: currentConsentVersions.sensitive, givenAt: '2026-09-01T08:06:00.000Z' },
    ],
  }
  setApiBase(`${api.origin}/api/v1`)
  jest.spyOn(Taro, 'reLaunch').mockResolvedValue({ errMsg: 'reLaunch:ok' })
})

afterEach(async () => {
  await api.close()
  setApiBase(null)
  jest.restoreAllMocks()
})

const tap = async (text: string) => fireEvent.click(await screen.findByText(text))

describe('我的 page', () => {
  it('shows the alias, the profile and each consent with its version', async () => {
    render(<MePage />)

    expect(await screen.findByText('晴天的小树')).toBeTruthy()
    expect(screen.getByText('学生 · 14–17 岁 · 学校未选择')).toBeTruthy()
    expect(screen.getByText('隐私政策')).toBeTruthy()
    expect(screen.getByText('敏感个人信息处理')).toBeTruthy()
    expect(screen.getAllByText(`版本 ${currentConsentVersions.privacy}`)).toHaveLength(2)
  })

  it('says truthfully that chats are included, shows the readable Chinese export first, and copies either version', async () => {
    const copy = jest.spyOn(Taro, 'setClipboardData').mockResolvedValue({ errMsg: 'setClipboardData:ok', data: '' })
    render(<MePage />)

    expect(await screen.findByText(/聊天记录（你和老师双方说的每一句话）/)).toBeTruthy()
    expect(document.body.textContent).not.toMatch(/不包括.*聊天|以后还会包括/)
    await tap('导出我的数据')
    await waitFor(() => expect(document.body.textContent).toContain('【聊天记录（在线咨询）】'))
    expect(document.body.textContent).toContain('2026-12-06 19:30  我：最近考试压力好大')
    expect(document.body.textContent).toContain('老师：我在，慢慢说')
    expect(document.body.textContent).not.toContain('"exportedAt"')
    await tap('复制全部内容')
    await waitFor(() => expect(copy).toHaveBeenCalledTimes(1))
    expect(copy.mock.calls[0]?.[0].data).toContain('昵称：晴天的小树')

    await tap('完整数据（供技术人员查看）')
    await waitFor(() => expect(document.body.textContent).toContain('"exportedAt"'))
    expect(document.body.textContent).toContain('"alias": "晴天的小树"')
    await tap('复制全部内容')
    await waitFor(() => expect(copy).toHaveBeenCalledTimes(2))
    const json = JSON.parse(copy.mock.calls[1]?.[0].data ?? '{}')
    expect(json).toMatchObject({ me: { alias: '晴天的小树' } })
    expect(json).not.toHaveProperty('readable')
  })

  it('says kindly when the export fails and lets the user try again', async () => {
    render(<MePage />)
    await screen.findByText('晴天的小树')
    api.user.exportFails = true
    await tap('导出我的数据')
    expect(await screen.findByText('服务暂时有点忙，请稍后再试。')).toBeTruthy()
    expect(document.body.textContent).not.toContain('【账号与资料】')
    api.user.exportFails = false
    await tap('再试一次')
    await waitFor(() => expect(document.body.textContent).toContain('【账号与资料】'))
    expect(document.body.textContent).not.toContain('服务暂时有点忙')
  })

  it('deletes the account only after a gentle confirmation, and forgets this device', async () => {
    render(<MePage />)
    await screen.findByText('晴天的小树')
    const deviceId = demoDeviceId()

    await tap('注销账号')
    expect(await screen.findByText('确定要注销吗？')).toBeTruthy()
    // It says what happens to chats and call records, not only to the profile.
    expect(await screen.findByText(/正在进行的聊天会结束.*以前的聊天和来电记录会作为服务档案保存.*没有人能认出是你/)).toBeTruthy()
    await tap('我再想想')
    expect(api.user.deleted).toBe(false)

    await tap('注销账号')
    await tap('确认注销并删除数据')

    expect(await screen.findByText('你的账号已经注销')).toBeTruthy()
    expect(api.user.deleted).toBe(true)
    expect(tokenStore.get()).toBeNull()
    expect(demoDeviceId()).not.toBe(deviceId)
    await tap('回到首页')
    expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/index/index' })
  })
})
