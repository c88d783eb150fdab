import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { errorMessages, type UserConversationView } from '@xinyuan/shared'
import { buildConversation, conversationId, fakeChatServer } from '../../../test/fakeChatServer'
import { buildSession } from '../../../test/fixtures'
import { errorReply, type RecordedRequest, type Reply } from '../../../test/httpTestServer'
import { pageTestServer } from '../../../test/pageTestServer'
import type { ReminderBuild } from '../../services/chatReplyReminder'
import { Conversation } from './Conversation'
import { reminderArmedText, reminderSkippedText } from './ReplyReminder'

jest.mock('../../services/socket', () => jest.requireActual('../../../test/fakeSocket').fakeSocketModule)

const button = '老师回复时微信提醒我'
const templateId = 'tmpl-chat-reply'
const weapp: ReminderBuild = { platform: 'weapp', templateId }
const reminderPath = `/me/chats/${conversationId}/reminder`
const queued = buildConversation({ status: 'waiting', withCounsellor: false, queuePosition: 2 })
const held = buildConversation({ status: 'waiting', withCounsellor: false, heldForNextShift: true })

/** What POST /me/chats/:id/reminder answers in the next test (the server's rules live in server/src/chat). */
let reminderReply: Reply

function answer(req: RecordedRequest): Reply {
  const path = req.url.replace('/api/v1', '').split('?')[0]
  if (path === '/auth/wechat/login') return { status: 200, body: buildSession('token-1') }
  if (path === reminderPath && req.method === 'POST') return reminderReply
  return errorReply(404, 'NOT_FOUND', errorMessages.NOT_FOUND)
}

const server = pageTestServer(answer, () => {
  reminderReply = { status: 200, body: { ...held, replyReminder: true } }
})

const reminderPosts = () => server.current.requests.filter((req) => req.method === 'POST' && req.url.endsWith(reminderPath))

function subscribeAnswer(result: 'accept' | 'reject'): Taro.requestSubscribeMessage.SuccessCallbackResult {
  return { errMsg: 'requestSubscribeMessage:ok', [templateId]: result } as unknown as Taro.requestSubscribeMessage.SuccessCallbackResult
}

/**
 * A conversation on screen whose resume keeps reporting its status (waiting, as the server would while
 * queued or held). Reminders as a configured WeChat build has them, or null for this test build's own.
 */
function renderWaiting(conversation: UserConversationView, reminderBuild: ReminderBuild | null = weapp) {
  const chat = fakeChatServer()
  chat.options.status = conversation.status
  render(<Conversation conversation={conversation} onLeave={() => undefined} port={chat.port} reminderBuild={reminderBuild ?? undefined} />)
  return chat
}

describe('reply reminder offer', () => {
  it('is offered while a chat is held for the next shift', async () => {
    renderWaiting(held)
    expect(await screen.findByText(button)).toBeTruthy()
  })

  it('is offered in the queue and goes away once a counsellor takes the chat', async () => {
    const chat = renderWaiting(queued)
    expect(await screen.findByText(button)).toBeTruthy()

    act(() => chat.push('chat:status', { conversationId, status: 'active', queuePosition: null, withCounsellor: true, counsellorComing: false, heldForNextShift: false, helplines: [], canRate: false }))
    expect(await screen.findByText('老师在这里陪着你')).toBeTruthy()
    expect(screen.queryByText(button)).toBeNull()
  })

  it('is not offered while a counsellor is already in the chat', async () => {
    renderWaiting(buildConversation())
    expect(await screen.findByText('老师在这里陪着你')).toBeTruthy()
    expect(screen.queryByText(button)).toBeNull()
  })

  it('is not offered where there are no WeChat subscribe messages (this H5 test build)', async () => {
    renderWaiting(held, null)
    expect(await screen.findByText('现在没有老师值班，下一班老师上线后会回复你')).toBeTruthy()
    expect(screen.queryByText(button)).toBeNull()
  })

  it('is not offered for a build without the template id', async () => {
    renderWaiting(held, { platform: 'weapp', templateId: '' })
    expect(await screen.findByText('现在没有老师值班，下一班老师上线后会回复你')).toBeTruthy()
    expect(screen.queryByText(button)).toBeNull()
  })

  it('says a reminder is set instead, when there already is one', async () => {
    renderWaiting({ ...held, replyReminder: true })
    expect(await screen.findByText(reminderArmedText)).toBeTruthy()
    expect(screen.queryByText(button)).toBeNull()
  })
})

describe('asking for a reply reminder', () => {
  it('with the subscription accepted, sends the login code and confirms', async () => {
    const subscribe = jest.spyOn(Taro, 'requestSubscribeMessage').mockResolvedValue(subscribeAnswer('accept'))
    jest.spyOn(Taro, 'login').mockResolvedValue({ code: 'wx-code-1', errMsg: 'login:ok' })
    renderWaiting(held)

    fireEvent.click(await screen.findByText(button))

    expect(await screen.findByText(reminderArmedText)).toBeTruthy()
    expect(subscribe).toHaveBeenCalledWith(expect.objectContaining({ tmplIds: [templateId] }))
    expect(reminderPosts().map((req) => req.body)).toEqual([{ code: 'wx-code-1' }])
    expect(screen.queryByText(button)).toBeNull()
  })

  it('is busy while WeChat asks, and a second tap does not ask twice', async () => {
    let decide: (answer: Taro.requestSubscribeMessage.SuccessCallbackResult) => void = () => undefined
    const subscribe = jest.spyOn(Taro, 'requestSubscribeMessage').mockReturnValue(new Promise((resolve) => (decide = resolve)))
    jest.spyOn(Taro, 'login').mockResolvedValue({ code: 'wx-code-1', errMsg: 'login:ok' })
    renderWaiting(held)

    fireEvent.click(await screen.findByText(button))
    await waitFor(() => expect(screen.getByText(button).closest('taro-button-core')?.hasAttribute('disabled')).toBe(true))
    fireEvent.click(screen.getByText(button))
    expect(subscribe).toHaveBeenCalledTimes(1)

    act(() => decide(subscribeAnswer('accept')))
    expect(await screen.findByText(reminderArmedText)).toBeTruthy()
  })

  it('with the subscription refused, sends nothing and says so gently', async () => {
    jest.spyOn(Taro, 'requestSubscribeMessage').mockResolvedValue(subscribeAnswer('reject'))
    const login = jest.spyOn(Taro, 'login').mockResolvedValue({ code: 'wx-code-1', errMsg: 'login:ok' })
    renderWaiting(held)

    fireEvent.click(await screen.findByText(button))

    expect(await screen.findByText(reminderSkippedText)).toBeTruthy()
    expect(login).not.toHaveBeenCalled()
    expect(reminderPosts()).toHaveLength(0)
    expect(screen.queryByText(reminderArmedText)).toBeNull()
    expect(screen.getByText(button)).toBeTruthy()
  })

  it('shows the server’s words when the reminder cannot be set, and lets the student try again', async () => {
    reminderReply = errorReply(502, 'CHAT_REMINDER_FAILED', errorMessages.CHAT_REMINDER_FAILED)
    jest.spyOn(Taro, 'requestSubscribeMessage').mockResolvedValue(subscribeAnswer('accept'))
    jest.spyOn(Taro, 'login').mockResolvedValue({ code: 'wx-code-1', errMsg: 'login:ok' })
    const toast = jest.spyOn(Taro, 'showToast')
    renderWaiting(queued)

    fireEvent.click(await screen.findByText(button))

    expect(await screen.findByText(errorMessages.CHAT_REMINDER_FAILED)).toBeTruthy()
    expect(reminderPosts()).toHaveLength(1)
    expect(screen.queryByText(reminderArmedText)).toBeNull()
    expect(screen.getByText(button)).toBeTruthy()
    expect(toast).not.toHaveBeenCalled()
  })
})
