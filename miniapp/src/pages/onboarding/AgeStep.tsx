import { View } from '@tarojs/components'
import { ageBandLabels, ageBands, type AgeBand } from '@xinyuan/shared'
import { useState } from 'react'
import { ActionButton } from '../../components/ActionButton'
import { ChoiceList, type Choice } from '../../components/ChoiceList'
import { StepHeader } from '../../components/StepHeader'
import { ActionError } from './ActionError'
import type { StepProps } from './stepProps'

const ageChoices: ReadonlyArray<Choice<AgeBand>> = ageBands.map((band) => ({ value: band, label: ageBandLabels[band] }))

/** Step 4: an age band, never a birthday. Under 14 leads to the guardian step. */
export function AgeStep({ flow }: StepProps) {
  const [band, setBand] = useState<AgeBand | null>(flow.me?.ageBand ?? null)
  return (
    <View className='onb-step onb-step--age'>
      <StepHeader index={flow.stepIndex} total={flow.stepTotal} title='你现在多大了？' lead='选一个大概的年龄段就好，我们不会问你的生日。' />
      <ChoiceList choices={ageChoices} value={band} onChange={setBand} disabled={flow.busy} />
      <ActionError error={flow.actionError} />
      <ActionButton busy={flow.busy} disabled={band === null} onClick={() => band && void flow.chooseAgeBand(band)}>
        下一步
      </ActionButton>
    </View>
  )
}
