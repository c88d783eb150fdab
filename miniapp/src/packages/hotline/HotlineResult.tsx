import { Text, View } from '@tarojs/components'
import type { CallerTicketView } from '@xinyuan/shared'
import { ActionButton } from '../../components/ActionButton'
import { Notice } from '../../components/Notice'
import { OtherWays } from '../../components/OtherWays'
import { describeWindow } from './callbackWindows'

/** How the ticket ended, in plain words; a missed call gets a kind message and other ways. */
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
  return '这次没能联系上你'
}

function body(ticket: CallerTicketView): string {
  if (ticket.status === 'completed') return '谢谢你愿意打来。想再聊的时候，随时可以再来排队。'
  if (ticket.status === 'cancelled') return '没关系，需要的时候随时可以再来。'
  if (ticket.status === 'invalid') return '老师没能用你留下的号码打通。可以检查一下号码再排一次，或者用下面的方式找我们。'
  const window = ticket.window ? `在 ${describeWindow(ticket.window)} 之间，` : ''
  return `老师${window}用 ${ticket.hotlineNumber} 给你打了电话，但没能接通。这不是你的错，可能只是刚好没听到。`
}
