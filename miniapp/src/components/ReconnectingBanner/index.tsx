import { Text, View } from '@tarojs/components'
import './index.css'

interface ReconnectingBannerProps {
  /** What is safe meanwhile, in one short sentence (e.g. 写好的话会先存着，连上后自动发出。). */
  reassurance: string
}

/** A calm line at the top while the live connection is down: nothing is lost, it reconnects by itself. */
export function ReconnectingBanner({ reassurance }: ReconnectingBannerProps) {
  return (
    <View className='xy-reconnecting' aria-live='polite'>
      <Text className='xy-reconnecting__title'>网络不太稳定，正在重新连接…</Text>
      <Text className='xy-reconnecting__body'>{reassurance}</Text>
    </View>
  )
}
