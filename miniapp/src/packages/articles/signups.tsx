import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { PageContainer } from '../../components/PageContainer'
import { shortDateTime } from '../../components/PublicationCard'
import { useRemote } from '../../hooks/useRemote'
import { pagePaths } from '../../navigation'
import { getMySignups } from '../../services/publications'
import './index.css'

/** My event sign-ups: tap one to see the event (and cancel there). */
export default function MySignupsPage() {
  const signups = useRemote(() => getMySignups({ toast: false }))
  return (
    <PageContainer loading={signups.loading} ready={signups.data !== undefined} error={signups.error} onRetry={signups.reload} empty={signups.data?.length === 0} emptyText='你还没有报名活动。首页的“心理科普与活动”里可以找到正在报名的活动。'>
      {(signups.data ?? []).map((signup) => (
        <View key={signup.id} className='article-event' hoverClass='xy-pub-card--pressed' onClick={() => void Taro.navigateTo({ url: `${pagePaths.article}?id=${signup.publicationId}` })}>
          <Text className='article-event__row' style={{ fontWeight: 600 }}>{signup.title}</Text>
          {signup.event ? (
            <Text className='article-event__row'>
              {shortDateTime(signup.event.startsAt)} · {signup.event.place || '线上'}
              {signup.event.onlineUrl ? ` · ${signup.event.onlineUrl}` : ''}
            </Text>
          ) : null}
        </View>
      ))}
    </PageContainer>
  )
}
