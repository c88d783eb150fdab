import { Text, View } from '@tarojs/components'
import { emergencyLines } from '@xinyuan/shared'
import { callNumber } from '../../services/phone'
import './index.css'

/** 110 / 120, always one tap away, on every first screen. */
export function EmergencyStrip() {
  return (
    <View className='xy-emergency'>
      <Text className='xy-emergency__lead'>如果你或身边的人正有危险，请马上拨打：</Text>
      <View className='xy-emergency__lines'>
        {emergencyLines.map((line) => (
          <View
            key={line.number}
            className='xy-emergency__line'
            hoverClass='xy-emergency__line--pressed'
            onClick={() => void callNumber(line.number)}
          >
            <Text className='xy-emergency__number'>{line.number}</Text>
            <Text className='xy-emergency__name'>{line.name}</Text>
          </View>
        ))}
      </View>
    </View>
  )
}
