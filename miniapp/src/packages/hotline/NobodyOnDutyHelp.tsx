import { Text, View } from '@tarojs/components'
import { emergencyLines, fallbackHelplines } from '@xinyuan/shared'
import { callNumber } from '../../services/phone'

/** The 24-hour lines first: 12356 and 110 / 120. Shown at the top when nobody on our line can answer now. */
const aroundTheClock = [fallbackHelplines[0], ...emergencyLines]

/** Said first, before anything about queues: nobody is on duty, and here is who answers right now. */
export function NobodyOnDutyHelp({ lead }: { lead: string }) {
  return (
    <View className='hotline-nobody' data-testid='nobody-on-duty-help'>
      <Text className='hotline-nobody__lead'>{lead}</Text>
      {aroundTheClock.map((line) => (
        <View key={line.number} className='hotline-nobody__line' hoverClass='hotline-nobody__line--pressed' onClick={() => void callNumber(line.number)}>
          <Text className='hotline-nobody__number'>{line.number}</Text>
          <Text className='hotline-nobody__name'>{`${line.name}（${line.note}）`}</Text>
        </View>
      ))}
    </View>
  )
}

export const nobodyOnDutyLead = '现在没有老师在线值班，热线这边暂时没人能马上接听。如果你现在觉得不安全，请先拨打下面的电话，它们 24 小时都有人接听：'
