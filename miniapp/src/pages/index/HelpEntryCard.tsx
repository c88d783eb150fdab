import { Text, View } from '@tarojs/components'
import type { HelpFeature } from '../../content/helpFeatures'

interface HelpEntryCardProps {
  feature: HelpFeature
  onOpen: (feature: HelpFeature) => void
}

/** One big "I need help now" entry: the whole card is the tap target. */
export function HelpEntryCard({ feature, onOpen }: HelpEntryCardProps) {
  return (
    <View className={`home-entry home-entry--${feature.key}`} hoverClass='home-entry--pressed' onClick={() => onOpen(feature)}>
      <View className='home-entry__icon'>
        <Text>{feature.icon}</Text>
      </View>
      <View className='home-entry__text'>
        <Text className='home-entry__title'>{feature.title}</Text>
        <Text className='home-entry__subtitle'>{feature.subtitle}</Text>
      </View>
      <Text className='home-entry__chevron'>›</Text>
    </View>
  )
}
