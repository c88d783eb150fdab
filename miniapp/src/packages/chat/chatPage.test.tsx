import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { emergencyLines, errorMessages, fallbackHelplines, type MeView, type StartChatResult, type UserChatMessageView, type UserConversationView } from '@xinyuan/shared'
import { buildConversation, conversationId, fakeChatServer } from '../../../test/fakeChatServer'
import { fakeSocket } from '../../../test/fakeSocket'
import { publicConfig } from '../../../test/fakeXinyuanApi'
import { buildMe, buildSession } from '../../../test/fixtures'
import { errorReply, type RecordedRequest, type Reply } from '../../../test/httpTestServer'
import { pageTestServer } from '../../../test/pageTestServer'
import { setApiBase } from '../../services/apiBase'
import { Conversation } from './Conversation'
import ChatPage from './index'
import { Transcript } from './Transcript'

jest.mock('../../services/socket', () => jest.requireActual('../../../test/fakeSocket').fakeSocketModule)

// The server's sentences (server/src/chat/chatStarter.ts), shown as is.
const dangerNotice = '如果你现在有危险，请马上拨打 110 或 120。老师们正在陪伴其他同学，你现在排在第 2 位。请稍等一会儿，我们不会走开。'
const heldNotice = '现在没有老师在线值班。你想说的话已经替你留好了，下一班老师上线后会第一时间回复你。如果现在就很难受，请拨打下面的电话，随时有人接听。'
const helplines = [{ number: '0818-7362000', name: '渠县心理援助热线', note: '每天 8:00–22:00' }, ...fallbackHelplines, ...emergencyLines]

interface FakeChats {
  /** GET /me; null answers 500, and the page should then fall back to the start form. */
  me: MeView | null
  list: UserConversationView[]
  start: StartChatResult | null
  messages: UserChatMessageView[] | null
}

const student = buildMe({ role: 'student', ageBand: '14_17', missingConsents: [], canUseCounselling: true })
const awaitingGuardian = buildMe({ role: 'student', ageBand: '10_13', missingConsents: ['guardian'], canUseCounselling: false })

let state: FakeChats

function answer(req: RecordedRequest): Reply {
  const path = req.url.replace('/api/v1', '').split('?')[0]
  if (path === '/auth/wechat/login') return { status: 200, body: buildSession('token-1') }
  if (path === '/me') return state.me ? { status: 200, body: state.me } : errorReply(500, 'INTERNAL', errorMessages.INTERNAL)
  if (path === '/public/config') return { status: 200, body: publicConfig }
  if (path === '/me/chats' && req.method === 'GET') return { status: 200, body: state.list }
  if (path === '/me/chats' && req.method === 'POST' && state.start) return { status: 201, body: state.start }
  if (path === `/me/chats/${conversationId}/messages` && state.messages) return { status: 200, body: { messages: state.messages, hasMore: false, lastSeq: state.messages.length, status: 'closed', cursors: buildConversation().cursors } }
  return errorReply(404, 'NOT_FOUND', errorMessages.NOT_FOUND)
}

function started(overrides: Partial<StartChatResult>): StartChatResult {
  return { outcome: 'queued', conversation: buildConversation({ status: 'waiting', withCounsellor: false, queuePosition: 2 }), firstMessage: null, notice: '', helplines: [], suggestMailbox: false, ...overrides }
}

const startBox = 'textarea[placeholder="可以先写下想聊的事（也可以不写）"]'

async function startWith(text: string) {
  const box = await waitFor(() => {
    const found = document.querySelector<HTMLTextAreaElement>(startBox)
    if (!found) throw new Error('no start box yet')
    return found
  })
  fireEvent.input(box, { target: { value: text } })
  fireEvent.click(screen.getByText('开始聊天'))
}

const server = pageTestServer(answer, () => {
  state = { me: student, list: [], start: null, messages: null }
})

describe('chat start', () => {
  it('keeps a danger notice from the start on screen, with the numbers to call, and no way to put it away', async () => {
    state.start = started({ notice: dangerNotice, helplines })
    render(<ChatPage />)
    await startWith('我不想活了')

    expect(await screen.findByText(dangerNotice)).toBeTruthy()
    for (const text of ['12356', '110', '120', '0818-7362000']) expect(screen.getAllByText(text).length).toBeGreaterThan(0)
    expect(screen.queryByText('知道了，收起')).toBeNull()
    expect(screen.getByText('正在为你安排老师，前面还有 1 位')).toBeTruthy()
  })

  it('shows a plain start notice above the messages and lets it be put away', async () => {
    state.start = started({ outcome: 'assigned', conversation: buildConversation(), notice: '已为你找到老师，老师马上就来。' })
    render(<ChatPage />)
    await startWith('')

    expect(await screen.findByText('已为你找到老师，老师马上就来。')).toBeTruthy()
    fireEvent.click(screen.getByText('知道了，收起'))
    expect(screen.queryByText('已为你找到老师，老师马上就来。')).toBeNull()
  })

  it('a chat held for the next shift says the next counsellor on duty will reply, and keeps the other ways on screen', async () => {
    state.start = started({ outcome: 'held_for_next_shift', conversation: buildConversation({ status: 'waiting', withCounsellor: false, heldForNextShift: true }), notice: heldNotice, helplines, suggestMailbox: true })
    render(<ChatPage />)
    await startWith('最近睡不着')

    expect(await screen.findByText('现在没有老师值班，下一班老师上线后会回复你')).toBeTruthy()
    expect(screen.getByText(heldNotice)).toBeTruthy()
    expect(screen.queryByText('知道了，收起')).toBeNull()
    for (const text of ['排队请热线老师回电', '给学校心理老师写信', '12356', '0818-7362000', '110']) expect(screen.getAllByText(text).length).toBeGreaterThan(0)
    expect(screen.getAllByText('12356')).toHaveLength(1) // the lines are listed once, not in the notice and again below
    fireEvent.click(screen.getByText('给学校心理老师写信'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/letters/index' })
  })
})

describe('chat start for an under-14', () => {
  it('waiting for a guardian: no start form to type into and lose, the county hotline and 12356 to dial now, and a kind way to the guardian step', async () => {
    state.me = awaitingGuardian
    jest.spyOn(Taro, 'makePhoneCall').mockResolvedValue({ errMsg: 'makePhoneCall:ok' })
    render(<ChatPage />)

    expect(await screen.findByText('在线聊天前，还差监护人同意')).toBeTruthy()
    expect(screen.getByText(/和老师在线聊天需要爸爸妈妈或其他监护人先看一看并同意/)).toBeTruthy()
    expect(document.querySelector(startBox)).toBeNull()
    expect(screen.queryByText('开始聊天')).toBeNull()
    fireEvent.click(screen.getByText('12356'))
    expect(Taro.makePhoneCall).toHaveBeenCalledWith({ phoneNumber: '12356' })
    fireEvent.click(await screen.findByText('0818-7362000'))
    expect(Taro.makePhoneCall).toHaveBeenCalledWith({ phoneNumber: '0818-7362000' })
    fireEvent.click(screen.getByText('请监护人看一看'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/onboarding/index' })
    expect(server.current.requests.some((req) => req.method === 'POST' && req.url.endsWith('/me/chats'))).toBe(false)
  })

  it('whose guardian has agreed gets the start form', async () => {
    state.me = { ...awaitingGuardian, missingConsents: [], canUseCounselling: true }
    render(<ChatPage />)

    expect(await screen.findByText('开始聊天')).toBeTruthy()
    await waitFor(() => expect(document.querySelector(startBox)).toBeTruthy())
    expect(screen.queryByText('在线聊天前，还差监护人同意')).toBeNull()
  })

  it('gets the start form when /me cannot be loaded (the server still decides)', async () => {
    state.me = null
    jest.spyOn(console, 'error').mockImplementation(() => undefined)
    render(<ChatPage />)

    expect(await screen.findByText('开始聊天')).toBeTruthy()
    expect(screen.queryByText('在线聊天前，还差监护人同意')).toBeNull()
  })
})

describe('a held conversation', () => {
  it('stops saying "next shift" once a counsellor has come, and lets the old notice be put away', async () => {
    const chat = fakeChatServer()
    chat.options.online = false // no resume answer: the status comes only from the push below
    const start = { outcome: 'held_for_next_shift' as const, notice: heldNotice, helplines }
    render(<Conversation conversation={buildConversation({ status: 'waiting', withCounsellor: false, heldForNextShift: true })} start={start} onLeave={() => undefined} port={chat.port} />)
    expect(screen.getByText('现在没有老师值班，下一班老师上线后会回复你')).toBeTruthy()

    act(() => chat.push('chat:status', { conversationId, status: 'active', queuePosition: null, withCounsellor: true, counsellorComing: false, heldForNextShift: false, helplines: [], canRate: false }))
    expect(await screen.findByText('老师在这里陪着你')).toBeTruthy()
    expect(screen.queryByText('给学校心理老师写信')).toBeNull()
    fireEvent.click(screen.getByText('知道了，收起'))
    expect(screen.queryByText(heldNotice)).toBeNull()
  })
})

describe('what the student is told as a chat moves on', () => {
  const status = (overrides: Record<string, unknown>) => ({ conversationId, status: 'active', queuePosition: null, withCounsellor: false, counsellorComing: false, heldForNextShift: false, helplines: [], canRate: false, ...overrides })

  it('says a counsellor was found (not that they are here) until they open the chat', async () => {
    const chat = fakeChatServer()
    chat.options.online = false
    render(<Conversation conversation={buildConversation({ withCounsellor: false, counsellorComing: true })} onLeave={() => undefined} port={chat.port} />)
    expect(screen.getByText('已为你找到老师，老师马上就来')).toBeTruthy()
    expect(screen.queryByText('老师在这里陪着你')).toBeNull()
    act(() => chat.push('chat:status', status({ withCounsellor: true })))
    expect(await screen.findByText('老师在这里陪着你')).toBeTruthy()
  })

  it('reads the status again on reconnect, so a counsellor who opened the chat before the socket joined is shown as here', async () => {
    const chat = fakeChatServer()
    render(<Conversation conversation={buildConversation({ withCounsellor: false, counsellorComing: true })} onLeave={() => undefined} port={chat.port} />)
    expect(screen.getByText('已为你找到老师，老师马上就来')).toBeTruthy()
    // the "chat:status" of the opening went out before this socket was in its room: only the read can tell
    chat.options.conversation = buildConversation({ withCounsellor: true, counsellorComing: false })
    act(() => chat.reconnect())
    expect(await screen.findByText('老师在这里陪着你')).toBeTruthy()
    expect(screen.queryByText('已为你找到老师，老师马上就来')).toBeNull()
  })

  it('keeps what it shows when the status cannot be read on reconnect', async () => {
    const chat = fakeChatServer()
    render(<Conversation conversation={buildConversation({ withCounsellor: false, counsellorComing: true })} onLeave={() => undefined} port={chat.port} />)
    act(() => chat.reconnect())
    await waitFor(() => expect(chat.resumes).toBeGreaterThan(1))
    expect(screen.getByText('已为你找到老师，老师马上就来')).toBeTruthy()
  })

  it('tells a waiting student at once when nobody is on duty any more', async () => {
    const chat = fakeChatServer()
    chat.options.online = false
    render(<Conversation conversation={buildConversation({ status: 'waiting', withCounsellor: false, queuePosition: 1 })} onLeave={() => undefined} port={chat.port} />)
    expect(screen.getByText('正在为你安排老师，前面还有 0 位')).toBeTruthy()
    act(() => chat.push('chat:status', status({ status: 'waiting', queuePosition: 1, heldForNextShift: true, helplines })))
    expect(await screen.findByText('现在没有老师值班，下一班老师上线后会回复你')).toBeTruthy()
  })

  it('asks for no rating when the server offers none (after a high-risk chat), and does when it does', async () => {
    const chat = fakeChatServer()
    chat.options.online = false
    const { unmount } = render(<Conversation conversation={buildConversation()} onLeave={() => undefined} port={chat.port} />)
    act(() => chat.push('chat:status', status({ status: 'closed', canRate: false })))
    expect(await screen.findByText('这次聊天已经结束')).toBeTruthy()
    expect(screen.queryByText('这次聊天对你有帮助吗？')).toBeNull()
    expect(screen.getByText(/随时可以再找我们/)).toBeTruthy()
    unmount()
    render(<Conversation conversation={buildConversation()} onLeave={() => undefined} port={chat.port} />)
    act(() => chat.push('chat:status', status({ status: 'closed', canRate: true })))
    expect(await screen.findByText('这次聊天对你有帮助吗？')).toBeTruthy()
  })
})

describe('chat transcript', () => {
  const past = buildConversation({ status: 'closed', withCounsellor: false, closedAt: '2026-09-01T11:00:00.000Z' })

  it('keeps 返回 and quick exit when the conversation left no messages', async () => {
    state.messages = []
    const onBack = jest.fn()
    render(<Transcript conversation={past} onBack={onBack} />)

    expect(await screen.findByText('这次聊天没有留下消息。')).toBeTruthy()
    expect(screen.getByText('快速离开')).toBeTruthy()
    fireEvent.click(screen.getByText('返回'))
    expect(onBack).toHaveBeenCalled()
  })

  it('keeps 返回 and quick exit when the messages cannot be loaded, next to the retry', async () => {
    setApiBase('http://127.0.0.1:9/api/v1')
    jest.spyOn(console, 'error').mockImplementation(() => undefined)
    const onBack = jest.fn()
    render(<Transcript conversation={past} onBack={onBack} />)

    expect(await screen.findByText('重新试试')).toBeTruthy()
    expect(screen.getByText('快速离开')).toBeTruthy()
    fireEvent.click(screen.getByText('返回'))
    expect(onBack).toHaveBeenCalled()
  })
})
