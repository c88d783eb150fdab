import Taro from '@tarojs/taro'
import { pagePaths } from '../navigation'
import type { ApiError } from './apiError'
import { consentRequiredEvent } from './request'

/**
 * When the server refuses with CONSENT_REQUIRED (or the guardian / age-band variants), take the user to
 * the first-run steps, which explain the reason in the server's words. Installed once at launch.
 */
export function installConsentRedirect(): void {
  Taro.eventCenter.on(consentRequiredEvent, (error: ApiError) => {
    const pages = Taro.getCurrentPages()
    const current = pages[pages.length - 1]?.route ?? ''
    if (pagePaths.onboarding.endsWith(current) && current !== '') return
    void Taro.navigateTo({ url: `${pagePaths.onboarding}?reason=${encodeURIComponent(error.code)}` })
  })
}
