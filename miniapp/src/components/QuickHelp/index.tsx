import { Text, View } from '@tarojs/components'
import { callNumber } from '../../services/phone'
import './index.css'

const quickLines = [
  { number: '12356', label: '12356 心理援助' },
  { number: '110', label: '110' },
  { number: '120', label: '120' },
] as const

/** One quiet line at the bottom of the first-run steps: help by phone never waits for a form. */
export function QuickHelp() {
  return (
    <View className='xy-quick-help'>
      <Text className='xy-quick-help__lead'>现在就需要帮助？直接拨打：</Text>
      <View className='xy-quick-help__lines'>
        {quickLines.map((line) => (
          <View key={line.number} className='xy-quick-help__line' hoverClass='xy-quick-help__line--pressed' onClick={() => void callNumber(line.number)}>
            <Text>{line.label}</Text>
          </View>
        ))}
      </View>
    </View>
  )
}
