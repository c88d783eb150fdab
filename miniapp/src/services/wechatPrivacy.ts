import Taro from '@tarojs/taro'

type Resolve = (option: Taro.onNeedPrivacyAuthorization.ResolveOption) => void
type Listener = (pending: boolean) => void

/** id of the button with open-type="agreePrivacyAuthorization"; WeChat checks it was really tapped. */
export const privacyAgreeButtonId = 'xinyuan-privacy-agree'

let pendingResolve: Resolve | null = null
const listeners = new Set<Listener>()

const isWeapp = process.env.TARO_ENV === 'weapp'

type PrivacyApi = 'onNeedPrivacyAuthorization' | 'requirePrivacyAuthorize' | 'getPrivacySetting' | 'openPrivacyContract'

/** True in WeChat when this base library has the API (they arrived in 2.32.3; older clients lack them). */
function hasPrivacyApi(name: PrivacyApi): boolean {
  return isWeapp && typeof Taro[name] === 'function' && Taro.canIUse(name)
}

function notify(pending: boolean): void {
  listeners.forEach((listener) => listener(pending))
}

/**
 * WeChat pauses a privacy-protected API (clipboard, album, phone number…) until the user agrees to the
 * mini-program's privacy guide. Installed once at launch; H5 has no such API and skips it.
 */
export function installPrivacyAuthorizationHandler(): void {
  if (!hasPrivacyApi('onNeedPrivacyAuthorization')) return
  Taro.onNeedPrivacyAuthorization((resolve) => {
    pendingResolve = resolve
    notify(true)
    // Tell WeChat our sheet is on screen (only when a page is there to show it).
    if (listeners.size > 0) resolve({ event: 'exposureAuthorization' })
  })
}

/** PageContainer listens, to show the privacy sheet while WeChat waits for an answer. */
export function onPrivacyAuthorizationRequest(listener: Listener): () => void {
  listeners.add(listener)
  if (pendingResolve) listener(true)
  return () => listeners.delete(listener)
}

/** The user tapped our agree button (its agreeprivacyauthorization event). */
export function resolvePrivacyAgreed(): void {
  pendingResolve?.({ event: 'agree', buttonId: privacyAgreeButtonId })
  pendingResolve = null
  notify(false)
}

export function resolvePrivacyDeclined(): void {
  pendingResolve?.({ event: 'disagree' })
  pendingResolve = null
  notify(false)
}

/** Asks WeChat for the privacy agreement before a protected API; true when it may go ahead. */
export function requirePrivacyAuthorization(): Promise<boolean> {
  if (!hasPrivacyApi('requirePrivacyAuthorize')) return Promise.resolve(true)
  return new Promise((resolve) => {
    Taro.requirePrivacyAuthorize({ success: () => resolve(true), fail: () => resolve(false) })
  })
}

/** The name of the privacy guide registered for this mini-program, e.g. 《心援小程序隐私保护指引》. */
export function wechatPrivacyContractName(): Promise<string | null> {
  if (!hasPrivacyApi('getPrivacySetting')) return Promise.resolve(null)
  return new Promise((resolve) => {
    Taro.getPrivacySetting({
      success: (result) => resolve(result.privacyContractName || null),
      fail: () => resolve(null),
    })
  })
}

export function openWechatPrivacyContract(): void {
  if (hasPrivacyApi('openPrivacyContract')) Taro.openPrivacyContract()
}
