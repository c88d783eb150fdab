import { Text, View } from '@tarojs/components'
import type { HotlineStatusView } from '@xinyuan/shared'
import { callNumber } from '../../services/phone'
import { countyShortDateTime } from '../../services/countyTime'

/** Open or closed, hours, how many are waiting and the server's estimate, said plainly. */
export function HotlineStatusCard({ status }: { status: HotlineStatusView }) {
  return (
    <View className='hotline-status'>
      <View className='hotline-status__row'>
        <Text className={`hotline-status__badge hotline-status__badge--${staffedNow(status) ? 'open' : 'closed'}`}>{badgeText(status)}</Text>
        <Text className='hotline-status__hours'>{`开放时间：${status.hoursText}`}</Text>
      </View>
      <View className='hotline-status__number' onClick={() => void callNumber(status.hotlineNumber)}>
        <Text>{`热线号码 ${status.hotlineNumber}`}</Text>
      </View>
      {status.open ? <Text className='hotline-status__queue'>{queueLine(status)}</Text> : null}
      {!status.open && status.nextOpenAt ? <Text className='hotline-status__queue'>{`下次开放：${formatTime(status.nextOpenAt)}`}</Text> : null}
    </View>
  )
}

/** Open and somebody really there: only then does the page say 现在开放. */
export function staffedNow(status: HotlineStatusView): boolean {
  return status.open && status.counsellorsOnDuty > 0
}

function badgeText(status: HotlineStatusView): string {
  if (!status.open) return '现在休息中'
  return status.counsellorsOnDuty > 0 ? '现在开放' : '值班老师暂时不在线'
}

function queueLine(status: HotlineStatusView): string {
  // the badge above already says 值班老师暂时不在线
  if (status.counsellorsOnDuty === 0) return '现在排队，不能保证很快接通。'
  const waiting = status.waiting === 0 ? '现在没有人在排队' : `现在有 ${status.waiting} 位同学在排队`
  if (status.estimateMinutes === null) return `${waiting}。值班老师暂时都在忙，等待时间还说不准。`
  if (status.estimateMinutes <= 1) return `${waiting}，很快就能轮到你。`
  return `${waiting}，现在加入大约要等 ${status.estimateMinutes} 分钟。`
}

/** "9月3日 16:00" in county time. */
export function formatTime(iso: string): string {
  return countyShortDateTime(iso)
}
