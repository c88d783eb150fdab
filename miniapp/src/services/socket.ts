import Taro from '@tarojs/taro'
import type { ClientToServerEvents, ServerToClientEvents } from '@xinyuan/shared'
import { io, type ManagerOptions, type Socket, type SocketOptions } from 'socket.io-client'
import { apiBase } from './apiBase'
import { currentToken, forgetSession } from './session'
import { socketTaskTransport } from './socketTaskTransport'

type XinyuanSocket = Socket<ServerToClientEvents, ClientToServerEvents>
type ServerEvent = keyof ServerToClientEvents
type ClientEvent = keyof ClientToServerEvents

/** The ack of a client event: the payload type comes from the event's typed Ack in shared/src/socket.ts. */
export type AckOf<E extends ClientEvent> = Parameters<Parameters<ClientToServerEvents[E]>[1]>[0]
type InputOf<E extends ClientEvent> = Parameters<ClientToServerEvents[E]>[0]

const ackTimeoutMs = 10_000
const authErrorCodes = new Set(['UNAUTHENTICATED', 'SESSION_EXPIRED', 'SESSION_REVOKED'])

let socket: XinyuanSocket | null = null
let authRetries = 0
const resyncListeners = new Set<() => void>()
const connectionListeners = new Set<(connected: boolean) => void>()
const tellConnection = (connected: boolean) => connectionListeners.forEach((listener) => listener(connected))
let appShowInstalled = false

/** Where socket.io lives: the API's origin (weapp, tests), or this page's origin (H5 under /h5). */
function socketOrigin(): string | undefined {
  const match = /^(https?:\/\/[^/]+)/.exec(apiBase())
  return match?.[1]
}

function create(): XinyuanSocket {
  const options: Partial<ManagerOptions & SocketOptions> = {
    path: '/socket.io',
    // WeChat has no global WebSocket: engine.io's websocket transport over Taro's SocketTask. H5: the browser's.
    transports: process.env.TARO_ENV === 'weapp' ? [socketTaskTransport(Taro.connectSocket)] : ['websocket', 'polling'],
    auth: (send) => {
      currentToken().then(
        (token) => send({ token }),
        () => send({}),
      )
    },
    reconnection: true,
    reconnectionDelay: 1000,
    reconnectionDelayMax: 30_000,
    randomizationFactor: 0.5,
    timeout: 15_000,
  }
  const origin = socketOrigin()
  const created: XinyuanSocket = origin ? io(origin, options) : io(options)
  created.on('connect', () => {
    authRetries = 0
    tellConnection(true)
    resyncListeners.forEach((listener) => listener())
  })
  created.on('connect_error', (error: Error & { data?: { code?: string } }) => {
    tellConnection(false)
    // A refused handshake is not retried by socket.io: log in again (once or twice), then reconnect.
    if (created.active || !authErrorCodes.has(error.data?.code ?? error.message) || authRetries >= 2) return
    authRetries += 1
    forgetSession()
    setTimeout(() => created.connect(), 1000 * authRetries)
  })
  created.on('disconnect', (reason) => {
    tellConnection(false)
    // A server-side disconnect stops socket.io's own retries: ask again, the session may still be good.
    if (reason === 'io server disconnect') setTimeout(() => created.connect(), 1000)
  })
  return created
}

/** The one socket of the app, connected on first use. */
export function appSocket(): XinyuanSocket {
  if (!socket) {
    socket = create()
    installForegroundResync()
  }
  return socket
}

/**
 * WeChat closes sockets while the app is in the background. Back in the foreground: reconnect now
 * (the connect event then resyncs), otherwise resync anyway, in case pushes were missed.
 */
function installForegroundResync(): void {
  if (appShowInstalled || typeof Taro.onAppShow !== 'function') return
  appShowInstalled = true
  Taro.onAppShow(() => {
    if (!socket) return
    if (socket.connected) {
      resyncListeners.forEach((listener) => listener())
      return
    }
    // connect() alone does nothing while socket.io waits out a reconnect backoff (up to 30 s): the
    // student would look at a stale page. disconnect() cancels that timer, so connect() dials at once.
    socket.disconnect()
    socket.connect()
  })
}

/**
 * Runs `listener` after every (re)connect and whenever the app returns to the foreground: the page
 * refetches what it shows (hotline ticket) or resumes from its last seq (chat). Returns the unsubscribe.
 */
export function onResync(listener: () => void): () => void {
  resyncListeners.add(listener)
  appSocket()
  return () => resyncListeners.delete(listener)
}

/** Listens to one server event; returns the unsubscribe. */
export function onServerEvent<E extends ServerEvent>(event: E, listener: ServerToClientEvents[E]): () => void {
  const current = appSocket()
  current.on(event, listener as never)
  return () => {
    current.off(event, listener as never)
  }
}

/**
 * Tells `listener` whether the socket is connected: now, and after every connect and disconnect (pages
 * show "正在重新连接…" while it is not, see useReconnecting). Returns the unsubscribe.
 */
export function onConnectionChange(listener: (connected: boolean) => void): () => void {
  connectionListeners.add(listener)
  listener(appSocket().connected)
  return () => connectionListeners.delete(listener)
}

/** True while the socket is connected. */
export function isSocketConnected(): boolean {
  return socket?.connected ?? false
}

/**
 * Emits a client event and resolves with its ack. A lost connection or a missing ack within 10 s
 * resolves as { ok: false, error.code: "TIMEOUT" }; callers keep what must be resent (the outbox).
 */
export function emitWithAck<E extends ClientEvent>(event: E, input: InputOf<E>): Promise<AckOf<E>> {
  const current = appSocket()
  return new Promise((resolve) => {
    const emitter = current.timeout(ackTimeoutMs) as unknown as { emit(event: string, input: unknown, ack: (error: Error | null, result: AckOf<E>) => void): void }
    emitter.emit(event, input, (error, result) => {
      if (error) resolve({ ok: false, error: { code: 'TIMEOUT', message: '网络不太稳定，消息暂时没发出去，连上后会自动重发。' } } as AckOf<E>)
      else resolve(result)
    })
  })
}

/** Closes the socket (account deleted, tests). The next use connects again. */
export function closeAppSocket(): void {
  socket?.disconnect()
  socket = null
}
