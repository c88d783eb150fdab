import { Image, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { PublishingHomeView } from '@xinyuan/shared'
import { PublicationCard, mediaUrl } from '../../components/PublicationCard'
import { pagePaths } from '../../navigation'

/** The campaign taking over the home (the May month): its banner, theme and first items. */
export function CampaignBanner({ home }: { home: PublishingHomeView | undefined }) {
  const campaign = home?.campaign
  if (!campaign) return null
  const banner = mediaUrl(campaign.bannerUrl)
  const items = home.items.filter((item) => item.campaignId === campaign.id).slice(0, 3)
  return (
    <View className='home-campaign' id='home-campaign'>
      <View className='home-campaign__banner' hoverClass='home-campaign__banner--pressed' onClick={() => void Taro.navigateTo({ url: `${pagePaths.campaign}?id=${campaign.id}` })}>
        {banner ? <Image className='home-campaign__image' src={banner} mode='aspectFill' /> : null}
        <Text className='home-campaign__title'>{campaign.title}</Text>
        {campaign.theme ? <Text className='home-campaign__theme'>{campaign.theme}</Text> : null}
        <Text className='home-campaign__more'>查看全部活动 ›</Text>
      </View>
      {items.map((item) => (
        <PublicationCard key={item.id} item={item} />
      ))}
    </View>
  )
}

/** Everything else meant for this reader, below the help entries and phone lines. */
export function HomeFeed({ home }: { home: PublishingHomeView | undefined }) {
  if (!home) return null
  const shown = new Set(home.campaign ? home.items.filter((item) => item.campaignId === home.campaign!.id).slice(0, 3).map((item) => item.id) : [])
  const rest = home.items.filter((item) => !shown.has(item.id))
  return (
    <View className='home-feed'>
      <Text className='home-section'>心理科普与活动</Text>
      {rest.length === 0 ? <Text className='home-feed__empty'>暂时还没有新的文章和活动，过几天再来看看。</Text> : rest.map((item) => <PublicationCard key={item.id} item={item} />)}
      <View className='home-feed__mine' hoverClass='home-feed__mine--pressed' onClick={() => void Taro.navigateTo({ url: pagePaths.mySignups })}>
        <Text>我的活动报名 ›</Text>
      </View>
    </View>
  )
}
