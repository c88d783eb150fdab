import { Text, View } from '@tarojs/components'
import { guardianRelationLabels, type ConsentKind, type ConsentView } from '@xinyuan/shared'
import { formatDateTime } from './formatDate'

const consentLabels: Record<ConsentKind, string> = {
  privacy: '隐私政策',
  sensitive: '敏感个人信息处理',
  guardian: '监护人同意',
}

/** Which agreements the user gave, which version, and when. */
export function ConsentRecords({ consents }: { consents: ConsentView[] }) {
  if (consents.length === 0) return <Text className='me-muted'>你还没有同意过任何协议。</Text>
  return (
    <View>
      {consents.map((consent) => (
        <View key={`${consent.kind}-${consent.version}-${consent.givenAt}`} className='me-row'>
          <View className='me-row__main'>
            <Text className='me-row__title'>{consentLabels[consent.kind]}</Text>
            <Text className='me-row__sub'>
              {`版本 ${consent.version}${consent.guardianRelation ? ` · ${guardianRelationLabels[consent.guardianRelation]}同意` : ''}`}
            </Text>
          </View>
          <Text className='me-row__date'>{formatDateTime(consent.givenAt)}</Text>
        </View>
      ))}
    </View>
  )
}
