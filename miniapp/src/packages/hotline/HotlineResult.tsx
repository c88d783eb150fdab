import { Text, View } from '@tarojs/components'
import type { CallerTicketView } from '@xinyuan/shared'
import { ActionButton } from '../../components/ActionButton'
import { Notice } from '../../components/Notice'
import { OtherWays } from '../../components/OtherWays'
import { describeWindow } from './windowText'

/**
 * How the ticket ended, in plain words. A missed ticket says what really happened (calls tried, nobody
 * free to call in the chosen time, or an "I'll call" number that expired), never blames, and offers other ways.
 */
export function HotlineResult({ ticket, onDone }: { ticket: CallerTicketView; onDone: () => void }) {
  const missed = ticket.status === 'missed' || ticket.status === 'invalid'
  return (
    <View className='hotline-result'>
      <Notice tone={missed ? 'warm' : 'calm'} title={title(ticket)}>
        <Text>{body(ticket)}</Text>
      </Notice>
      <ActionButton onClick={onDone}>{missed || ticket.status === 'cancelled' ? '重新排队' : '完成'}</ActionButton>
      {missed ? <OtherWays title='我们很想听你说，也可以这样找到我们' offer={['chat', 'letters']} /> : null}
    </View>
  )
}

function title(ticket: CallerTicketView): string {
  if (ticket.status === 'completed') return '通话已经完成'
  if (ticket.status === 'cancelled') return '你已经取消了排队'
  if (ticket.status === 'invalid') return '这个号码好像打不通'
  if (ticket.attempts > 0) return '这次没能联系上你'
  if (ticket.kind === 'inbound') return '这个排队号已经过期了'
  return '抱歉，这次没能按时给你回电'
}

function body(ticket: CallerTicketView): string {
  if (ticket.status === 'completed') return '谢谢你愿意打来。想再聊的时候，随时可以再来排队。'
  if (ticket.status === 'cancelled') return '没关系，需要的时候随时可以再来。'
  if (ticket.status === 'invalid') return '老师没能用你留下的号码打通。可以检查一下号码再排一次，或者用下面的方式找我们。'
  const window = ticket.window ? describeWindow(ticket.window) : null
  if (ticket.attempts > 0) return `老师${window ? `在 ${window} 之间，` : ''}用 ${ticket.hotlineNumber} 给你打了电话，但没能接通。这不是你的错，可能只是刚好没听到。`
  if (ticket.kind === 'inbound') return `排队号 ${ticket.number} 过了有效时间，已经自动失效了。没关系，想和老师通话的话，重新排队就能领一个新号。`
  return `真的很抱歉，${window ? `在你选的 ${window} 之间，` : ''}我们没能安排老师给你打电话。这是我们的问题，不是你的错。你可以重新排队，或者先用下面的方式找我们。`
}
