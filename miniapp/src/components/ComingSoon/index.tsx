import { Text, View } from '@tarojs/components'
import type { HelpFeature } from '../../content/helpFeatures'
import { EmergencyStrip } from '../EmergencyStrip'
import { HelplineList } from '../HelplineList'
import { PageContainer } from '../PageContainer'
import './index.css'

/**
 * Placeholder for a help feature whose issue has not landed yet: says so plainly and gives the phone
 * lines meanwhile, so nobody who tapped "I need help" meets a dead end.
 */
export function ComingSoon({ feature }: { feature: HelpFeature }) {
  return (
    <PageContainer>
      <View className='xy-soon'>
        <Text className='xy-soon__badge'>即将开放</Text>
        <Text className='xy-soon__title'>{feature.title}</Text>
        <Text className='xy-soon__text'>{feature.comingSoon}</Text>
      </View>
      <EmergencyStrip />
      <HelplineList title='现在就可以拨打' />
    </PageContainer>
  )
}
