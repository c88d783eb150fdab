import { WebSocket } from 'ws'
import type { ConnectSocket, SocketTaskLike } from '../../miniapp/src/services/socketTaskTransport'

/**
 * A stand-in for Taro.connectSocket / wx.connectSocket built on the `ws` package, with WeChat's
 * callback style: the promise resolves with the task right away (before it opens), and every event goes
 * through onOpen / onMessage / onError / onClose. `tasks` lets a test drop a connection like WeChat does
 * when the app goes to the background.
 */
export function wxConnectSocketShim(): { connectSocket: ConnectSocket; tasks: Array<{ url: string; drop(): void }> } {
  const tasks: Array<{ url: string; drop(): void }> = []
  const connectSocket: ConnectSocket = ({ url, protocols }) => {
    const ws = new WebSocket(url, protocols)
    const task: SocketTaskLike = {
      send: ({ data, fail }) => {
        if (ws.readyState !== WebSocket.OPEN) {
          fail?.({ errMsg: 'sendSocketMessage:fail WebSocket is not connected' })
          return
        }
        ws.send(data)
      },
      close: ({ code, reason }) => ws.close(code ?? 1000, reason),
      onOpen: (callback) => ws.on('open', () => callback({ header: {} })),
      onMessage: (callback) =>
        ws.on('message', (data, isBinary) => {
          const buffer = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer)
          callback({ data: isBinary ? buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength) : buffer.toString('utf8') })
        }),
      onError: (callback) => ws.on('error', (error) => callback({ errMsg: `onSocketError: ${error.message}` })),
      onClose: (callback) => ws.on('close', (code, reason) => callback({ code, reason: reason.toString() })),
    }
    tasks.push({ url, drop: () => ws.terminate() })
    return Promise.resolve(task)
  }
  return { connectSocket, tasks }
}
