import { Text, Textarea, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { letterReplyMaxChars, newClientMessageId, type MyLetterView } from '@xinyuan/shared'
import { useEffect, useState } from 'react'
import { ActionButton } from '../../components/ActionButton'
import { EmergencyStrip } from '../../components/EmergencyStrip'
import { PageStates } from '../../components/PageContainer'
import { useRemote } from '../../hooks/useRemote'
import { describeError } from '../../services/apiError'
import { closeMyLetter, getMyLetter, remindMeOnLetterReply, replyMyLetter } from '../../services/letters'
import { letterReplyReminderAvailable, requestLetterReplyReminder } from '../../services/letterReplyReminder'

interface LetterThreadProps {
  letterId: string
  /** The mailbox's auto-acknowledgement right after sending. */
  acknowledgement?: string
  onBack: () => void
}

/** One letter: what I wrote, the thread with the teachers' replies, my answer, a reply reminder, close with thanks. */
export function LetterThread({ letterId, acknowledgement, onBack }: LetterThreadProps) {
  const remote = useRemote(() => getMyLetter(letterId, { toast: false }))
  const [letter, setLetter] = useState<MyLetterView | undefined>()
  const [reply, setReply] = useState('')
  const [replyId, setReplyId] = useState(() => newClientMessageId())
  const [closing, setClosing] = useState(false)
  const [thanks, setThanks] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const shown = letter ?? remote.data
  // the list or the form before it may have been scrolled far down: the letter starts at its top, with "‹ 我的信" in view
  useEffect(() => {
    void Promise.resolve(Taro.pageScrollTo({ scrollTop: 0, duration: 0 })).catch(() => undefined)
  }, [letterId])

  const act = async (work: () => Promise<MyLetterView>) => {
    setBusy(true)
    setError(null)
    try {
      setLetter(await work())
      return true
    } catch (caught) {
      setError(describeError(caught))
      return false
    } finally {
      setBusy(false)
    }
  }
  const sendReply = async () => {
    if (!reply.trim()) return
    // the same id is kept until the server answered, so a retry never sends it twice
    if (await act(() => replyMyLetter(letterId, { body: reply.trim(), clientMessageId: replyId }, { toast: false }))) {
      setReply('')
      setReplyId(newClientMessageId())
    }
  }
  const remind = async () => {
    const code = await requestLetterReplyReminder()
    if (code) await act(() => remindMeOnLetterReply(letterId, { code }, { toast: false }))
  }

  return (
    <View className='letter-thread'>
      <View className='letter-bar'>
        <Text className='letter-back' onClick={onBack}>
          ‹ 我的信
        </Text>
        {shown ? <Text className={`letter-item__status letter-status--${shown.status}`}>{shown.statusLabel}</Text> : null}
      </View>
      <PageStates loading={remote.loading} ready={shown !== undefined} error={remote.error} onRetry={remote.reload}>
        {shown ? (
          <View>
            {/* the mailbox's own words ("信已经收到了…"): a "信已经寄出。" before them said the same twice */}
            {acknowledgement ? <Text className='letter-ack'>{acknowledgement}</Text> : null}
            <View className='letter-paper'>
              <Text className='letter-paper__to'>{`写给：${shown.mailboxName}`}</Text>
              <Text className='letter-paper__subject'>{shown.subject}</Text>
              <Text className='letter-paper__body' userSelect>
                {shown.body}
              </Text>
            </View>
            {(shown.messages ?? [])
              .filter((line) => line.from !== 'system' || !acknowledgement)
              .map((line) => (
                <View key={line.seq} className={`letter-line letter-line--${line.from}`}>
                  <Text className='letter-line__who'>{line.from === 'me' ? '我' : line.from === 'teacher' ? '老师的回信' : '信箱'}</Text>
                  <Text className='letter-line__body' userSelect>
                    {line.body}
                  </Text>
                </View>
              ))}
            {shown.status === 'closed' ? (
              <Text className='letter-empty'>这封信已经结束了。还想说的话，随时可以再写一封。</Text>
            ) : closing ? (
              <View className='letter-compose'>
                <Text className='letter-label'>想对老师说一句吗？（可以不写）</Text>
                <Textarea className='letter-textarea' value={thanks} maxlength={500} placeholder='谢谢老师……' onInput={(event) => setThanks(event.detail.value)} />
                <ActionButton busy={busy} onClick={() => void act(() => closeMyLetter(letterId, thanks.trim() ? { thanks: thanks.trim() } : {}, { toast: false }))}>
                  结束这封信
                </ActionButton>
                <ActionButton variant='quiet' onClick={() => setClosing(false)}>
                  再想想
                </ActionButton>
              </View>
            ) : (
              <View className='letter-compose'>
                <Textarea id='letter-reply' className='letter-textarea' value={reply} maxlength={letterReplyMaxChars} placeholder='在这封信里接着写' onInput={(event) => setReply(event.detail.value)} />
                <ActionButton id='letter-reply-send' busy={busy} disabled={!reply.trim()} onClick={() => void sendReply()}>
                  寄出回复
                </ActionButton>
                {letterReplyReminderAvailable() && !shown.replyReminder ? (
                  <ActionButton variant='secondary' onClick={() => void remind()}>
                    老师回信时微信提醒我（一次）
                  </ActionButton>
                ) : null}
                {shown.replyReminder ? <Text className='letter-note'>老师回信时，会通过微信服务通知提醒你一次。</Text> : null}
                <ActionButton variant='quiet' onClick={() => setClosing(true)}>
                  问题解决了，结束这封信
                </ActionButton>
              </View>
            )}
            {error ? <Text className='letter-error'>{error}</Text> : null}
          </View>
        ) : null}
      </PageStates>
      <EmergencyStrip />
    </View>
  )
}
