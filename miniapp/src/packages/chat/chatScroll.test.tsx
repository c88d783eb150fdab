import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import type { UserChatMessageView } from '@xinyuan/shared'
import { buildConversation, conversationId, fakeChatServer } from '../../../test/fakeChatServer'
import { Conversation } from './Conversation'

jest.mock('../../services/socket', () => jest.requireActual('../../../test/fakeSocket').fakeSocketModule)

const fromCounsellor = (seq: number, body: string): UserChatMessageView => ({ conversationId, seq, clientMessageId: `staff-message-${seq}`, from: 'staff', body, createdAt: '2026-09-01T10:00:00.000Z' })

/** The scroll view's own element: Taro's H5 scroll-view reports its scroll position in the event detail. */
function scrollTo(top: number) {
  const view = document.querySelector('.chat-scroll')
  if (!view) throw new Error('no scroll view')
  fireEvent(view, new CustomEvent('scroll', { detail: { scrollTop: top, scrollHeight: 2000, deltaY: 0 } }))
}

describe('the chat page follows new messages', () => {
  it('keeps the input and 需要马上打电话求助？ outside the scrolling messages', async () => {
    const server = fakeChatServer()
    render(<Conversation conversation={buildConversation()} onLeave={() => undefined} port={server.port} />)
    const scroll = await waitFor(() => {
      const found = document.querySelector('.chat-scroll')
      if (!found) throw new Error('no scroll view yet')
      return found
    })
    expect(scroll.contains(screen.getByText('需要马上打电话求助？'))).toBe(false)
    expect(scroll.contains(document.querySelector('textarea'))).toBe(false)
  })

  it('shows a 新消息 pill when a message arrives while the reader has scrolled up, and the pill takes them down', async () => {
    const server = fakeChatServer()
    server.options.echo = false
    render(<Conversation conversation={buildConversation()} onLeave={() => undefined} port={server.port} />)
    await waitFor(() => expect(server.resumes).toBeGreaterThan(0))
    server.stored.push(fromCounsellor(1, '你好，我是值班老师'))
    act(() => server.push('chat:message', server.stored[0]))
    expect(await screen.findByText('你好，我是值班老师')).toBeTruthy()
    expect(screen.queryByText('新消息')).toBeNull() // at the bottom: followed, no pill

    act(() => scrollTo(900))
    act(() => scrollTo(200)) // reading back
    server.stored.push(fromCounsellor(2, '慢慢说，我在'))
    act(() => server.push('chat:message', server.stored[1]))
    expect(await screen.findByText('慢慢说，我在')).toBeTruthy()
    fireEvent.click(screen.getByText('新消息'))
    expect(screen.queryByText('新消息')).toBeNull()
  })
})
