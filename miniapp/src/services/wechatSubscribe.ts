import Taro from '@tarojs/taro'

/**
 * Asks WeChat for one-time subscribe messages (only from a tap handler: WeChat refuses otherwise) and,
 * when at least one is accepted, takes a fresh wx.login code the server turns into the openid to send
 * them to. Returns the accepted template ids with the code; undefined when none was accepted or anything
 * failed, so the feature that asked goes on without reminders.
 */
export async function subscribeAndLogin(templateIds: string[]): Promise<{ accepted: string[]; code: string } | undefined> {
  try {
    const answer = (await Taro.requestSubscribeMessage({ tmplIds: templateIds, entityIds: [] })) as unknown as Record<string, string>
    const accepted = templateIds.filter((id) => answer[id] === 'accept')
    if (accepted.length === 0) return undefined
    const { code } = await Taro.login()
    return code ? { accepted, code } : undefined
  } catch {
    return undefined
  }
}
