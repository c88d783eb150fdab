import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { ActionButton } from '../../components/ActionButton'
import { EmergencyStrip } from '../../components/EmergencyStrip'
import { PageContainer } from '../../components/PageContainer'
import { useRemote } from '../../hooks/useRemote'
import { getMe } from '../../services/me'
import { listMyLetterBoxes, listMyLetters } from '../../services/letters'
import { flushLetterOutbox, letterOutbox } from '../../services/letterOutbox'
import { awaitsGuardian } from '../../pages/onboarding/steps'
import { LettersGuardianFirst } from './LettersGuardianFirst'
import { LetterList } from './LetterList'
import { LetterThread } from './LetterThread'
import { LetterWrite } from './LetterWrite'
import './index.css'

type Screen = { kind: 'home' } | { kind: 'write' } | { kind: 'letter'; id: string; acknowledgement?: string }

/**
 * 心理信箱: my letters (and any still in the outbox, resent on open), write a new one, read a letter's
 * thread. Opened from a WeChat reply reminder with ?letter=<id>, it shows that letter. An under-14
 * waiting for a guardian's consent is offered the phone instead of a form the server would refuse.
 */
export default function LettersPage() {
  const opened = Taro.getCurrentInstance().router?.params?.letter
  const [screen, setScreen] = useState<Screen>(opened ? { kind: 'letter', id: opened } : { kind: 'home' })
  const [pending, setPending] = useState(() => letterOutbox.pending())
  const letters = useRemote(async () => {
    await flushLetterOutbox().catch(() => 0)
    setPending(letterOutbox.pending())
    return listMyLetters({ toast: false })
  })
  const me = useRemote(() => getMe({ toast: false }))
  const boxes = useRemote(() => listMyLetterBoxes({ toast: false }))
  const reload = async () => {
    await Promise.all([letters.reload(), me.reload(), boxes.reload()])
  }
  useEffect(() => {
    if (screen.kind === 'home') void letters.reload()
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [screen.kind])

  const guardianFirst = me.data !== undefined && awaitsGuardian(me.data)
  return (
    <PageContainer loading={letters.loading} ready={letters.data !== undefined} error={letters.error} onRetry={reload}>
      {screen.kind === 'letter' ? <LetterThread letterId={screen.id} acknowledgement={screen.acknowledgement} onBack={() => setScreen({ kind: 'home' })} /> : null}
      {screen.kind === 'write' && boxes.data ? (
        <LetterWrite boxes={boxes.data} alias={me.data?.alias ?? null} onSent={(id, acknowledgement) => setScreen({ kind: 'letter', id, acknowledgement })} onCancel={() => setScreen({ kind: 'home' })} />
      ) : null}
      {screen.kind === 'home' ? (
        <View>
          {guardianFirst ? (
            <LettersGuardianFirst />
          ) : (
            <ActionButton id='letter-write' disabled={!boxes.data} onClick={() => setScreen({ kind: 'write' })}>
              写一封信
            </ActionButton>
          )}
          <LetterList letters={letters.data ?? []} pending={pending} onOpen={(letter) => setScreen({ kind: 'letter', id: letter.id })} />
          <EmergencyStrip />
        </View>
      ) : null}
    </PageContainer>
  )
}
