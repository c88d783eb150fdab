import { Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import {
  onPrivacyAuthorizationRequest,
  openWechatPrivacyContract,
  privacyAgreeButtonId,
  resolvePrivacyAgreed,
  resolvePrivacyDeclined,
} from '../../services/wechatPrivacy'
import { ActionButton } from '../ActionButton'
import './index.css'

/**
 * WeChat only: shown while WeChat holds a privacy-protected API (copying text, choosing a photo…) until
 * the user answers. The agree button must carry open-type="agreePrivacyAuthorization".
 */
export function PrivacySheet() {
  const [open, setOpen] = useState(false)
  useEffect(() => onPrivacyAuthorizationRequest(setOpen), [])
  if (!open) return null
  return (
    <View className='xy-sheet-mask'>
      <View className='xy-sheet'>
        <Text className='xy-sheet__title'>需要你的同意</Text>
        <Text className='xy-sheet__text'>
          这个功能会用到微信的隐私相关能力。我们只在你使用这个功能时用到它，不会做别的用途。
        </Text>
        <Text className='xy-sheet__link' onClick={openWechatPrivacyContract}>
          查看《隐私保护指引》
        </Text>
        <ActionButton id={privacyAgreeButtonId} openType='agreePrivacyAuthorization' onAgreePrivacyAuthorization={resolvePrivacyAgreed}>
          同意并继续
        </ActionButton>
        <ActionButton variant='quiet' onClick={resolvePrivacyDeclined}>
          暂不同意
        </ActionButton>
      </View>
    </View>
  )
}
