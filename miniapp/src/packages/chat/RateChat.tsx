import { Text, Textarea, View } from '@tarojs/components'
import { useState } from 'react'
import { ActionButton } from '../../components/ActionButton'
import { describeError } from '../../services/apiError'
import { rateMyChat } from '../../services/chat'

const scores = [1, 2, 3, 4, 5] as const
const scoreHints = ['没有帮到我', '帮助不大', '还可以', '有帮助', '很有帮助']

/** After the chat: 1–5 and an optional comment. Skipping is always fine. */
export function RateChat({ conversationId, onDone }: { conversationId: string; onDone: () => void }) {
  const [score, setScore] = useState<number | null>(null)
  const [comment, setComment] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [thanked, setThanked] = useState(false)

  const submit = async () => {
    if (score === null) return
    setBusy(true)
    setError(null)
    try {
      await rateMyChat(conversationId, comment.trim() ? { score, comment: comment.trim() } : { score }, { toast: false })
      setThanked(true)
    } catch (caught) {
      setError(describeError(caught))
    } finally {
      setBusy(false)
    }
  }

  if (thanked) {
    return (
      <View className='chat-rate'>
        <Text className='chat-rate__title'>谢谢你的评价！</Text>
        <ActionButton onClick={onDone}>好的</ActionButton>
      </View>
    )
  }
  return (
    <View className='chat-rate'>
      <Text className='chat-rate__title'>这次聊天对你有帮助吗？</Text>
      <View className='chat-rate__scores'>
        {scores.map((value) => (
          <View key={value} className={`chat-rate__score ${score === value ? 'chat-rate__score--on' : ''}`} onClick={() => setScore(value)}>
            <Text>{`${value}分`}</Text>
          </View>
        ))}
      </View>
      {score !== null ? <Text className='chat-rate__hint'>{scoreHints[score - 1]}</Text> : null}
      <Textarea className='chat-rate__comment' value={comment} maxlength={500} placeholder='想对我们说点什么吗？（可以不写）' onInput={(event) => setComment(event.detail.value)} />
      {error ? <Text className='chat-error'>{error}</Text> : null}
      <ActionButton disabled={score === null} busy={busy} onClick={() => void submit()}>
        提交评价
      </ActionButton>
      <ActionButton variant='quiet' onClick={onDone}>
        以后再说
      </ActionButton>
    </View>
  )
}
