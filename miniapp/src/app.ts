import { useLaunch } from '@tarojs/taro'
import type { PropsWithChildren } from 'react'
import { installConsentRedirect } from './services/consentRedirect'
import { fitRootFontSize } from './services/h5Viewport'
import { installPageLoadFailureHandler } from './services/pageLoadFailure'
import { installPrivacyAuthorizationHandler } from './services/wechatPrivacy'
import './app.css'

fitRootFontSize()
installPageLoadFailureHandler()

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    installPrivacyAuthorizationHandler()
    installConsentRedirect()
  })
  return children
}

export default App
