import { View } from '@tarojs/components'
import { ActionButton } from '../../components/ActionButton'
import { StepHeader } from '../../components/StepHeader'
import { sensitiveText } from '../../content/consentTexts'
import { ActionError } from './ActionError'
import { ConsentPoints } from './ConsentPoints'
import type { StepProps } from './stepProps'

/** Step 2: separate consent for sensitive personal information (PIPL art. 29). */
export function SensitiveStep({ flow, onDecline }: StepProps & { onDecline: () => void }) {
  return (
    <View className='onb-step onb-step--sensitive'>
      <StepHeader index={flow.stepIndex} total={flow.stepTotal} title={sensitiveText.title} lead={sensitiveText.lead} />
      <ConsentPoints text={sensitiveText} />
      <ActionError error={flow.actionError} />
      <ActionButton busy={flow.busy} onClick={() => void flow.agreeSensitive()}>
        我同意
      </ActionButton>
      <ActionButton variant='quiet' onClick={onDecline} disabled={flow.busy}>
        暂不同意
      </ActionButton>
    </View>
  )
}
