import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { errorMessages, guardianRelationLabels, type GuardianInvitationView } from '@xinyuan/shared'
import { useEffect, useState } from 'react'
import { ActionButton } from '../../components/ActionButton'
import { Notice } from '../../components/Notice'
import { createGuardianInvitation, getMyGuardianInvitation } from '../../services/me'
import { ActionError } from './ActionError'
import { guardianSharePath, setSharedInvitation } from './guardianShare'

const pollMs = 3000

/** The H5 link a guardian opens in their own WeChat (the hash router of the H5 build). */
function h5Link(token: string): string {
  const origin = typeof location === 'undefined' ? '' : `${location.origin}${location.pathname}`
  return `${origin}#${guardianSharePath(token)}`
}

/**
 * The recommended way: the child sends a one-time invitation to the guardian's own WeChat (a share card
 * in the weapp; a link to copy in H5), then waits here; the screen moves on by itself once they confirm.
 */
export function InviteGuardian({ onConfirmed }: { onConfirmed: () => void }) {
  const [invitation, setInvitation] = useState<GuardianInvitationView | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)

  useEffect(() => () => setSharedInvitation(null), [])

  useEffect(() => {
    if (!invitation || invitation.status !== 'pending') return
    const timer = setInterval(() => {
      getMyGuardianInvitation(invitation.id, { toast: false })
        .then((latest) => {
          setInvitation((current) => (current ? { ...latest, token: current.token } : latest))
          if (latest.status === 'confirmed') onConfirmed()
        })
        .catch(() => undefined)
    }, pollMs)
    return () => clearInterval(timer)
  }, [invitation?.id, invitation?.status])

  async function create() {
    setBusy(true)
    setError(null)
    try {
      const created = await createGuardianInvitation({ toast: false })
      setSharedInvitation(created.token ?? null)
      setInvitation(created)
    } catch (caught) {
      setError(caught)
    } finally {
      setBusy(false)
    }
  }

  if (!invitation) {
    return (
      <View className='onb-invite'>
        <Text className='onb-label'>推荐：发给爸爸妈妈或其他监护人，请他们在自己的微信里确认。</Text>
        <ActionError error={error} />
        <ActionButton busy={busy} onClick={() => void create()}>
          发给家长确认
        </ActionButton>
      </View>
    )
  }

  const token = invitation.token ?? ''
  return (
    <View className='onb-invite'>
      {invitation.status === 'pending' ? (
        <View>
          <Notice tone='calm'>邀请已准备好，48 小时内有效，只能用一次。家长确认后，这里会自动往下走。</Notice>
          {process.env.TARO_ENV === 'weapp' ? (
            <ActionButton openType='share'>发给家长（微信）</ActionButton>
          ) : (
            <View>
              <Text className='onb-label'>把下面的链接发给家长，请他们用自己的微信打开：</Text>
              <Text className='onb-link' selectable>
                {h5Link(token)}
              </Text>
              <ActionButton variant='quiet' onClick={() => void Taro.setClipboardData({ data: h5Link(token) })}>
                复制链接
              </ActionButton>
            </View>
          )}
          <Text className='onb-waiting'>正在等家长确认…</Text>
        </View>
      ) : invitation.status === 'confirmed' ? (
        <Notice tone='calm'>{`${invitation.guardianRelation ? guardianRelationLabels[invitation.guardianRelation] : '家长'}已经同意了，谢谢你！`}</Notice>
      ) : (
        <View>
          <Notice tone='warm'>
            {invitation.status === 'declined' ? '家长这次没有同意。可以和家长聊一聊，也可以先打下面的热线电话。' : errorMessages.GUARDIAN_INVITATION_EXPIRED}
          </Notice>
          <ActionButton busy={busy} onClick={() => void create()}>
            重新发一份邀请
          </ActionButton>
        </View>
      )}
    </View>
  )
}
