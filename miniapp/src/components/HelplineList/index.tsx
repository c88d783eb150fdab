import { Text, View } from '@tarojs/components'
import { fallbackHelplines } from '@xinyuan/shared'
import { callNumber } from '../../services/phone'
import './index.css'

export interface Helpline {
  number: string
  name: string
  note: string
}

interface HelplineListProps {
  /** Defaults to the national lines, which are built in so they show even offline. */
  lines?: ReadonlyArray<Helpline>
  title?: string
}

/** Phone lines with tap-to-call. Each row is a large target and shows the number itself too. */
export function HelplineList({ lines = fallbackHelplines, title = '随时可以拨打的求助电话' }: HelplineListProps) {
  return (
    <View className='xy-helplines'>
      <Text className='xy-helplines__title'>{title}</Text>
      {lines.map((line) => (
        <View
          key={line.number}
          className='xy-helpline'
          hoverClass='xy-helpline--pressed'
          onClick={() => void callNumber(line.number)}
        >
          <View className='xy-helpline__text'>
            <Text className='xy-helpline__name'>{line.name}</Text>
            <Text className='xy-helpline__note'>{line.note}</Text>
          </View>
          <View className='xy-helpline__call'>
            <Text className='xy-helpline__number'>{line.number}</Text>
            <Text className='xy-helpline__action'>拨打</Text>
          </View>
        </View>
      ))}
    </View>
  )
}
