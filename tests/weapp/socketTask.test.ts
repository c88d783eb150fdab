/**
 * The mini-program's socket.io transport over WeChat's SocketTask, against the REAL XinYuan server
 * (HTTP + socket.io over a real database). Taro.connectSocket is replaced by a SocketTask-compatible
 * shim on `ws`; everything above it (engine.io framing, socket.io acks, auth) is the code the weapp
 * build ships. Needs NODE_OPTIONS=--experimental-vm-modules for PGlite (scripts/test.mjs sets it).
 */
import { randomUUID } from 'node:crypto'
import { currentConsentVersions, type ClientToServerEvents, type ServerToClientEvents, type UserChatMessageView } from '@xinyuan/shared'
import { io, type Socket } from 'socket.io-client'
import { appUsers, consents } from '../../server/src/db/schema'
import { socketTaskTransport } from '../../miniapp/src/services/socketTaskTransport'
import globalSetup from '../support/globalSetup'
import globalTeardown from '../support/globalTeardown'
import { sessionTokenFor } from '../support/sessions'
import { startTestServer, type TestServer } from '../support/testServer'
import { wxConnectSocketShim } from './wxSocketTaskShim'

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>
type AckResult = { ok: true; data: UserChatMessageView } | { ok: false; error: { code: string; message: string } }

let server: TestServer
let token: string
const sockets: ClientSocket[] = []

beforeAll(async () => {
  await globalSetup()
  server = await startTestServer({ seed: false, environment: { CHAT_MAINTENANCE_INTERVAL_MS: '3600000' } })
  const db = server.server.services.db
  const [user] = await db.insert(appUsers).values({ alias: `小树-${randomUUID().slice(0, 6)}`, role: 'student', ageBand: '14_17' }).returning()
  await db.insert(consents).values([
    { userId: user!.id, kind: 'privacy', version: currentConsentVersions.privacy },
    { userId: user!.id, kind: 'sensitive', version: currentConsentVersions.sensitive },
  ])
  token = await sessionTokenFor(db, { type: 'user', id: user!.id }, server.clock.now())
}, 120_000)

afterAll(async () => {
  sockets.forEach((socket) => socket.disconnect())
  await server?.close()
  await globalTeardown()
})

function connectOverSocketTask(auth: { token?: string }): { socket: ClientSocket; tasks: ReturnType<typeof wxConnectSocketShim>['tasks'] } {
  const shim = wxConnectSocketShim()
  const socket: ClientSocket = io(server.baseUrl, {
    path: '/socket.io',
    transports: [socketTaskTransport(shim.connectSocket)],
    auth,
    reconnectionDelay: 100,
    reconnectionDelayMax: 500,
    forceNew: true,
  })
  sockets.push(socket)
  return { socket, tasks: shim.tasks }
}

const once = <T>(socket: ClientSocket, event: 'connect' | 'connect_error'): Promise<T> => new Promise((resolve) => socket.once(event, resolve as never))

function send(socket: ClientSocket, input: { conversationId: string; clientMessageId: string; body: string }): Promise<AckResult> {
  return new Promise((resolve) => socket.emit('chat:send', input, resolve as never))
}

async function heldConversation(): Promise<string> {
  const response = await fetch(`${server.baseUrl}/api/v1/me/chats`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify({ keepForNextShift: true }),
  })
  const result = (await response.json()) as { conversation: { id: string } | null }
  if (!result.conversation) throw new Error(`no conversation: ${JSON.stringify(result)}`)
  return result.conversation.id
}

describe('socket.io over a WeChat SocketTask (real server)', () => {
  it('connects with the session token and exchanges acknowledged chat events, with the server push', async () => {
    const { socket, tasks } = connectOverSocketTask({ token })
    await once(socket, 'connect')
    expect(tasks[0]?.url).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/socket\.io\/\?EIO=4&transport=websocket/)
    expect(socket.io.engine.transport.name).toBe('websocket')

    const conversationId = await heldConversation()
    const pushed = new Promise<UserChatMessageView>((resolve) => socket.once('chat:message', resolve as never))
    const clientMessageId = randomUUID()
    const ack = await send(socket, { conversationId, clientMessageId, body: '你好，我想找人聊聊' })

    expect(ack).toMatchObject({ ok: true, data: { conversationId, clientMessageId, from: 'user', body: '你好，我想找人聊聊' } })
    await expect(pushed).resolves.toMatchObject({ clientMessageId, from: 'user' })

    const resumed = await new Promise<{ ok: boolean; data?: { messages: UserChatMessageView[] } }>((resolve) => socket.emit('chat:resume', { conversationId, afterSeq: 0 }, resolve as never))
    expect(resumed.data?.messages.map((message) => message.clientMessageId)).toContain(clientMessageId)
  })

  it('reconnects after WeChat drops the task and a resend after a lost ack gets the same seq', async () => {
    const { socket, tasks } = connectOverSocketTask({ token })
    await once(socket, 'connect')
    const conversationId = await heldConversation()
    const clientMessageId = randomUUID()
    const first = await send(socket, { conversationId, clientMessageId, body: '第一次发送' })

    tasks[0]?.drop()
    await once(socket, 'connect')
    const again = await send(socket, { conversationId, clientMessageId, body: '第一次发送' })

    expect(tasks.length).toBeGreaterThanOrEqual(2)
    expect(first.ok && again.ok).toBe(true)
    if (first.ok && again.ok) expect(again.data.seq).toBe(first.data.seq)
  })

  it('is refused without a valid token, with the server\'s error code', async () => {
    const { socket } = connectOverSocketTask({ token: 'not-a-session' })
    const error = await once<Error & { data?: { code: string } }>(socket, 'connect_error')
    socket.disconnect()
    expect(error.data?.code ?? error.message).toMatch(/UNAUTHENTICATED|SESSION/)
  })
})
