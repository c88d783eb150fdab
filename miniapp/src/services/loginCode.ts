import Taro from '@tarojs/taro'
import { deviceIdStore } from './storage'

/**
 * The one-time code the server exchanges for a session. WeChat gives it through wx.login; the H5 demo
 * has no WeChat, so it sends `demo:<deviceId>`, which the demo's fake WeChat server accepts.
 */
export async function getLoginCode(): Promise<string> {
  if (process.env.TARO_ENV === 'h5') return `demo:${demoDeviceId()}`
  const { code } = await Taro.login()
  return code
}

/** A random id for this browser, kept so the same visitor keeps the same demo account. */
export function demoDeviceId(): string {
  const existing = deviceIdStore.get()
  if (existing) return existing
  const id = randomId()
  deviceIdStore.set(id)
  return id
}

/** Forgets this browser's id, so a deleted account is not linked to the next one. */
export function forgetDemoDeviceId(): void {
  deviceIdStore.set(null)
}

function randomId(): string {
  const bytes = new Uint8Array(16)
  const crypto = globalThis.crypto
  if (crypto?.getRandomValues) crypto.getRandomValues(bytes)
  else for (let i = 0; i < bytes.length; i += 1) bytes[i] = Math.floor(Math.random() * 256)
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
}
