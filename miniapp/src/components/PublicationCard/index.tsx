import { Image, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { materialAudienceLabels, publicationKindLabels, type PublicationSummaryView } from '@xinyuan/shared'
import { pagePaths } from '../../navigation'
import { apiBase } from '../../services/apiBase'
import { countyShortDateTime } from '../../services/countyTime'
import './index.css'

/** "5月12日 14:30", in county time (when the event happens in 渠县). */
export function shortDateTime(iso: string): string {
  return countyShortDateTime(iso)
}

export function mediaUrl(url: string | null): string | null {
  if (!url) return null
  return url.startsWith('/') ? apiBase().replace(/\/api\/v1$/, '') + url : url
}

/** One item of a feed: kind, title, summary, and for events when and how many places. */
export function PublicationCard({ item }: { item: PublicationSummaryView }) {
  const label = item.kind === 'material' && item.materialFor ? materialAudienceLabels[item.materialFor] : publicationKindLabels[item.kind]
  const cover = mediaUrl(item.coverUrl)
  return (
    <View className='xy-pub-card' hoverClass='xy-pub-card--pressed' onClick={() => void Taro.navigateTo({ url: `${pagePaths.article}?id=${item.id}` })}>
      {cover ? <Image className='xy-pub-card__cover' src={cover} mode='aspectFill' /> : null}
      <View className='xy-pub-card__text'>
        <Text className={`xy-pub-card__kind xy-pub-card__kind--${item.kind}`}>{label}</Text>
        <Text className='xy-pub-card__title'>{item.title}</Text>
        {item.summary ? <Text className='xy-pub-card__summary'>{item.summary}</Text> : null}
        {item.event ? (
          <Text className='xy-pub-card__meta'>
            {shortDateTime(item.event.startsAt)} · {item.event.place || '线上'} · 已报名 {item.event.signedUp}/{item.event.capacity}
          </Text>
        ) : null}
      </View>
    </View>
  )
}
