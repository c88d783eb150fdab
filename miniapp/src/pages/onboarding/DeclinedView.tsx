import { Text, View } from '@tarojs/components'
import { ActionButton } from '../../components/ActionButton'
import { EmergencyStrip } from '../../components/EmergencyStrip'
import { HelplineList } from '../../components/HelplineList'
import { Notice } from '../../components/Notice'

/** After "暂不同意": no pressure, and the phone lines work without any consent at all. */
export function DeclinedView({ onReconsider }: { onReconsider: () => void }) {
  return (
    <View>
      <Notice title='没关系，这是你的选择' tone='calm'>
        <Text>
          不同意的话，在线咨询和写信暂时用不了，因为它们需要保存你写下的内容。但下面这些电话不需要任何授权，随时都可以打。
        </Text>
      </Notice>
      <EmergencyStrip />
      <HelplineList />
      <ActionButton variant='secondary' onClick={onReconsider}>
        我想再看看说明
      </ActionButton>
    </View>
  )
}
