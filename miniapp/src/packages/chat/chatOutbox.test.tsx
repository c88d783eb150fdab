import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { buildConversation, fakeChatServer } from '../../../test/fakeChatServer'
import { Conversation } from './Conversation'

jest.mock('../../services/socket', () => jest.requireActual('../../../test/fakeSocket').fakeSocketModule)

const outboxKey = 'xinyuan.chatOutbox'
function storedOutbox(): Array<{ clientMessageId: string }> {
  const raw: unknown = Taro.getStorageSync(outboxKey)
  return typeof raw === 'string' && raw !== '' ? (JSON.parse(raw) as Array<{ clientMessageId: string }>) : []
}

async function write(text: string) {
  const box = await waitFor(() => {
    const found = document.querySelector<HTMLTextAreaElement>('textarea[placeholder="想说什么都可以，慢慢打字"]')
    if (!found) throw new Error('no message box yet')
    return found
  })
  fireEvent.input(box, { target: { value: text } })
  fireEvent.click(screen.getByText('发送'))
}

describe('chat outbox', () => {
  it('keeps an unacknowledged message in storage and resends it, with the same id, after an app restart', async () => {
    const offline = fakeChatServer()
    offline.options.online = false
    const first = render(<Conversation conversation={buildConversation()} onLeave={() => undefined} port={offline.port} />)

    await write('我最近睡不着')
    expect(await screen.findByText('发送中…连上网络后会自动发出')).toBeTruthy()
    await waitFor(() => expect(storedOutbox()).toHaveLength(1))
    const { clientMessageId } = storedOutbox()[0]!
    first.unmount()

    const server = fakeChatServer()
    render(<Conversation conversation={buildConversation()} onLeave={() => undefined} port={server.port} />)

    await waitFor(() => expect(server.sends).toEqual([clientMessageId]))
    await waitFor(() => expect(screen.queryByText('发送中…连上网络后会自动发出')).toBeNull())
    expect(screen.getAllByText('我最近睡不着')).toHaveLength(1)
    expect(server.stored.map((message) => message.clientMessageId)).toEqual([clientMessageId])
    expect(storedOutbox()).toEqual([])
  })

  it('holds a message refused as sent too fast, says so without blaming the network, and sends it and the next in order', async () => {
    const server = fakeChatServer()
    let refusals = 1
    server.options.refuse = (input) => (input.body === '第二句' && refusals-- > 0 ? { ok: false, error: { code: 'CHAT_RATE_LIMITED', message: '发送太快了，稍等一下会自动发出。', retryAfterMs: 300 } } : null)
    render(<Conversation conversation={buildConversation()} onLeave={() => undefined} port={server.port} />)

    await write('第一句')
    await waitFor(() => expect(server.stored).toHaveLength(1))
    await write('第二句')
    await write('第三句')
    expect(await screen.findAllByText('发送太快了，稍等一下会自动发出')).toHaveLength(2)
    expect(screen.queryByText('发送中…连上网络后会自动发出')).toBeNull()
    expect(screen.queryByText(/没有发出去/)).toBeNull()

    await waitFor(() => expect(server.stored.map((message) => message.body)).toEqual(['第一句', '第二句', '第三句']))
    await waitFor(() => expect(screen.queryByText('发送太快了，稍等一下会自动发出')).toBeNull())
    expect(storedOutbox()).toEqual([])
  })

  it('shows a message once when its ack arrives late, after the push and a resend on reconnect', async () => {
    const server = fakeChatServer()
    server.options.holdAcks = true
    render(<Conversation conversation={buildConversation()} onLeave={() => undefined} port={server.port} />)

    await write('你好')
    await waitFor(() => expect(server.stored).toHaveLength(1)) // stored, pushed, but the ack is held back
    expect(await screen.findByText('你好')).toBeTruthy()

    server.options.holdAcks = false
    act(() => server.reconnect())
    await act(async () => server.releaseAcks())

    await waitFor(() => expect(storedOutbox()).toEqual([]))
    expect(screen.getAllByText('你好')).toHaveLength(1)
    expect(server.stored).toHaveLength(1)
    expect(screen.queryByText('发送中…连上网络后会自动发出')).toBeNull()
  })

  it('applies messages in seq order without duplicates, catches up on a gap, and shows the counsellor typing', async () => {
    const server = fakeChatServer()
    render(<Conversation conversation={buildConversation()} onLeave={() => undefined} port={server.port} />)
    server.options.echo = false
    server.stored.push(
      { conversationId: buildConversation().id, seq: 1, clientMessageId: 'staff-message-1', from: 'staff', body: '你好，我是值班老师', createdAt: '2026-09-01T10:00:00.000Z' },
      { conversationId: buildConversation().id, seq: 2, clientMessageId: 'system-line-02', from: 'system', body: '另一位老师将继续陪伴你。', createdAt: '2026-09-01T10:01:00.000Z' },
    )
    act(() => server.push('chat:message', server.stored[1]))
    expect(await screen.findByText('另一位老师将继续陪伴你。')).toBeTruthy()
    expect(screen.getByText('你好，我是值班老师')).toBeTruthy()
    act(() => server.push('chat:message', server.stored[0]))
    expect(screen.getAllByText('你好，我是值班老师')).toHaveLength(1)

    act(() => server.push('chat:typing', { conversationId: buildConversation().id, side: 'staff', typing: true }))
    expect(screen.getByText('老师正在输入…')).toBeTruthy()
    expect(screen.getByText('快速离开')).toBeTruthy()
  })

  it('keeps 老师已读 when a resume answer read before the receipt arrives after it', async () => {
    const server = fakeChatServer()
    render(<Conversation conversation={buildConversation()} onLeave={() => undefined} port={server.port} />)
    await write('谢谢老师')
    await waitFor(() => expect(server.stored).toHaveLength(1))
    act(() => server.push('chat:receipt', { conversationId: buildConversation().id, side: 'staff', deliveredSeq: 1, readSeq: 1 }))
    expect(await screen.findByText('老师已读')).toBeTruthy()

    // The fake's resume answers with the cursors it had at the start (nothing read yet).
    await act(async () => server.reconnect())
    await waitFor(() => expect(server.resumes).toBeGreaterThan(1))
    expect(screen.getByText('老师已读')).toBeTruthy()
  })

  it('says it is reconnecting after a few seconds offline, that nothing written is lost, and clears when back', async () => {
    const server = fakeChatServer()
    render(<Conversation conversation={buildConversation()} onLeave={() => undefined} port={server.port} />)
    act(() => server.setOnline(false))
    await write('还在吗')
    expect(await screen.findByText('网络不太稳定，正在重新连接…', {}, { timeout: 5000 })).toBeTruthy()
    expect(screen.getByText('写好的话会先存着，连上后自动发出，老师的回复也不会丢。')).toBeTruthy()
    act(() => server.setOnline(true))
    expect(screen.queryByText('网络不太稳定，正在重新连接…')).toBeNull()
    await waitFor(() => expect(server.stored.map((message) => message.body)).toEqual(['还在吗']))
  })
})
