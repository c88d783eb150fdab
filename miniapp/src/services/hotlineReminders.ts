import Taro from '@tarojs/taro'
import { hotlineNotifyTemplates, type HotlineNotifyTemplate, type JoinHotlineBody } from '@xinyuan/shared'

/**
 * WeChat only: asks to send the "call soon" / "missed" subscribe messages and, for the ones accepted,
 * returns what the join request carries (a fresh wx.login code the server turns into the openid).
 * H5, an unconfigured build, a refusal or any failure: no reminders, and joining goes on regardless.
 */
export async function requestHotlineReminders(): Promise<JoinHotlineBody['notify'] | undefined> {
  if (process.env.TARO_ENV !== 'weapp') return undefined
  const configured = hotlineNotifyTemplates.filter((template) => XINYUAN_HOTLINE_TEMPLATES[template] !== '')
  if (configured.length === 0) return undefined
  try {
    const answer = (await Taro.requestSubscribeMessage({ tmplIds: configured.map((template) => XINYUAN_HOTLINE_TEMPLATES[template]), entityIds: [] })) as unknown as Record<string, string>
    const accepted: HotlineNotifyTemplate[] = configured.filter((template) => answer[XINYUAN_HOTLINE_TEMPLATES[template]] === 'accept')
    if (accepted.length === 0) return undefined
    const { code } = await Taro.login()
    return { code, templates: accepted }
  } catch {
    return undefined
  }
}
