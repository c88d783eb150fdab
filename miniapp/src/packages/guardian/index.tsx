import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { currentConsentVersions, errorMessages, guardianRelationLabels, guardianRelations, type GuardianInvitationForGuardianView, type GuardianRelation } from '@xinyuan/shared'
import { useState } from 'react'
import { ActionButton } from '../../components/ActionButton'
import { ChoiceList, type Choice } from '../../components/ChoiceList'
import { EmergencyStrip } from '../../components/EmergencyStrip'
import { Notice } from '../../components/Notice'
import { PageContainer } from '../../components/PageContainer'
import { guardianText, privacyText } from '../../content/consentTexts'
import { useRemote } from '../../hooks/useRemote'
import { ConsentPoints } from '../../pages/onboarding/ConsentPoints'
import { ActionError } from '../../pages/onboarding/ActionError'
import { answerGuardianInvitation, getMe, giveConsent, openGuardianInvitation, updateProfile } from '../../services/me'
import './index.css'

const relationChoices: ReadonlyArray<Choice<GuardianRelation>> = guardianRelations.map((relation) => ({ value: relation, label: guardianRelationLabels[relation] }))

/**
 * The guardian's side of an invitation, opened from the child's share card (or link) in the guardian's own
 * WeChat: what they are asked, plainly, then 同意 or 暂不同意. Someone new here becomes a parent account
 * when they answer, and reads the privacy notice on this page: agreeing records their own privacy consent
 * first (the server takes no confirmation without it). The child's own account is refused by the server.
 */
export default function GuardianConsentPage() {
  const { params } = useRouter()
  const token = params.token ?? ''
  const invitation = useRemote(() => openGuardianInvitation(token, { toast: false }), { skip: token === '' })
  const me = useRemote(() => getMe({ toast: false }), { skip: token === '' })
  // Until we know, the notice is shown: reading it twice does no harm, missing it would.
  const needsPrivacy = me.data ? me.data.missingConsents.includes('privacy') : true
  const [relation, setRelation] = useState<GuardianRelation | null>(null)
  const [answered, setAnswered] = useState<GuardianInvitationForGuardianView | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const [hint, setHint] = useState<string | null>(null)

  async function answer(confirm: boolean) {
    if (confirm && !relation) return setHint('请先选择您和孩子的关系。')
    setHint(null)
    setBusy(true)
    setError(null)
    try {
      const current = await getMe({ toast: false })
      if (confirm && current.missingConsents.includes('privacy')) await giveConsent({ kind: 'privacy', version: currentConsentVersions.privacy }, { toast: false })
      if (current.role === null) await updateProfile({ role: 'parent', ageBand: '18_plus' }, { toast: false })
      setAnswered(await answerGuardianInvitation(token, confirm ? { confirm: true, guardianRelation: relation! } : { confirm: false }, { toast: false }))
    } catch (caught) {
      setError(caught)
    } finally {
      setBusy(false)
    }
  }

  const view = answered ?? invitation.data
  return (
    <PageContainer missingLink={token === ''} loading={invitation.loading} ready={view !== undefined} error={invitation.error} onRetry={invitation.reload}>
      {view ? (
        <View className='onb'>
          {view.status === 'confirmed' ? (
            <Notice tone='calm' title='谢谢您'>{`您已同意孩子（心援里的昵称：${view.childAlias}）使用心援。孩子的手机上会自动显示。`}</Notice>
          ) : view.status === 'declined' ? (
            <Notice tone='warm' title='已记录您暂不同意'>孩子现在还不能使用在线咨询和写信。如果改变主意，请孩子重新发一份邀请。遇到紧急情况，请拨打下面的电话。</Notice>
          ) : view.status === 'expired' ? (
            <Notice tone='warm'>{errorMessages.GUARDIAN_INVITATION_EXPIRED}</Notice>
          ) : view.status === 'cancelled' ? (
            <Notice tone='warm'>孩子已经发了一份新的邀请，请打开最新的那一份。</Notice>
          ) : (
            <View>
              <Text className='onb-label'>{`孩子（心援里的昵称：${view.childAlias}）请您确认：`}</Text>
              <ConsentPoints text={guardianText} />
              <Text className='onb-label'>您是孩子的：</Text>
              <ChoiceList choices={relationChoices} value={relation} onChange={setRelation} disabled={busy} />
              {needsPrivacy ? (
                <View>
                  <Text className='onb-label'>您第一次使用心援，同意之前也请了解我们怎样保护您和孩子的信息：</Text>
                  <ConsentPoints text={privacyText} />
                </View>
              ) : null}
              {hint ? <Notice tone='warm'>{hint}</Notice> : null}
              <ActionError error={error} />
              <ActionButton busy={busy} onClick={() => void answer(true)}>
                {needsPrivacy ? '我已了解隐私说明，是孩子的监护人，同意' : '我是孩子的监护人，同意'}
              </ActionButton>
              <ActionButton variant='quiet' disabled={busy} onClick={() => void answer(false)}>
                暂不同意
              </ActionButton>
            </View>
          )}
          <EmergencyStrip />
        </View>
      ) : null}
    </PageContainer>
  )
}
