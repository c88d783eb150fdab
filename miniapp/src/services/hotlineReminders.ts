import { hotlineNotifyTemplates, type HotlineNotifyTemplate, type JoinHotlineBody } from '@xinyuan/shared'
import { subscribeAndLogin } from './wechatSubscribe'

/**
 * WeChat only: asks to send the "call soon" / "missed" subscribe messages and, for the ones accepted,
 * returns what the join request carries (a fresh wx.login code the server turns into the openid).
 * H5, an unconfigured build, a refusal or any failure: no reminders, and joining goes on regardless.
 */
export async function requestHotlineReminders(): Promise<JoinHotlineBody['notify'] | undefined> {
  if (process.env.TARO_ENV !== 'weapp') return undefined
  const configured = hotlineNotifyTemplates.filter((template) => XINYUAN_HOTLINE_TEMPLATES[template] !== '')
  if (configured.length === 0) return undefined
  const subscribed = await subscribeAndLogin(configured.map((template) => XINYUAN_HOTLINE_TEMPLATES[template]))
  if (!subscribed) return undefined
  const templates: HotlineNotifyTemplate[] = configured.filter((template) => subscribed.accepted.includes(XINYUAN_HOTLINE_TEMPLATES[template]))
  return { code: subscribed.code, templates }
}
