import { subscribeAndLogin } from './wechatSubscribe'

/** What decides whether reply reminders can be offered: the platform and the template id of this build. */
export interface ReminderBuild {
  platform: string
  /** The "counsellor replied" subscribe-message template id ('' = not registered for this build). */
  templateId: string
}

/** This build, as compiled (tests pass their own). */
export const builtInReminderBuild: ReminderBuild = { platform: process.env.TARO_ENV, templateId: XINYUAN_CHAT_REPLY_TEMPLATE }

/**
 * Only WeChat has subscribe messages, and only a build with the template id can ask for one; elsewhere
 * the offer is not shown at all rather than shown and failing.
 */
export function chatReplyReminderAvailable(build: ReminderBuild = builtInReminderBuild): boolean {
  return build.platform === 'weapp' && build.templateId !== ''
}

/**
 * Asks for the one "counsellor replied" subscribe message; when accepted, returns a fresh wx.login code
 * for POST /me/chats/:id/reminder (the server turns it into the openid). Must run inside a tap handler:
 * WeChat refuses requestSubscribeMessage otherwise. H5, an unconfigured build, a refusal or any
 * failure: undefined, and the chat goes on as before.
 */
export async function requestChatReplyReminder(build: ReminderBuild = builtInReminderBuild): Promise<string | undefined> {
  if (!chatReplyReminderAvailable(build)) return undefined
  return (await subscribeAndLogin([build.templateId]))?.code
}
