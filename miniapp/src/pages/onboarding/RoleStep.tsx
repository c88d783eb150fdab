import { View } from '@tarojs/components'
import type { UserRole } from '@xinyuan/shared'
import { useState } from 'react'
import { ActionButton } from '../../components/ActionButton'
import { ChoiceList, type Choice } from '../../components/ChoiceList'
import { StepHeader } from '../../components/StepHeader'
import { ActionError } from './ActionError'
import type { StepProps } from './stepProps'

const roleChoices: ReadonlyArray<Choice<UserRole>> = [
  { value: 'student', label: '我是学生', hint: '小学、初中、高中或职业学校的同学' },
  { value: 'parent', label: '我是家长', hint: '为孩子或为自己寻求帮助' },
]

/** Step 3: student or parent. A parent is an adult, so their age step is skipped. */
export function RoleStep({ flow }: StepProps) {
  const [role, setRole] = useState<UserRole | null>(flow.me?.role ?? null)
  return (
    <View className='onb-step onb-step--role'>
      <StepHeader index={flow.stepIndex} total={flow.stepTotal} title='你是？' lead='这样我们能为你安排合适的老师。' />
      <ChoiceList choices={roleChoices} value={role} onChange={setRole} disabled={flow.busy} />
      <ActionError error={flow.actionError} />
      <ActionButton busy={flow.busy} disabled={role === null} onClick={() => role && void flow.chooseRole(role)}>
        下一步
      </ActionButton>
    </View>
  )
}
