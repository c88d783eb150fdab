import { subscribeAndLogin } from './wechatSubscribe'

/** The "a teacher answered your letter" template of this build ('' = not registered: not offered). */
export const letterReplyTemplate: string = XINYUAN_LETTER_REPLY_TEMPLATE

/** Only WeChat has subscribe messages, and only a build with the template id asks for one. */
export function letterReplyReminderAvailable(platform: string | undefined = process.env.TARO_ENV, templateId = letterReplyTemplate): boolean {
  return platform === 'weapp' && templateId !== ''
}

/** From a tap: asks for the one subscribe message and returns a fresh wx.login code, or undefined. */
export async function requestLetterReplyReminder(): Promise<string | undefined> {
  if (!letterReplyReminderAvailable()) return undefined
  return (await subscribeAndLogin([letterReplyTemplate]))?.code
}
