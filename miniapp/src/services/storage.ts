import Taro from '@tarojs/taro'

/** Everything the app keeps on the device. In H5 Taro's storage is localStorage. */
const keys = {
  token: 'xinyuan.token',
  deviceId: 'xinyuan.deviceId',
  leftChat: 'xinyuan.leftChat',
} as const

function read(key: string): string | null {
  try {
    const value: unknown = Taro.getStorageSync(key)
    return typeof value === 'string' && value !== '' ? value : null
  } catch {
    return null
  }
}

function write(key: string, value: string | null): void {
  try {
    if (value === null) Taro.removeStorageSync(key)
    else Taro.setStorageSync(key, value)
  } catch {
    // Storage full or blocked (private mode): the session simply lasts as long as the page.
  }
}

export const tokenStore = {
  get: (): string | null => read(keys.token),
  set: (token: string | null): void => write(keys.token, token),
}

export const deviceIdStore = {
  get: (): string | null => read(keys.deviceId),
  set: (id: string | null): void => write(keys.deviceId, id),
}

/** The open chat the student left with 快速离开: home offers the way back to it while it is open. */
export const leftChatStore = {
  get: (): string | null => read(keys.leftChat),
  set: (conversationId: string | null): void => write(keys.leftChat, conversationId),
}
