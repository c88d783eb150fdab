import { Image, RichText, Text, Textarea, Video, View } from '@tarojs/components'
import Taro, { useRouter, useShareAppMessage, useShareTimeline } from '@tarojs/taro'
import { useMemo, useState } from 'react'
import { materialAudienceLabels, publicationKindLabels, type EventSignupView, type PublicationReadView } from '@xinyuan/shared'
import { ActionButton } from '../../components/ActionButton'
import { HelplineList } from '../../components/HelplineList'
import { Notice } from '../../components/Notice'
import { OtherWays } from '../../components/OtherWays'
import { PageContainer } from '../../components/PageContainer'
import { mediaUrl, shortDateTime } from '../../components/PublicationCard'
import { useRemote } from '../../hooks/useRemote'
import { pagePaths } from '../../navigation'
import { cancelEventSignup, getMySignups, readPublication, signUpForEvent } from '../../services/publications'
import { richTextNodes } from './richTextNodes'
import './index.css'

/** The sign-up box of an event: window, places left, sign up with an optional note, cancel. */
function EventSignup({ item, onChanged }: { item: PublicationReadView; onChanged: () => Promise<void> }) {
  const event = item.event!
  const mine = useRemote(() => getMySignups({ toast: false }))
  const [note, setNote] = useState('')
  const [busy, setBusy] = useState(false)
  const [offerHelp, setOfferHelp] = useState(false)
  const current: EventSignupView | undefined = mine.data?.find((signup) => signup.publicationId === item.id)
  const now = Date.now()
  const open = now >= Date.parse(event.signupOpensAt) && now < Date.parse(event.signupClosesAt)
  const full = event.signedUp >= event.capacity

  const signUp = async () => {
    setBusy(true)
    try {
      const result = await signUpForEvent(item.id, note)
      setOfferHelp(result.offerHelp)
      void Taro.showToast({ title: '报名成功', icon: 'success' })
      await Promise.all([mine.reload(), onChanged()])
    } catch {
      // the request wrapper already showed the server's message
    } finally {
      setBusy(false)
    }
  }
  const cancel = async () => {
    setBusy(true)
    try {
      await cancelEventSignup(item.id)
      void Taro.showToast({ title: '已取消报名', icon: 'none' })
      await Promise.all([mine.reload(), onChanged()])
    } catch {
      // shown by the request wrapper
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='article-event' id='article-event'>
      <Text className='article-event__row'>时间：{shortDateTime(event.startsAt)} – {shortDateTime(event.endsAt)}</Text>
      <Text className='article-event__row'>地点：{event.place || '线上'}{event.onlineUrl ? '（报名后可在“我的报名”查看线上链接）' : ''}</Text>
      <Text className='article-event__row'>名额：已报名 {event.signedUp} / {event.capacity}</Text>
      <Text className='article-event__row'>报名时间：{shortDateTime(event.signupOpensAt)} – {shortDateTime(event.signupClosesAt)}</Text>
      {current ? (
        <View>
          <Notice title='你已报名'>
            <Text>到时候见！如果去不了，可以取消，把名额留给其他同学。</Text>
          </Notice>
          <ActionButton variant='secondary' busy={busy} onClick={() => void cancel()}>取消报名</ActionButton>
        </View>
      ) : open && !full ? (
        <View>
          <Textarea className='article-event__note' value={note} maxlength={200} placeholder='想对组织老师说的话（选填）' onInput={(e) => setNote(e.detail.value)} />
          <ActionButton busy={busy} onClick={() => void signUp()} id='event-signup'>我要报名</ActionButton>
        </View>
      ) : (
        <Text className='article-event__closed'>{full ? '名额已经报满了，可以留意其他活动。' : '现在不在报名时间内。'}</Text>
      )}
      {offerHelp ? (
        <View>
          <Notice tone='warm' title='谢谢你愿意说出来'>
            <Text>你写下的话我们看到了。如果现在心里很难受，不用等到活动那天：可以在线和咨询老师聊聊，或者直接拨打下面的电话。</Text>
          </Notice>
          <OtherWays title='现在就可以找到帮助' offer={['chat', 'hotline']} />
        </View>
      ) : null}
    </View>
  )
}

/**
 * One published piece: title, cover picture, sanitised rich text rendered natively (RichText with nodes), a video, an
 * event's sign-up, and always the help numbers at the end. Shareable to a chat and to the timeline.
 */
export default function ArticlePage() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const article = useRemote(() => readPublication(id, { toast: false }), { skip: id === '' })
  const nodes = useMemo(() => (article.data ? richTextNodes(article.data.bodyHtml) : []), [article.data])
  const title = article.data?.title ?? '心援'

  useShareAppMessage(() => ({ title, path: `${pagePaths.article}?id=${id}` }))
  useShareTimeline(() => ({ title, query: `id=${id}` }))

  const item = article.data
  const video = item ? mediaUrl(item.videoUrl) : null
  const cover = item ? mediaUrl(item.coverUrl) : null
  const label = item ? (item.kind === 'material' && item.materialFor ? materialAudienceLabels[item.materialFor] : publicationKindLabels[item.kind]) : ''
  return (
    <PageContainer missingLink={id === ''} loading={article.loading} ready={item !== undefined} error={article.error} onRetry={article.reload}>
      {item ? (
        <View className='article'>
          <Text className='article__kind'>{label}</Text>
          <Text className='article__title' id='article-title'>{item.title}</Text>
          {item.publishedAt ? <Text className='article__date'>{shortDateTime(item.publishedAt)}</Text> : null}
          {cover ? <Image className='article__cover' id='article-cover' src={cover} mode='widthFix' /> : null}
          {video && item.videoUrl?.startsWith('/') ? <Video className='article__video' src={video} controls /> : null}
          {video && !item.videoUrl?.startsWith('/') ? (
            <View className='article__link' onClick={() => void Taro.setClipboardData({ data: video })}>
              <Text>视频在其他平台播放，点这里复制链接</Text>
            </View>
          ) : null}
          <RichText className='article__body' nodes={nodes} />
          {item.event ? <EventSignup item={item} onChanged={article.reload} /> : null}
          <HelplineList lines={item.helplines} title='如果你或身边的人需要帮助' />
        </View>
      ) : null}
    </PageContainer>
  )
}
