/**
 * Stand-in for src/services/socket.ts in page tests (jest.mock('…/services/socket', () => fakeSocketModule)):
 * tests push server events and fire a resync by hand. The real transport is proven against the real
 * server in tests/weapp/socketTask.test.ts.
 */
type Listener = (payload: never) => void

const listeners = new Map<string, Set<Listener>>()
const resyncListeners = new Set<() => void>()
const connectionListeners = new Set<(connected: boolean) => void>()
let connected = true

export const fakeSocket = {
  push(event: string, payload: unknown): void {
    listeners.get(event)?.forEach((listener) => (listener as (payload: unknown) => void)(payload))
  },
  resync(): void {
    resyncListeners.forEach((listener) => listener())
  },
  /** Drops or restores the connection, as the real socket reports it. */
  setConnected(next: boolean): void {
    connected = next
    connectionListeners.forEach((listener) => listener(next))
  },
  reset(): void {
    listeners.clear()
    resyncListeners.clear()
    connectionListeners.clear()
    connected = true
  },
}

export const fakeSocketModule = {
  onServerEvent(event: string, listener: Listener): () => void {
    const set = listeners.get(event) ?? new Set<Listener>()
    set.add(listener)
    listeners.set(event, set)
    return () => set.delete(listener)
  },
  onResync(listener: () => void): () => void {
    resyncListeners.add(listener)
    return () => resyncListeners.delete(listener)
  },
  onConnectionChange(listener: (connected: boolean) => void): () => void {
    connectionListeners.add(listener)
    listener(connected)
    return () => connectionListeners.delete(listener)
  },
  emitWithAck: () => Promise.resolve({ ok: false, error: { code: 'TIMEOUT', message: '未连接' } }),
  isSocketConnected: () => false,
  closeAppSocket: () => undefined,
}
