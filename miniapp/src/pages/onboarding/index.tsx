import { View } from '@tarojs/components'
import { useRouter, useShareAppMessage } from '@tarojs/taro'
import { errorMessages, type ErrorCode } from '@xinyuan/shared'
import { useState } from 'react'
import { Notice } from '../../components/Notice'
import { PageContainer } from '../../components/PageContainer'
import { QuickHelp } from '../../components/QuickHelp'
import { AgeStep } from './AgeStep'
import { DeclinedView } from './DeclinedView'
import { GuardianStep } from './GuardianStep'
import { PrivacyStep } from './PrivacyStep'
import { RoleStep } from './RoleStep'
import { SchoolStep } from './SchoolStep'
import { SensitiveStep } from './SensitiveStep'
import { useOnboarding, type Onboarding } from './useOnboarding'
import { guardianShareMessage } from './guardianShare'
import './index.css'

/** Why the app sent the user here (a server CONSENT_REQUIRED-style code), in the server's own kind words. */
function reasonText(reason: string | undefined): string | null {
  if (!reason || !(reason in errorMessages)) return null
  return errorMessages[reason as ErrorCode]
}

/** First run: privacy, sensitive data, role, age band, guardian (under 14), school. */
export default function OnboardingPage() {
  const flow = useOnboarding()
  const router = useRouter()
  const [declined, setDeclined] = useState(false)
  const reason = reasonText(router.params.reason)
  // The guardian invitation's share card (InviteGuardian sets the token it carries).
  useShareAppMessage(() => guardianShareMessage())

  return (
    <PageContainer loading={flow.remote.loading} ready={flow.me !== undefined} error={flow.remote.error} onRetry={flow.remote.reload}>
      <View className='onb'>
        {reason && !declined ? <Notice tone='warm'>{reason}</Notice> : null}
        {declined ? <DeclinedView onReconsider={() => setDeclined(false)} /> : <CurrentStep flow={flow} onDecline={() => setDeclined(true)} />}
        <QuickHelp />
      </View>
    </PageContainer>
  )
}

function CurrentStep({ flow, onDecline }: { flow: Onboarding; onDecline: () => void }) {
  switch (flow.step) {
    case 'privacy':
      return <PrivacyStep flow={flow} onDecline={onDecline} />
    case 'sensitive':
      return <SensitiveStep flow={flow} onDecline={onDecline} />
    case 'role':
      return <RoleStep flow={flow} />
    case 'age':
      return <AgeStep flow={flow} />
    case 'guardian':
      return <GuardianStep flow={flow} />
    case 'school':
      return <SchoolStep flow={flow} />
    default:
      return null
  }
}
