import { Image, Text, View } from '@tarojs/components'
import { useRouter, useShareAppMessage, useShareTimeline } from '@tarojs/taro'
import { EmergencyStrip } from '../../components/EmergencyStrip'
import { PageContainer } from '../../components/PageContainer'
import { PublicationCard, mediaUrl, shortDateTime } from '../../components/PublicationCard'
import { useRemote } from '../../hooks/useRemote'
import { pagePaths } from '../../navigation'
import { getCampaignPage } from '../../services/publications'
import './index.css'

/** A campaign's page (the May month): theme, dates, banner, and everything published in it for me. */
export default function CampaignPage() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const page = useRemote(() => getCampaignPage(id, { toast: false }), { skip: id === '' })
  const campaign = page.data?.campaign
  useShareAppMessage(() => ({ title: campaign?.title ?? '心援', path: `${pagePaths.campaign}?id=${id}` }))
  useShareTimeline(() => ({ title: campaign?.title ?? '心援', query: `id=${id}` }))
  const banner = mediaUrl(campaign?.bannerUrl ?? null)
  return (
    <PageContainer missingLink={id === ''} loading={page.loading} ready={page.data !== undefined} error={page.error} onRetry={page.reload} empty={page.data?.items.length === 0} emptyText='这个主题活动的内容还在准备中，过几天再来看看。'>
      {campaign ? (
        <View>
          <View className='campaign-head'>
            {banner ? <Image src={banner} mode='widthFix' style={{ width: '100%', borderRadius: '12px', marginBottom: '10px' }} /> : null}
            <Text className='campaign-head__title'>{campaign.title}</Text>
            {campaign.theme ? <Text className='campaign-head__theme'>{campaign.theme}</Text> : null}
            <Text className='campaign-head__dates'>{shortDateTime(campaign.startsAt)} – {shortDateTime(campaign.endsAt)}</Text>
          </View>
          {page.data!.items.map((item) => (
            <PublicationCard key={item.id} item={item} />
          ))}
          <EmergencyStrip />
        </View>
      ) : null}
    </PageContainer>
  )
}
