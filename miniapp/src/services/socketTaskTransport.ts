import { WebSocket as BrowserWebSocketTransport } from 'engine.io-client'

/** The part of WeChat's SocketTask (Taro.connectSocket's result) the transport uses. */
export interface SocketTaskLike {
  send(option: { data: string | ArrayBuffer; fail?: (result: { errMsg: string }) => void }): void
  close(option: { code?: number; reason?: string }): void
  onOpen(callback: (result: unknown) => void): void
  onClose(callback: (result: { code: number; reason: string }) => void): void
  onError(callback: (result: { errMsg: string }) => void): void
  onMessage(callback: (result: { data: string | ArrayBuffer }) => void): void
}

/** Taro.connectSocket's shape: it resolves with the task once WeChat has created it (before it opens). */
export type ConnectSocket = (option: { url: string; protocols?: string[] }) => Promise<SocketTaskLike>

/**
 * The WebSocket-like object engine.io's websocket transport drives (onopen / onmessage / onclose /
 * onerror, send, close), backed by a SocketTask. WeChat has no global WebSocket, so engine.io's own
 * transport cannot create one; everything else in engine.io (framing, ping/pong, upgrade) is reused.
 */
export class SocketTaskWebSocket {
  onopen: (() => void) | null = null
  onclose: ((event: { code: number; reason: string }) => void) | null = null
  onmessage: ((event: { data: string | ArrayBuffer }) => void) | null = null
  onerror: ((event: { message: string }) => void) | null = null
  binaryType = 'arraybuffer'
  private task: SocketTaskLike | null = null
  private closed = false

  constructor(connect: ConnectSocket, url: string, protocols?: string[]) {
    connect(protocols?.length ? { url, protocols } : { url }).then(
      (task) => this.attach(task),
      (failure: unknown) => this.fail(failure),
    )
  }

  send(data: string | ArrayBuffer): void {
    if (!this.task) throw new Error('socket task is not open')
    this.task.send({ data, fail: (result) => this.onerror?.({ message: result.errMsg }) })
  }

  close(): void {
    if (this.closed) return
    this.closed = true
    this.task?.close({ code: 1000, reason: 'client close' })
  }

  private attach(task: SocketTaskLike): void {
    this.task = task
    if (this.closed) {
      task.close({ code: 1000, reason: 'client close' })
      return
    }
    task.onOpen(() => this.onopen?.())
    task.onMessage((message) => this.onmessage?.({ data: message.data }))
    task.onError((result) => this.onerror?.({ message: result.errMsg }))
    task.onClose((result) => {
      this.closed = true
      this.onclose?.({ code: result.code, reason: result.reason })
    })
  }

  private fail(failure: unknown): void {
    this.closed = true
    const message = typeof failure === 'object' && failure !== null && 'errMsg' in failure ? String(failure.errMsg) : String(failure)
    this.onerror?.({ message })
    this.onclose?.({ code: 1006, reason: message })
  }
}

/**
 * An engine.io "websocket" transport over SocketTask, for socket.io-client's `transports` option:
 * `io(url, { transports: [socketTaskTransport(Taro.connectSocket)] })`. Only createSocket and doWrite
 * differ from the browser transport.
 */
export function socketTaskTransport(connect: ConnectSocket): typeof BrowserWebSocketTransport {
  return class SocketTaskTransport extends BrowserWebSocketTransport {
    override createSocket(uri: string, protocols: string | string[] | undefined): SocketTaskWebSocket {
      const list = protocols === undefined ? undefined : Array.isArray(protocols) ? protocols : [protocols]
      return new SocketTaskWebSocket(connect, uri, list)
    }

    override doWrite(_packet: unknown, data: string | ArrayBuffer | ArrayBufferView | Blob): void {
      ;(this.ws as SocketTaskWebSocket).send(toSendable(data))
    }
  }
}

/** SocketTask sends strings or ArrayBuffers; engine.io may hand binary attachments as views. */
function toSendable(data: string | ArrayBuffer | ArrayBufferView | Blob): string | ArrayBuffer {
  if (typeof data === 'string' || data instanceof ArrayBuffer) return data
  if (ArrayBuffer.isView(data)) return data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer
  throw new Error('Blob payloads are not supported over SocketTask')
}
