import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { pagePaths } from '../../navigation'
import { ApiError } from '../../services/apiError'
import { getMyChat } from '../../services/chat'
import { leftChatStore } from '../../services/storage'

/**
 * After 快速离开 the chat stays open; home offers the way back to it (the chat page picks up the open
 * chat). Shown only while that chat is still open; plain words, nothing a person nearby would notice.
 * `shown` counts the home page's appearances (the page's own useDidShow), so it is checked again each time.
 */
export function ReturnToChat({ shown }: { shown: number }) {
  const [open, setOpen] = useState(false)
  useEffect(() => {
    const id = leftChatStore.get()
    if (!id) return setOpen(false)
    getMyChat(id, { toast: false })
      .then((conversation) => {
        const stillOpen = conversation.status !== 'closed'
        if (!stillOpen) leftChatStore.set(null)
        setOpen(stillOpen)
      })
      .catch((error: unknown) => {
        // a network failure keeps the way back (the chat is probably still there); a gone chat forgets it
        if (error instanceof ApiError && error.status === 404) leftChatStore.set(null)
        setOpen(!(error instanceof ApiError && error.status === 404))
      })
  }, [shown])
  if (!open) return null
  return (
    <View className='home-entry home-entry--return' hoverClass='home-entry--pressed' onClick={() => void Taro.navigateTo({ url: pagePaths.chat })} data-testid='return-to-chat'>
      <View className='home-entry__text'>
        <Text className='home-entry__title'>回到刚才的对话</Text>
        <Text className='home-entry__subtitle'>对话还在，可以接着聊。</Text>
      </View>
      <Text className='home-entry__chevron'>›</Text>
    </View>
  )
}
