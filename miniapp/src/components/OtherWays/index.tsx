import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { pagePaths } from '../../navigation'
import { EmergencyStrip } from '../EmergencyStrip'
import { HelplineList, type Helpline } from '../HelplineList'
import './index.css'

interface OtherWaysProps {
  title?: string
  lines?: ReadonlyArray<Helpline>
  /** Which of our own services to offer besides the phone lines. */
  offer?: ReadonlyArray<'hotline' | 'chat' | 'letters'>
}

const services = {
  hotline: { label: '排队请热线老师回电', path: pagePaths.hotline },
  chat: { label: '在线文字聊天', path: pagePaths.chat },
  letters: { label: '给学校心理老师写信', path: pagePaths.letters },
} as const

/** "Never a dead end": other services in the app, the phone lines, and 110/120. */
export function OtherWays({ title = '你还可以这样找到我们', lines, offer = ['chat', 'letters'] }: OtherWaysProps) {
  return (
    <View className='xy-other-ways'>
      <Text className='xy-other-ways__title'>{title}</Text>
      {offer.map((key) => (
        <View key={key} className='xy-other-ways__service' hoverClass='xy-other-ways__service--pressed' onClick={() => void Taro.navigateTo({ url: services[key].path })}>
          <Text>{services[key].label}</Text>
          <Text className='xy-other-ways__arrow'>›</Text>
        </View>
      ))}
      <HelplineList lines={lines} title='随时可以拨打' />
      <EmergencyStrip />
    </View>
  )
}
