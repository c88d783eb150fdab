import { Text, View } from '@tarojs/components'
import type { ConsentText } from '../../content/consentTexts'

/** The numbered points of a consent text, each short enough to read on one screen. */
export function ConsentPoints({ text }: { text: ConsentText }) {
  return (
    <View className='onb-points'>
      {text.points.map((point) => (
        <View key={point.title} className='onb-point'>
          <Text className='onb-point__title'>{point.title}</Text>
          <Text className='onb-point__text'>{point.text}</Text>
        </View>
      ))}
    </View>
  )
}
