import { Input, Text, Textarea, View } from '@tarojs/components'
import { letterBodyMaxChars, letterCategories, letterCategoryLabels, letterSubjectMaxChars, letterTargetLabels, newClientMessageId, type LetterBoxOptionsView, type LetterTarget } from '@xinyuan/shared'
import { useEffect, useState } from 'react'
import { ActionButton } from '../../components/ActionButton'
import { EmergencyStrip } from '../../components/EmergencyStrip'
import { HelplineList } from '../../components/HelplineList'
import { Notice } from '../../components/Notice'
import { describeError } from '../../services/apiError'
import { letterDraftStore, sendThroughOutbox, type LetterDraft } from '../../services/letterOutbox'

interface LetterWriteProps {
  boxes: LetterBoxOptionsView
  alias: string | null
  onSent: (letterId: string, acknowledgement: string) => void
  onCancel: () => void
}

/**
 * Write a letter: to my school (default), my area's teachers or the county centre; honest expectations
 * before sending (who reads it, how many working days, not watched at night) and the crisis numbers beside
 * the send button. The draft is kept on the device as it is typed; sending goes through the outbox, so a
 * failed send never loses the letter.
 */
export function LetterWrite({ boxes, alias, onSent, onCancel }: LetterWriteProps) {
  const [draft, setDraft] = useState<LetterDraft>(() => letterDraftStore.get())
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [kept, setKept] = useState(false)
  const [submitId] = useState(() => newClientMessageId())
  useEffect(() => letterDraftStore.set(draft), [draft])
  const update = (change: Partial<LetterDraft>) => setDraft((current) => ({ ...current, ...change }))
  const option = boxes.options.find((candidate) => candidate.target === draft.target)
  const ready = draft.subject.trim() !== '' && draft.body.trim() !== '' && option?.available === true

  const send = async () => {
    if (!ready) return
    setBusy(true)
    setError(null)
    const outcome = await sendThroughOutbox({
      target: draft.target,
      subject: draft.subject.trim(),
      body: draft.body.trim(),
      ...(draft.category ? { category: draft.category } : {}),
      ...(draft.contactPreference.trim() ? { contactPreference: draft.contactPreference.trim() } : {}),
      keepFromSchool: draft.target !== 'school' && draft.keepFromSchool,
      clientSubmitId: submitId,
    })
    setBusy(false)
    if (outcome.sent) {
      letterDraftStore.clear()
      onSent(outcome.letterId, outcome.acknowledgement)
    } else {
      setKept(outcome.kept)
      setError(outcome.kept ? '网络不太好，信还没寄出去。别担心，它已经存在手机里了，联网后打开这里会自动再寄。' : describeError(outcome.error))
    }
  }

  return (
    <View className='letter-write'>
      <Text className='letter-title'>写一封信</Text>
      <Text className='letter-lead'>{`不用写名字。老师只会看到你的化名${alias ? `“${alias}”` : ''}，看不到你的微信和电话。`}</Text>

      <Text className='letter-label'>写给谁</Text>
      <View className='letter-choices'>
        {boxes.options.map((candidate) => (
          <View
            key={candidate.target}
            id={`letter-target-${candidate.target}`}
            className={`letter-choice ${candidate.target === draft.target ? 'letter-choice--on' : ''} ${candidate.available ? '' : 'letter-choice--off'}`}
            onClick={() => candidate.available && update({ target: candidate.target as LetterTarget })}
          >
            <Text>{letterTargetLabels[candidate.target]}</Text>
          </View>
        ))}
      </View>
      {option ? (
        <Notice title='寄出之前，想让你知道'>
          <Text className='letter-expect'>{option.available ? `读信的是：${option.readers}。` : '还没有选学校，所以暂时不能写给学校或片区老师，可以写给县心理健康中心。'}</Text>
          {option.available ? <Text className='letter-expect'>{`通常 ${option.replyWorkingDays} 个工作日内回复。`}</Text> : null}
          {option.routedOnward ? <Text className='letter-expect'>{`你们学校还没有开通信箱，这封信会寄到“${option.mailboxName ?? ''}”。`}</Text> : null}
          {option.outOfTermNotice ? <Text className='letter-expect'>{option.outOfTermNotice}</Text> : null}
          <Text className='letter-expect'>{boxes.notWatchedNotice}</Text>
        </Notice>
      ) : null}
      {draft.target !== 'school' ? (
        <View className='letter-check' onClick={() => update({ keepFromSchool: !draft.keepFromSchool })}>
          <Text className={`letter-check__box ${draft.keepFromSchool ? 'letter-check__box--on' : ''}`}>{draft.keepFromSchool ? '✓' : ''}</Text>
          <Text>不要让我们学校的老师看到这封信</Text>
        </View>
      ) : null}

      <Text className='letter-label'>标题</Text>
      <Input id='letter-subject' className='letter-input' value={draft.subject} maxlength={letterSubjectMaxChars} placeholder='一句话说说是什么事' onInput={(event) => update({ subject: event.detail.value })} />
      <Text className='letter-label'>想说的话</Text>
      <Textarea id='letter-body' className='letter-textarea' value={draft.body} maxlength={letterBodyMaxChars} placeholder='慢慢写，写多写少都可以' onInput={(event) => update({ body: event.detail.value })} />
      <Text className='letter-label'>大概是关于（可以不选）</Text>
      <View className='letter-choices'>
        {letterCategories.map((category) => (
          <View key={category} className={`letter-chip ${draft.category === category ? 'letter-chip--on' : ''}`} onClick={() => update({ category: draft.category === category ? undefined : category })}>
            <Text>{letterCategoryLabels[category]}</Text>
          </View>
        ))}
      </View>
      <Text className='letter-label'>老师可以怎么联系你（可以不填）</Text>
      <Input className='letter-input' value={draft.contactPreference} maxlength={200} placeholder='比如：只在信里回复我就好' onInput={(event) => update({ contactPreference: event.detail.value })} />

      <EmergencyStrip />
      <HelplineList title='现在就很难受的话，可以马上拨打' />
      <ActionButton id='letter-send' busy={busy} disabled={!ready} onClick={() => void send()}>
        {kept ? '再寄一次' : '寄出这封信'}
      </ActionButton>
      {error ? <Text className='letter-error'>{error}</Text> : null}
      <ActionButton variant='quiet' onClick={onCancel}>
        先不寄（草稿会留在手机里）
      </ActionButton>
    </View>
  )
}
