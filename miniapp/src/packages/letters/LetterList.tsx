import { Text, View } from '@tarojs/components'
import type { MyLetterView } from '@xinyuan/shared'
import type { OutboxLetter } from '../../services/letterOutbox'
import { countyDate } from '../../services/countyTime'

interface LetterListProps {
  letters: MyLetterView[]
  pending: OutboxLetter[]
  onOpen: (letter: MyLetterView) => void
}

/** My letters with their status, and letters still waiting in the outbox (written, not yet sent). */
export function LetterList({ letters, pending, onOpen }: LetterListProps) {
  return (
    <View>
      {pending.length > 0 ? <Text className='letter-section'>还没寄出去的信</Text> : null}
      {pending.map((entry) => (
        <View key={entry.letter.clientSubmitId} className='letter-item letter-item--pending'>
          <Text className='letter-item__subject'>{entry.letter.subject}</Text>
          <Text className='letter-item__status'>等网络好了会自动寄出</Text>
        </View>
      ))}
      <Text className='letter-section'>我的信</Text>
      {letters.length === 0 ? <Text className='letter-empty'>还没有写过信。想说的话，随时都可以写下来。</Text> : null}
      {letters.map((letter) => (
        <View key={letter.id} className='letter-item' hoverClass='letter-item--pressed' onClick={() => onOpen(letter)}>
          <View className='letter-item__row'>
            <Text className='letter-item__subject'>{letter.subject}</Text>
            <Text className={`letter-item__status letter-status--${letter.status}`}>{letter.statusLabel}</Text>
          </View>
          <Text className='letter-item__meta'>{`${letter.mailboxName} · ${countyDate(letter.createdAt)}`}</Text>
        </View>
      ))}
    </View>
  )
}
