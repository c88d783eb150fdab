import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { CallerTicketView } from '@xinyuan/shared'
import { useEffect, useState } from 'react'
import { ActionButton } from '../../components/ActionButton'
import { EmergencyStrip } from '../../components/EmergencyStrip'
import { describeError } from '../../services/apiError'
import { cancelTicket } from '../../services/hotline'
import { callNumber } from '../../services/phone'
import { describeWindow } from './windowText'
import { formatTime } from './HotlineStatusCard'
import { NobodyOnDutyHelp, nobodyOnDutyLead } from './NobodyOnDutyHelp'

interface HotlineWaitingProps {
  ticket: CallerTicketView
  onChange: (ticket: CallerTicketView) => void
}

/** Live position and estimate (pushed by the server), the number to quote, and cancel at any time. */
export function HotlineWaiting({ ticket, onChange }: HotlineWaitingProps) {
  const [busy, setBusy] = useState(false)
  const [confirm, setConfirm] = useState(false)
  const [error, setError] = useState<string | null>(null)
  // joined from the bottom of the form: the number and what happens next start at the top of the page
  useEffect(() => {
    void Promise.resolve(Taro.pageScrollTo({ scrollTop: 0, duration: 0 })).catch(() => undefined)
  }, [ticket.id])

  const cancel = async () => {
    setBusy(true)
    setError(null)
    try {
      onChange(await cancelTicket(ticket.id, { toast: false }))
    } catch (caught) {
      setError(describeError(caught))
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='hotline-waiting'>
      {ticket.nobodyOnDuty && ticket.status === 'waiting' ? <NobodyOnDutyHelp lead={nobodyOnDutyLead} /> : null}
      <Text className='hotline-waiting__label'>你的排队号</Text>
      <Text className='hotline-waiting__number'>{ticket.number}</Text>
      {ticket.kind === 'callback' && ticket.window && ticket.status === 'waiting' ? (
        <Text className='hotline-waiting__promise'>{callbackPromise(ticket, ticket.window)}</Text>
      ) : null}
      <Text className='hotline-waiting__line'>{headline(ticket)}</Text>
      {ticket.estimateMinutes !== null && ticket.status === 'waiting' ? <Text className='hotline-waiting__hint'>{`预计还要等大约 ${ticket.estimateMinutes} 分钟`}</Text> : null}
      {ticket.kind === 'inbound' && ticket.status === 'waiting' ? (
        <View className='hotline-waiting__dial' onClick={() => void callNumber(ticket.hotlineNumber)}>
          <Text>{`拨打 ${ticket.hotlineNumber}，接通后告诉老师你的排队号 ${ticket.number}`}</Text>
        </View>
      ) : null}
      <Text className='hotline-waiting__hint'>这个页面可以关掉，排到你时我们会更新进度。如果等不了，也可以随时取消。</Text>
      {confirm ? (
        <View className='hotline-waiting__confirm'>
          <Text className='hotline-waiting__hint'>确定不排了吗？以后需要时随时可以再来。</Text>
          <ActionButton variant='secondary' busy={busy} onClick={() => void cancel()}>
            确定取消
          </ActionButton>
          <ActionButton variant='quiet' onClick={() => setConfirm(false)}>
            继续等
          </ActionButton>
        </View>
      ) : (
        <ActionButton variant='quiet' onClick={() => setConfirm(true)}>
          取消排队
        </ActionButton>
      )}
      {error ? <Text className='hotline-error'>{error}</Text> : null}
      <EmergencyStrip />
    </View>
  )
}

/** With nobody on duty no one can promise a call in the window: it says what was booked and who will call. */
function callbackPromise(ticket: CallerTicketView, window: NonNullable<CallerTicketView['window']>): string {
  if (ticket.nobodyOnDuty) return `你选的回电时间是 ${describeWindow(window)}。老师上线后，会用 ${ticket.hotlineNumber} 这个号码给你回电。`
  return `一位老师将在 ${describeWindow(window)} 之间，用 ${ticket.hotlineNumber} 这个号码给你回电。`
}

function headline(ticket: CallerTicketView): string {
  if (ticket.status === 'claimed') return ticket.kind === 'callback' ? `老师已经在准备给你回电了，请留意 ${ticket.hotlineNumber} 的来电。` : '老师已经接起了，请保持电话畅通。'
  // scheduled: a booked window not begun yet (the promise line above gives it), or a retry after "no answer"
  if (ticket.scheduledFor && ticket.attempts === 0 && ticket.window) return '到了你选的时间段，你就会排进队伍。'
  if (ticket.scheduledFor) return `我们会在 ${formatTime(ticket.scheduledFor)} 左右再给你打过去。`
  // before the window test: a window that has begun is in the queue, only its position is hidden while nobody is on duty
  if (ticket.nobodyOnDuty) return '你的排队号已经留好了。老师一上线，会先联系排在前面的同学。'
  if (ticket.position === null && ticket.window) return '到了你选的时间段，你就会排进队伍。'
  // not "下一位就是你": a caller who feels unsafe is put ahead of everyone
  if (ticket.position === 1) return '你现在排在第一位。'
  if (ticket.position !== null) return `你前面还有 ${ticket.position - 1} 位同学。`
  return '正在为你排队。'
}
