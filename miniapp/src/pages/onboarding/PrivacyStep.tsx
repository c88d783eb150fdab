import { Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { ActionButton } from '../../components/ActionButton'
import { StepHeader } from '../../components/StepHeader'
import { privacyText } from '../../content/consentTexts'
import {
  openWechatPrivacyContract,
  privacyAgreeButtonId,
  resolvePrivacyAgreed,
  wechatPrivacyContractName,
} from '../../services/wechatPrivacy'
import { ActionError } from './ActionError'
import { ConsentPoints } from './ConsentPoints'
import type { StepProps } from './stepProps'

/**
 * Step 1. In WeChat the agree button is also the mini-program's privacy authorization button
 * (open-type="agreePrivacyAuthorization"), so one tap answers both WeChat and XinYuan.
 */
export function PrivacyStep({ flow, onDecline }: StepProps & { onDecline: () => void }) {
  const [contractName, setContractName] = useState<string | null>(null)
  useEffect(() => {
    void wechatPrivacyContractName().then(setContractName)
  }, [])

  return (
    <View className='onb-step onb-step--privacy'>
      <StepHeader index={flow.stepIndex} total={flow.stepTotal} title={privacyText.title} lead={privacyText.lead} />
      <ConsentPoints text={privacyText} />
      {contractName ? (
        <Text className='onb-link' onClick={openWechatPrivacyContract}>
          {`查看完整的${contractName}`}
        </Text>
      ) : null}
      <ActionError error={flow.actionError} />
      <ActionButton
        id={privacyAgreeButtonId}
        openType='agreePrivacyAuthorization'
        onAgreePrivacyAuthorization={resolvePrivacyAgreed}
        busy={flow.busy}
        onClick={() => void flow.agreePrivacy()}
      >
        我已阅读并同意
      </ActionButton>
      <ActionButton variant='quiet' onClick={onDecline} disabled={flow.busy}>
        暂不同意
      </ActionButton>
    </View>
  )
}
