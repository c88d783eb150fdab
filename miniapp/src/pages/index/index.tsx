import { Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { EmergencyStrip } from '../../components/EmergencyStrip'
import { HelplineList } from '../../components/HelplineList'
import { Notice } from '../../components/Notice'
import { PageContainer } from '../../components/PageContainer'
import { appointmentEntry, helpFeatures, type HelpFeature } from '../../content/helpFeatures'
import { useRemote } from '../../hooks/useRemote'
import { pagePaths } from '../../navigation'
import { getMe } from '../../services/me'
import { getPublicConfig } from '../../services/publicInfo'
import { getPublishingHome } from '../../services/publications'
import { awaitsGuardian, needsOnboarding } from '../onboarding/steps'
import { CountyHotline } from './CountyHotline'
import { HelpEntryCard } from './HelpEntryCard'
import { ReturnToChat } from './ReturnToChat'
import { CampaignBanner, HomeFeed } from './CampaignFeed'
import './index.css'

/**
 * Home: three ways to get help now, the county hotline, national lines and 110/120. The phone numbers
 * never depend on the network: the national ones are built in. During a campaign (the May month) its
 * banner and first items lead the page; the help entries and phone lines always stay.
 */
export default function HomePage() {
  const me = useRemote(() => getMe({ toast: false }))
  const config = useRemote(() => getPublicConfig({ toast: false }))
  // Content never blocks help: if it fails to load, the home simply shows no campaign or feed.
  const publishing = useRemote(() => getPublishingHome({ toast: false }))
  // each time home shows again (back from a page): whether an open chat waits to be returned to
  const [shown, setShown] = useState(0)
  useDidShow(() => setShown((count) => count + 1))

  useEffect(() => {
    if (me.data && needsOnboarding(me.data)) void Taro.redirectTo({ url: pagePaths.onboarding })
  }, [me.data])

  /** Each help feature lives in its own subpackage. */
  const openFeature = (feature: HelpFeature) => void Taro.navigateTo({ url: feature.path })

  const reload = async () => {
    await Promise.all([me.reload(), config.reload(), publishing.reload()])
  }

  return (
    <PageContainer loading={me.loading} ready={me.data !== undefined || Boolean(me.error)} error={me.error} onRetry={reload}>
      <View className='home-header'>
        <View className='home-header__text'>
          <Text className='home-header__hello'>{me.data ? `你好，${me.data.alias}` : '你好'}</Text>
          <Text className='home-header__lead'>不管发生了什么，你都不用一个人扛着。</Text>
        </View>
        <View className='home-header__me' hoverClass='home-header__me--pressed' onClick={() => void Taro.navigateTo({ url: pagePaths.me })}>
          <Text>我的</Text>
        </View>
      </View>
      {me.data && awaitsGuardian(me.data) ? (
        <View onClick={() => void Taro.navigateTo({ url: pagePaths.onboarding })}>
          <Notice tone='warm' title='还差一步：监护人同意'>
            <Text>{`你还未满 14 岁，在线咨询、给学校写信和热线排队回电，需要爸爸妈妈或其他监护人同意，点这里请他们看一看。打电话不用等：${config.data?.hotline.openNow ? '下面的本县热线和 12356' : '12356（24 小时）'}，现在就可以直接拨打。`}</Text>
          </Notice>
        </View>
      ) : null}
      <ReturnToChat shown={shown} />
      <CampaignBanner home={publishing.data} />
      <Text className='home-section'>我现在需要帮助</Text>
      {helpFeatures.map((feature) => (
        <HelpEntryCard key={feature.key} feature={feature} onOpen={openFeature} />
      ))}
      <EmergencyStrip />
      <Text className='home-section'>提前约个时间</Text>
      <HelpEntryCard feature={appointmentEntry} onOpen={openFeature} />
      <CountyHotline config={config.data} loading={config.loading} onRetry={() => void config.reload()} />
      <HelplineList lines={config.data?.fallbackHelplines} />
      <HomeFeed home={publishing.data} />
      {config.data?.demo ? <Text className='home-demo'>演示版：数据仅供体验，请勿填写真实信息。</Text> : null}
    </PageContainer>
  )
}
