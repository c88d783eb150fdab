import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import {
  emergencyLines,
  errorMessages,
  fallbackHelplines,
  type CallbackWindowOption,
  type CallerTicketView,
  type HotlineStatusView,
  type JoinHotlineBody,
  type MeView,
} from '@xinyuan/shared'
import { buildMe, buildSession } from '../../../test/fixtures'
import { fakeSocket } from '../../../test/fakeSocket'
import { errorReply, type RecordedRequest, type Reply } from '../../../test/httpTestServer'
import { pageTestServer } from '../../../test/pageTestServer'
import { pullDownRefresh } from '../../../test/taroH5'
import { setApiBase } from '../../services/apiBase'
import HotlinePage from './index'

jest.mock('../../services/socket', () => jest.requireActual('../../../test/fakeSocket').fakeSocketModule)

// Labels as the server words them in county time, none of which the phone ever made up itself.
const tonight: CallbackWindowOption = { start: '2026-09-01T10:50:00.000Z', end: '2026-09-01T13:00:00.000Z', label: '今天 18:50–21:00' }
const tomorrowMorning: CallbackWindowOption = { start: '2026-09-02T00:00:00.000Z', end: '2026-09-02T02:00:00.000Z', label: '明天 08:00–10:00' }
const tomorrowEvening: CallbackWindowOption = { start: '2026-09-02T11:00:00.000Z', end: '2026-09-02T13:00:00.000Z', label: '明天 19:00–21:00' }
const bookingHeading = '也可以预约一个时间，热线开放后老师给你回电'

const openStatus: HotlineStatusView = {
  open: true,
  openReason: 'roster',
  nextOpenAt: null,
  hoursText: '每天 8:00–22:00',
  hotlineNumber: '0818-7362000',
  waiting: 3,
  counsellorsOnDuty: 2,
  estimateMinutes: 12,
  full: false,
  longWait: false,
  fallbackHelplines,
  emergencyLines,
  callbackWindows: [tonight, tomorrowMorning],
}

/** Closed for the night; someone is rostered tomorrow morning, so a call-back can be booked for then. */
const closedStatus: HotlineStatusView = {
  ...openStatus,
  open: false,
  openReason: null,
  nextOpenAt: '2026-09-02T00:00:00.000Z',
  waiting: 0,
  estimateMinutes: null,
  callbackWindows: [tomorrowMorning],
}

/** The fixtures' present: tickets are joined at this time. */
const fixtureNow = '2026-09-01T10:50:00.000Z'

function ticket(overrides: Partial<CallerTicketView> = {}): CallerTicketView {
  return {
    id: '7d1f0c2a-3b4c-4d5e-8f90-a1b2c3d4e5f6',
    number: 17,
    kind: 'callback',
    status: 'waiting',
    position: 4,
    estimateMinutes: 12,
    scheduledFor: null,
    window: { start: '2026-09-01T11:00:00.000Z', end: '2026-09-01T12:00:00.000Z' },
    hotlineNumber: '0818-7362000',
    attempts: 0,
    feelingUnsafe: false,
    notifyTemplates: [],
    joinedAt: fixtureNow,
    closedAt: null,
    nobodyOnDuty: false,
    ...overrides,
  }
}

interface FakeHotline {
  status: HotlineStatusView
  current: CallerTicketView | null
  me: MeView
  /** What happens to the next join while the page is open (the queue fills or closes, or the join already went through). */
  onJoin?: () => Reply
}

const student = buildMe({ role: 'student', ageBand: '14_17', consents: [], missingConsents: [], canUseCounselling: true })

let state: FakeHotline

function answer(req: RecordedRequest): Reply {
  const path = req.url.replace('/api/v1', '')
  if (path === '/auth/wechat/login') return { status: 200, body: buildSession('token-1') }
  if (path === '/hotline/status') return { status: 200, body: state.status }
  if (path === '/hotline/tickets/current') return { status: 200, body: { ticket: state.current } }
  if (path === '/me') return { status: 200, body: state.me }
  if (path === '/hotline/tickets' && req.method === 'POST' && state.onJoin) return state.onJoin()
  if (path === '/hotline/tickets' && req.method === 'POST') return join(req.body as JoinHotlineBody)
  if (path.endsWith('/cancel')) {
    state.current = ticket({ status: 'cancelled', position: null, closedAt: '2026-09-01T10:55:00.000Z' })
    return { status: 200, body: state.current }
  }
  return errorReply(404, 'NOT_FOUND', errorMessages.NOT_FOUND)
}

/** Like the server: a call-back needs one of the windows on offer (open or not); calling in needs the line open. */
function join(body: JoinHotlineBody): Reply {
  const window = body.kind === 'callback' ? body.window : undefined
  const offered = state.status.callbackWindows.some((option) => option.start === window?.start && option.end === window?.end)
  if (window && !offered) return errorReply(409, 'HOTLINE_WINDOW_NOT_STAFFED', errorMessages.HOTLINE_WINDOW_NOT_STAFFED)
  if (!window && !state.status.open) return errorReply(409, 'HOTLINE_CLOSED', errorMessages.HOTLINE_CLOSED)
  // like presentHotlineTicket: a window that has not begun yet is "scheduled for" its start, outside the live queue
  const later = window !== undefined && Date.parse(window.start) > Date.parse(fixtureNow)
  state.current = ticket({ kind: body.kind, window: window ?? null, position: later || !state.status.open ? null : 4, scheduledFor: later ? window.start : null })
  return { status: 201, body: state.current }
}

function joinRequests(): RecordedRequest[] {
  return server.current.requests.filter((req) => req.method === 'POST' && req.url === '/api/v1/hotline/tickets')
}

async function phoneInput(): Promise<HTMLInputElement> {
  return waitFor(() => {
    const found = document.querySelector<HTMLInputElement>('input[placeholder^="手机号或带区号的座机"]')
    if (!found) throw new Error('no phone input yet')
    return found
  })
}

function submitButton(): Element {
  const button = screen.getByText('提交，等老师回电').closest('.xy-button')
  if (!button) throw new Error('no submit button')
  return button
}

const server = pageTestServer(answer, () => {
  state = { status: openStatus, current: null, me: student }
})

describe('hotline page', () => {
  it('when closed with no call-back time to book, says so kindly and offers 12356, 12355, chat, a letter and 110/120 instead of a form', async () => {
    state.status = { ...closedStatus, callbackWindows: [] }
    render(<HotlinePage />)

    expect(await screen.findByText('热线现在在休息')).toBeTruthy()
    for (const text of ['12356', '12355', '110', '120', '在线文字聊天', '给学校心理老师写信']) expect(screen.getAllByText(text).length).toBeGreaterThan(0)
    expect(screen.queryByText('你想怎么和老师通话？')).toBeNull()
    expect(screen.queryByText(bookingHeading)).toBeNull()
    expect(document.querySelector('input[placeholder^="手机号或带区号的座机"]')).toBeNull()
    fireEvent.click(screen.getByText('在线文字聊天'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/chat/index' })
  })

  it('takes a landline with its area code as typed, and says kindly when a number is incomplete', async () => {
    render(<HotlinePage />)
    fireEvent.click(await screen.findByText('请老师给我回电'))
    const input = await phoneInput()
    expect(input.type).toBe('text')
    fireEvent.click(screen.getByText('今天 18:50–21:00'))
    fireEvent.input(input, { target: { value: '1380013' } })
    fireEvent.blur(input)
    expect(await screen.findByText(/这个号码好像不完整/)).toBeTruthy()
    expect(submitButton().classList.contains('xy-button--disabled')).toBe(true)
    fireEvent.input(input, { target: { value: '(0818) 736 2000' } })
    await waitFor(() => expect(submitButton().classList.contains('xy-button--disabled')).toBe(false))
    expect(screen.queryByText(/这个号码好像不完整/)).toBeNull()
    fireEvent.click(screen.getByText('提交，等老师回电'))
    await waitFor(() => expect(joinRequests()).toHaveLength(1))
    expect(joinRequests()[0]?.body).toMatchObject({ kind: 'callback', phone: '0818-7362000' })
  })

  it('shows the waiting count and the server estimate, joins as "call me back" in a window the server offers and follows the live position', async () => {
    render(<HotlinePage />)

    expect(await screen.findByText('现在有 3 位同学在排队，现在加入大约要等 12 分钟。')).toBeTruthy()
    fireEvent.click(screen.getByText('请老师给我回电'))
    fireEvent.input(await phoneInput(), { target: { value: '13800138000' } })
    expect(screen.getByText('今天 18:50–21:00')).toBeTruthy()
    expect(screen.getByText('明天 08:00–10:00')).toBeTruthy()
    for (const invented of ['接下来 1 小时内', '1 到 2 小时后', '今天晚上 19:00–21:00', '明天下午 16:00–18:00', '明天晚上 19:00–21:00']) expect(screen.queryByText(invented)).toBeNull()
    expect(submitButton().classList.contains('xy-button--disabled')).toBe(true)
    fireEvent.click(screen.getByText('今天 18:50–21:00'))
    expect(submitButton().classList.contains('xy-button--disabled')).toBe(false)
    fireEvent.click(screen.getByText('提交，等老师回电'))

    expect(await screen.findByText(/一位老师将在 .* 之间，用 0818-7362000 这个号码给你回电。/)).toBeTruthy()
    const [join] = joinRequests()
    expect(join?.body).toMatchObject({ kind: 'callback', phone: '13800138000', feelingUnsafe: false })
    expect((join?.body as JoinHotlineBody).window).toEqual({ start: tonight.start, end: tonight.end })
    expect(join?.body).not.toHaveProperty('notify')
    expect(screen.getByText('你前面还有 3 位同学。')).toBeTruthy()

    fakeSocket.push('hotline:ticket', ticket({ position: 1, estimateMinutes: 2 }))
    // not "下一位就是你了": a caller who feels unsafe would still be put ahead
    expect(await screen.findByText('你现在排在第一位。')).toBeTruthy()
    expect(screen.queryByText(/下一位/)).toBeNull()
    expect(screen.getByText('预计还要等大约 2 分钟')).toBeTruthy()
  })

  it('open on the roster but nobody on duty: never says 现在开放 or 下一位; an unsafe caller sees 12356 / 110 / 120 first', async () => {
    state.status = { ...openStatus, counsellorsOnDuty: 0, estimateMinutes: null }
    render(<HotlinePage />)
    expect(await screen.findByText('值班老师暂时不在线')).toBeTruthy()
    // said once, in the badge: the line under it says what that means for queueing
    expect(screen.getAllByText(/值班老师暂时不在线/)).toHaveLength(1)
    expect(screen.getByText('现在排队，不能保证很快接通。')).toBeTruthy()
    expect(screen.queryByText('现在开放')).toBeNull()
    fireEvent.click(screen.getByText('我自己拨打热线'))
    fireEvent.click(document.querySelector('.hotline-form__unsafe taro-switch-core, .hotline-form__unsafe input, .hotline-form__unsafe .weui-switch') ?? screen.getByText('我现在觉得自己不太安全（会优先安排）'))
    state.current = ticket({ kind: 'inbound', window: null, position: null, estimateMinutes: null, nobodyOnDuty: true, feelingUnsafe: true })
    fakeSocket.push('hotline:ticket', state.current)
    const help = await screen.findAllByTestId('nobody-on-duty-help')
    const text = help[0]!.textContent ?? ''
    expect(text.indexOf('12356')).toBeGreaterThanOrEqual(0)
    expect(text).toContain('110')
    expect(text).toContain('120')
    expect(screen.queryByText('你现在排在第一位。')).toBeNull()
    expect(screen.queryByText(/预计还要等/)).toBeNull()
  })

  it('nobody on duty: a call-back in a window that has begun is kept, without a promised call or "到了你选的时间段", and the page opens at its top', async () => {
    state.status = { ...openStatus, counsellorsOnDuty: 0, estimateMinutes: null }
    const scrolls = jest.spyOn(Taro, 'pageScrollTo').mockResolvedValue({ errMsg: 'pageScrollTo:ok' } as never)
    render(<HotlinePage />)
    fireEvent.click(await screen.findByText('请老师给我回电'))
    fireEvent.input(await phoneInput(), { target: { value: '13800138000' } })
    fireEvent.click(screen.getByText('今天 18:50–21:00'))
    state.onJoin = () => {
      state.current = ticket({ window: { start: tonight.start, end: tonight.end }, position: null, estimateMinutes: null, nobodyOnDuty: true })
      return { status: 201, body: state.current }
    }
    const before = scrolls.mock.calls.length
    fireEvent.click(screen.getByText('提交，等老师回电'))

    expect(await screen.findByText('你的排队号已经留好了。老师一上线，会先联系排在前面的同学。')).toBeTruthy()
    expect(screen.getByText(/^你选的回电时间是 .*。老师上线后，会用 0818-7362000 这个号码给你回电。$/)).toBeTruthy()
    expect(screen.queryByText(/一位老师将在/)).toBeNull()
    expect(screen.queryByText('到了你选的时间段，你就会排进队伍。')).toBeNull()
    expect(scrolls.mock.calls.length).toBeGreaterThan(before)
    expect(scrolls).toHaveBeenLastCalledWith({ scrollTop: 0, duration: 0 })
  })

  it('refetches the ticket on resync (reconnect or back in the foreground) and can cancel at any time', async () => {
    state.current = ticket({ kind: 'inbound', window: null })
    render(<HotlinePage />)
    expect(await screen.findByText('17')).toBeTruthy()
    expect(screen.getByText('拨打 0818-7362000，接通后告诉老师你的排队号 17')).toBeTruthy()

    state.current = ticket({ kind: 'inbound', window: null, status: 'claimed', position: null })
    fakeSocket.resync()
    expect(await screen.findByText('老师已经接起了，请保持电话畅通。')).toBeTruthy()

    fireEvent.click(screen.getByText('取消排队'))
    fireEvent.click(screen.getByText('确定取消'))
    expect(await screen.findByText('你已经取消了排队')).toBeTruthy()
    fireEvent.click(screen.getByText('重新排队'))
    expect(await screen.findByText('你想怎么和老师通话？')).toBeTruthy()
  })

  it('while the connection is down for a while, says it is reconnecting and that the place is kept; not for a short blip', async () => {
    state.current = ticket({ kind: 'inbound', window: null })
    render(<HotlinePage />)
    expect(await screen.findByText('17')).toBeTruthy()
    act(() => fakeSocket.setConnected(false))
    act(() => fakeSocket.setConnected(true))
    act(() => fakeSocket.setConnected(false))
    expect(screen.queryByText('网络不太稳定，正在重新连接…')).toBeNull()
    expect(await screen.findByText('网络不太稳定，正在重新连接…', {}, { timeout: 5000 })).toBeTruthy()
    expect(screen.getByText('你的排队位置会一直保留，连上后会自动更新。')).toBeTruthy()
    act(() => fakeSocket.setConnected(true))
    expect(screen.queryByText('网络不太稳定，正在重新连接…')).toBeNull()
  })

  it('after a missed call-back: a kind message that it is not their fault, and other ways to reach us', async () => {
    state.current = ticket({ status: 'missed', position: null, attempts: 3, closedAt: '2026-09-01T12:00:00.000Z' })
    render(<HotlinePage />)

    expect(await screen.findByText('这次没能联系上你')).toBeTruthy()
    expect(screen.getByText(/这不是你的错/)).toBeTruthy()
    for (const text of ['12356', '在线文字聊天', '110']) expect(screen.getAllByText(text).length).toBeGreaterThan(0)
  })

  it('a long wait keeps the form but offers other help first; a full queue offers only other help', async () => {
    state.status = { ...openStatus, full: true }
    render(<HotlinePage />)
    expect(await screen.findByText('现在排队的人有点多')).toBeTruthy()
    expect(screen.queryByText('你想怎么和老师通话？')).toBeNull()
    expect(screen.getAllByText('12355').length).toBeGreaterThan(0)
  })

  it('after a call-back nobody managed to make in the chosen time: says sorry, says it is not their fault, and does not claim calls were tried', async () => {
    state.current = ticket({ status: 'missed', position: null, attempts: 0, closedAt: '2026-09-01T12:00:00.000Z' })
    render(<HotlinePage />)

    expect(await screen.findByText('抱歉，这次没能按时给你回电')).toBeTruthy()
    expect(screen.getByText(/我们没能安排老师给你打电话。这是我们的问题，不是你的错。/)).toBeTruthy()
    expect(screen.queryByText(/给你打了电话/)).toBeNull()
    for (const text of ['重新排队', '12356', '在线文字聊天', '110']) expect(screen.getAllByText(text).length).toBeGreaterThan(0)
  })

  it('after an "I will call" number expired: says so, and that they can queue again', async () => {
    state.current = ticket({ kind: 'inbound', window: null, status: 'missed', position: null, attempts: 0, closedAt: '2026-09-01T12:00:00.000Z' })
    render(<HotlinePage />)

    expect(await screen.findByText('这个排队号已经过期了')).toBeTruthy()
    expect(screen.getByText(/排队号 17 过了有效时间，已经自动失效了。.*重新排队就能领一个新号/)).toBeTruthy()
    expect(screen.queryByText(/给你打了电话/)).toBeNull()
    fireEvent.click(screen.getByText('重新排队'))
    expect(await screen.findByText('你想怎么和老师通话？')).toBeTruthy()
  })

  it('when the queue fills up while the form is open: shows the full notice and the other ways instead of the form', async () => {
    render(<HotlinePage />)
    fireEvent.click(await screen.findByText('我自己拨打热线'))
    state.onJoin = () => {
      state.status = { ...openStatus, full: true }
      return errorReply(409, 'HOTLINE_FULL', errorMessages.HOTLINE_FULL)
    }
    fireEvent.click(screen.getByText('领取排队号'))

    expect(await screen.findByText('现在排队的人有点多')).toBeTruthy()
    expect(screen.queryByText('你想怎么和老师通话？')).toBeNull()
    for (const text of ['12356', '12355', '在线文字聊天', '给学校心理老师写信']) expect(screen.getAllByText(text).length).toBeGreaterThan(0)
  })

  it('when the line closes while the form is open: shows the closed notice, booking for later and the other ways instead of the form', async () => {
    render(<HotlinePage />)
    fireEvent.click(await screen.findByText('我自己拨打热线'))
    state.status = closedStatus
    fireEvent.click(screen.getByText('领取排队号'))

    expect(await screen.findByText('热线现在在休息')).toBeTruthy()
    expect(screen.queryByText('你想怎么和老师通话？')).toBeNull()
    expect(screen.queryByText('我自己拨打热线')).toBeNull()
    expect(screen.getByText(bookingHeading)).toBeTruthy()
    for (const text of ['12356', '12355', '在线文字聊天', '给学校心理老师写信']) expect(screen.getAllByText(text).length).toBeGreaterThan(0)
  })

  it('when closed with call-back times ahead: books one for after it opens (call-back only, no wait estimate) and shows it is booked', async () => {
    // an estimate is about joining now; even if one came along, a booking for tomorrow must not quote it
    state.status = { ...closedStatus, estimateMinutes: 12 }
    render(<HotlinePage />)

    expect(await screen.findByText('热线现在在休息')).toBeTruthy()
    expect(screen.getByText(bookingHeading)).toBeTruthy()
    expect(screen.queryByText('我自己拨打热线')).toBeNull()
    expect(screen.queryByText('你想怎么和老师通话？')).toBeNull()
    expect(screen.queryByText(/分钟能轮到你/)).toBeNull()
    expect(screen.getAllByText('在线文字聊天').length).toBeGreaterThan(0)
    expect(screen.getByText('明天 08:00–10:00')).toBeTruthy()
    expect(screen.queryByText('今天 18:50–21:00')).toBeNull()

    fireEvent.input(await phoneInput(), { target: { value: '13800138000' } })
    fireEvent.click(screen.getByText('明天 08:00–10:00'))
    fireEvent.click(screen.getByText('提交，等老师回电'))

    expect(await screen.findByText('到了你选的时间段，你就会排进队伍。')).toBeTruthy()
    const [join] = joinRequests()
    expect(join?.body).toMatchObject({ kind: 'callback', phone: '13800138000' })
    expect((join?.body as JoinHotlineBody).window).toEqual({ start: tomorrowMorning.start, end: tomorrowMorning.end })
  })

  it('when closed with call-back times ahead, an under-14 still waiting for a guardian sees the guardian step, not the booking form', async () => {
    state.status = closedStatus
    state.me = { ...student, ageBand: '10_13', missingConsents: ['guardian'], canUseCounselling: false }
    render(<HotlinePage />)

    expect(await screen.findByText('排队回电前，还差监护人同意')).toBeTruthy()
    expect(screen.queryByText(bookingHeading)).toBeNull()
    expect(document.querySelector('input[placeholder^="手机号或带区号的座机"]')).toBeNull()
  })

  it('open but no call-back time to book: says so kindly, points to calling in and the other ways, and cannot submit a call-back', async () => {
    state.status = { ...openStatus, callbackWindows: [] }
    render(<HotlinePage />)
    fireEvent.click(await screen.findByText('请老师给我回电'))

    expect(await screen.findByText(/接下来几天暂时约不到老师回电的时间，真的很抱歉。你可以选“我自己拨打热线”/)).toBeTruthy()
    expect(document.querySelector('input[placeholder^="手机号或带区号的座机"]')).toBeNull()
    expect(submitButton().classList.contains('xy-button--disabled')).toBe(true)
    for (const text of ['12356', '在线文字聊天', '给学校心理老师写信']) expect(screen.getAllByText(text).length).toBeGreaterThan(0)
  })

  it('when the chosen time is no longer staffed: says so, reloads the times on offer, forgets the choice and joins in a new one', async () => {
    render(<HotlinePage />)
    fireEvent.click(await screen.findByText('请老师给我回电'))
    fireEvent.input(await phoneInput(), { target: { value: '13800138000' } })
    fireEvent.click(screen.getByText('今天 18:50–21:00'))
    // tonight's counsellor called in sick; tomorrow evening was added
    state.status = { ...openStatus, callbackWindows: [tomorrowMorning, tomorrowEvening] }
    fireEvent.click(screen.getByText('提交，等老师回电'))

    expect(await screen.findByText(errorMessages.HOTLINE_WINDOW_NOT_STAFFED)).toBeTruthy()
    expect(await screen.findByText('明天 19:00–21:00')).toBeTruthy()
    expect(screen.queryByText('今天 18:50–21:00')).toBeNull()
    expect(submitButton().classList.contains('xy-button--disabled')).toBe(true)
    expect(joinRequests()).toHaveLength(1)
    // the choice was cleared, not just hidden: tonight coming back on a later reload is not picked for them
    state.status = { ...openStatus, callbackWindows: [tonight, tomorrowMorning, tomorrowEvening] }
    act(() => fakeSocket.resync())
    expect(await screen.findByText('今天 18:50–21:00')).toBeTruthy()
    expect(submitButton().classList.contains('xy-button--disabled')).toBe(true)

    fireEvent.click(screen.getByText('明天 19:00–21:00'))
    fireEvent.click(screen.getByText('提交，等老师回电'))
    expect(await screen.findByText(/一位老师将在 .* 之间，用 0818-7362000 这个号码给你回电。/)).toBeTruthy()
    const retried = joinRequests()
    expect(retried).toHaveLength(2)
    expect((retried[1]?.body as JoinHotlineBody).window).toEqual({ start: tomorrowEvening.start, end: tomorrowEvening.end })
  })

  it('when the server already has their ticket (a retry after a lost answer): shows that ticket, which they can cancel', async () => {
    render(<HotlinePage />)
    fireEvent.click(await screen.findByText('我自己拨打热线'))
    state.current = ticket({ kind: 'inbound', window: null })
    state.onJoin = () => errorReply(409, 'HOTLINE_ALREADY_WAITING', errorMessages.HOTLINE_ALREADY_WAITING)
    fireEvent.click(screen.getByText('领取排队号'))

    expect(await screen.findByText('拨打 0818-7362000，接通后告诉老师你的排队号 17')).toBeTruthy()
    expect(screen.getByText('取消排队')).toBeTruthy()
    expect(screen.queryByText('你想怎么和老师通话？')).toBeNull()
  })

  it('reloads the hotline status on resync too, not only the ticket', async () => {
    render(<HotlinePage />)
    expect(await screen.findByText('你想怎么和老师通话？')).toBeTruthy()

    state.status = { ...openStatus, full: true }
    act(() => fakeSocket.resync())

    expect(await screen.findByText('现在排队的人有点多')).toBeTruthy()
    expect(screen.queryByText('你想怎么和老师通话？')).toBeNull()
  })

  it('pull-down refresh is on for this page and reloads status and ticket', async () => {
    Object.assign(globalThis, { definePageConfig: (config: unknown) => config })
    const { default: config } = (await import('./index.config')) as { default: { enablePullDownRefresh?: boolean } }
    expect(config.enablePullDownRefresh).toBe(true)

    const stop = jest.spyOn(Taro, 'stopPullDownRefresh').mockImplementation(() => Promise.resolve({ errMsg: 'stopPullDownRefresh:ok' }))
    render(<HotlinePage />)
    expect(await screen.findByText('你想怎么和老师通话？')).toBeTruthy()

    state.current = ticket({ kind: 'inbound', window: null })
    await act(() => pullDownRefresh())

    expect(await screen.findByText('拨打 0818-7362000，接通后告诉老师你的排队号 17')).toBeTruthy()
    expect(stop).toHaveBeenCalled()
  })

  it('an under-14 still waiting for a guardian: no form to lose, the hotline and 12356 to dial now, and a kind way to the guardian step', async () => {
    state.me = { ...student, ageBand: '10_13', missingConsents: ['guardian'], canUseCounselling: false }
    jest.spyOn(Taro, 'makePhoneCall').mockResolvedValue({ errMsg: 'makePhoneCall:ok' })
    render(<HotlinePage />)

    expect(await screen.findByText('排队回电前，还差监护人同意')).toBeTruthy()
    expect(screen.queryByText('你想怎么和老师通话？')).toBeNull()
    fireEvent.click(screen.getByText('12356'))
    expect(Taro.makePhoneCall).toHaveBeenCalledWith({ phoneNumber: '12356' })
    fireEvent.click(screen.getAllByText('0818-7362000')[0]!)
    expect(Taro.makePhoneCall).toHaveBeenCalledWith({ phoneNumber: '0818-7362000' })
    fireEvent.click(screen.getByText('请监护人看一看'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/onboarding/index' })
  })

  it('shows an error with a retry (and 12356) when the server cannot be reached', async () => {
    setApiBase('http://127.0.0.1:9/api/v1')
    jest.spyOn(console, 'error').mockImplementation(() => undefined)
    render(<HotlinePage />)
    expect(await screen.findByText('重新试试')).toBeTruthy()
    expect(screen.getByText(/12356/)).toBeTruthy()
    setApiBase(`${server.current.origin}/api/v1`)
    fireEvent.click(screen.getByText('重新试试'))
    await waitFor(() => expect(screen.getByText('你想怎么和老师通话？')).toBeTruthy())
  })
})
