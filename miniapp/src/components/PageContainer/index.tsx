import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import type { ReactNode } from 'react'
import { describeError, isNetworkError } from '../../services/apiError'
import { pagePaths } from '../../navigation'
import { callNumber } from '../../services/phone'
import { ActionButton } from '../ActionButton'
import { PrivacySheet } from '../PrivacySheet'
import './index.css'

interface PageStatesProps {
  children?: ReactNode
  /** A request is running. */
  loading?: boolean
  /** Data is on screen (an error then shows as a banner instead of replacing the page). */
  ready?: boolean
  error?: unknown
  /** Loaded, but there is nothing to show. */
  empty?: boolean
  emptyText?: string
  onRetry?: () => void | Promise<void>
  /** The page was opened without what it needs (an id, a token): a wrong link, not a server failure. */
  missingLink?: boolean
}

interface PageContainerProps extends PageStatesProps {
  /** Pull-down refresh (the page config must set enablePullDownRefresh). Defaults to onRetry. */
  onRefresh?: () => void | Promise<void>
}

/**
 * Every page's frame: loading, empty and error-with-retry states, pull-down refresh, and in WeChat the
 * privacy sheet. A failed request never leaves a blank screen, and the error state still offers 12356.
 */
export function PageContainer({ onRefresh, ...states }: PageContainerProps) {
  usePullDownRefresh(async () => {
    try {
      await (onRefresh ?? states.onRetry)?.()
    } finally {
      Taro.stopPullDownRefresh()
    }
  })

  return (
    <View className='xy-page'>
      <PageStates {...states} />
      {process.env.TARO_ENV === 'weapp' ? <PrivacySheet /> : null}
    </View>
  )
}

/**
 * The loading, empty and error states without the page frame: for a part of a page that loads on its
 * own while the page around it keeps its header and its way back (a past chat's transcript).
 */
export function PageStates({ children, loading = false, ready = true, error, empty, emptyText, onRetry, missingLink = false }: PageStatesProps) {
  if (missingLink) return <MissingLinkState />
  if (error && !ready) return <ErrorState error={error} onRetry={onRetry} />
  if (loading && !ready) return <LoadingState />
  if (empty) return <EmptyState text={emptyText} />
  return (
    <>
      {error ? <RefreshFailed error={error} onRetry={onRetry} /> : null}
      {children}
    </>
  )
}

function LoadingState() {
  return (
    <View className='xy-state'>
      <View className='xy-state__dots'>
        <View className='xy-state__dot' />
        <View className='xy-state__dot' />
        <View className='xy-state__dot' />
      </View>
      <Text className='xy-state__text'>正在加载，请稍等…</Text>
    </View>
  )
}

function EmptyState({ text = '这里暂时还没有内容。' }: { text?: string }) {
  return (
    <View className='xy-state'>
      <Text className='xy-state__text'>{text}</Text>
    </View>
  )
}

/** A link without its id: say so plainly (nothing is broken, nobody did wrong) and offer the way home. */
function MissingLinkState() {
  return (
    <View className='xy-state'>
      <Text className='xy-state__title'>没有找到这个页面</Text>
      <Text className='xy-state__text'>这个链接好像不完整，可能是复制或转发时少了一部分。可以回到首页，从那里再找找看。</Text>
      <ActionButton onClick={() => void Taro.reLaunch({ url: pagePaths.home })}>回到首页</ActionButton>
    </View>
  )
}

function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void | Promise<void> }) {
  return (
    <View className='xy-state xy-state--error'>
      <Text className='xy-state__title'>{isNetworkError(error) ? '网络开小差了' : '没能打开这一页'}</Text>
      <Text className='xy-state__text'>{describeError(error)}</Text>
      {onRetry ? <ActionButton onClick={() => void onRetry()}>重新试试</ActionButton> : null}
      <View className='xy-state__help' onClick={() => void callNumber('12356')}>
        <Text>着急的话，现在就可以拨打 12356 心理援助热线（24 小时）</Text>
      </View>
    </View>
  )
}

function RefreshFailed({ error, onRetry }: { error: unknown; onRetry?: () => void | Promise<void> }) {
  return (
    <View className='xy-refresh-failed' onClick={() => void onRetry?.()}>
      <Text>{describeError(error)}</Text>
      {onRetry ? <Text className='xy-refresh-failed__retry'>点这里重试</Text> : null}
    </View>
  )
}
