import Taro from '@tarojs/taro'
import { requirePrivacyAuthorization } from '../../services/wechatPrivacy'

/** Copies text to the clipboard; in WeChat that is a privacy-protected API, so ask first. */
export async function copyText(text: string): Promise<boolean> {
  if (!(await requirePrivacyAuthorization())) return false
  try {
    await Taro.setClipboardData({ data: text })
    return true
  } catch {
    return false
  }
}

/** H5 only: offers the text (the readable export or its JSON) as a file download. */
export function downloadText(fileName: string, text: string, type: string): boolean {
  if (process.env.TARO_ENV !== 'h5' || typeof document === 'undefined') return false
  const url = URL.createObjectURL(new Blob([text], { type }))
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  document.body.appendChild(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
  return true
}
