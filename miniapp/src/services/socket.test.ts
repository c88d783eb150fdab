import Taro from '@tarojs/taro'
import { closeAppSocket, isSocketConnected, onResync } from './socket'

type Handler = (...args: unknown[]) => void

/**
 * socket.io-client's Socket as far as the foreground resync needs it, with the one behaviour that matters
 * here (socket.js in 4.x: `connect() { … if (!this.io._reconnecting) this.io.open() … }`): while the
 * manager waits out a reconnect backoff, connect() does nothing; disconnect() cancels the backoff.
 */
class FakeIoSocket {
  connected = false
  backingOff = false
  active = true
  private readonly handlers = new Map<string, Handler[]>()

  on(event: string, handler: Handler): this {
    this.handlers.set(event, [...(this.handlers.get(event) ?? []), handler])
    return this
  }

  connect(): this {
    if (this.connected || this.backingOff) return this
    this.connected = true
    this.handlers.get('connect')?.forEach((handler) => handler())
    return this
  }

  disconnect(): this {
    this.backingOff = false
    this.connected = false
    return this
  }

  /** The connection dropped and socket.io is waiting (up to 30 s) before its next try. */
  dropIntoBackoff(): void {
    this.connected = false
    this.backingOff = true
  }
}

let mockSocket = new FakeIoSocket()
jest.mock('socket.io-client', () => ({ io: () => mockSocket }))

let appShow: (() => void) | undefined

beforeEach(() => {
  mockSocket = new FakeIoSocket()
  jest.spyOn(Taro, 'onAppShow').mockImplementation((callback) => {
    appShow = callback as () => void
  })
})

afterEach(() => {
  closeAppSocket()
  jest.restoreAllMocks()
})

describe('foreground resync', () => {
  it('reconnects at once when the app comes back during a reconnect backoff, and the pages then resync', () => {
    const resynced = jest.fn()
    const off = onResync(resynced)
    mockSocket.connect()
    expect(resynced).toHaveBeenCalledTimes(1)

    mockSocket.dropIntoBackoff()
    appShow?.()

    expect(isSocketConnected()).toBe(true)
    expect(resynced).toHaveBeenCalledTimes(2)
    off()
  })

  it('only resyncs, without dropping the connection, when the socket is still connected', () => {
    const resynced = jest.fn()
    const off = onResync(resynced)
    mockSocket.connect()
    const disconnect = jest.spyOn(mockSocket, 'disconnect')

    appShow?.()

    expect(disconnect).not.toHaveBeenCalled()
    expect(resynced).toHaveBeenCalledTimes(2)
    off()
  })
})
