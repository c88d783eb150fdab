import { Input, Text, View } from '@tarojs/components'
import { giveConsentBody, guardianRelationLabels, guardianRelations, type GuardianRelation } from '@xinyuan/shared'
import { useState } from 'react'
import { ActionButton } from '../../components/ActionButton'
import { ChoiceList, type Choice } from '../../components/ChoiceList'
import { Notice } from '../../components/Notice'
import { StepHeader } from '../../components/StepHeader'
import { guardianText } from '../../content/consentTexts'
import { ActionError } from './ActionError'
import { ConsentPoints } from './ConsentPoints'
import { InviteGuardian } from './InviteGuardian'
import type { StepProps } from './stepProps'

const relationChoices: ReadonlyArray<Choice<GuardianRelation>> = guardianRelations.map((relation) => ({
  value: relation,
  label: guardianRelationLabels[relation],
}))

/**
 * Under-14s only. Recommended: an invitation the guardian confirms in their own WeChat. Where the county
 * allows it, the guardian may instead pick their relation and type their name here (recorded as typed).
 */
export function GuardianStep({ flow }: StepProps) {
  const [relation, setRelation] = useState<GuardianRelation | null>(null)
  const [name, setName] = useState('')
  const [confirmed, setConfirmed] = useState(false)
  const [hint, setHint] = useState<string | null>(null)

  function submit() {
    if (!relation) return setHint('请监护人选择和孩子的关系。')
    const parsed = giveConsentBody.safeParse({ kind: 'guardian', version: '-', guardianRelation: relation, guardianName: name })
    if (!parsed.success) return setHint(parsed.error.issues[0]?.message ?? '请监护人填写姓名。')
    if (!confirmed) return setHint('请监护人勾选确认后再提交。')
    setHint(null)
    void flow.giveGuardianConsent(relation, name.trim())
  }

  return (
    <View className='onb-step onb-step--guardian'>
      <StepHeader index={flow.stepIndex} total={flow.stepTotal} title={guardianText.title} lead={guardianText.lead} />
      <ConsentPoints text={guardianText} />
      <InviteGuardian onConfirmed={flow.refreshMe} />
      <Text className='onb-label'>家长就在身边、又没有微信时，也可以在这里确认（本县允许时）：</Text>
      <Text className='onb-label'>您是孩子的：</Text>
      <ChoiceList choices={relationChoices} value={relation} onChange={setRelation} disabled={flow.busy} />
      <Text className='onb-label'>请监护人填写自己的姓名，表示同意：</Text>
      <Input
        className='onb-input'
        value={name}
        maxlength={20}
        placeholder='监护人姓名'
        disabled={flow.busy}
        onInput={(event) => setName(event.detail.value)}
      />
      <View className={`onb-check ${confirmed ? 'onb-check--on' : ''}`} onClick={() => setConfirmed(!confirmed)}>
        <View className='onb-check__box'>{confirmed ? <Text>✓</Text> : null}</View>
        <Text className='onb-check__text'>我是孩子的监护人，已阅读以上说明，同意孩子使用心援的在线咨询和学校信箱。</Text>
      </View>
      {hint ? <Notice tone='warm'>{hint}</Notice> : null}
      <ActionError error={flow.actionError} />
      <ActionButton busy={flow.busy} onClick={submit}>
        监护人同意
      </ActionButton>
      <ActionButton variant='quiet' onClick={flow.postponeGuardian} disabled={flow.busy}>
        现在不方便，稍后再请家长看
      </ActionButton>
    </View>
  )
}
