import { Text, View } from '@tarojs/components'
import type { PublicConfigView } from '@xinyuan/shared'
import { callNumber } from '../../services/phone'

interface CountyHotlineProps {
  config: PublicConfigView | undefined
  loading: boolean
  onRetry: () => void
}

/** The county's own line, number and hours from configuration; a gentle retry when it did not load. */
export function CountyHotline({ config, loading, onRetry }: CountyHotlineProps) {
  if (!config) {
    return (
      <View className='home-county home-county--missing' onClick={loading ? undefined : onRetry}>
        <Text className='home-county__hours'>{loading ? '正在获取本县心理援助热线…' : '本县热线号码暂时没加载出来，点这里重试。下面的全国热线一直可以打。'}</Text>
      </View>
    )
  }
  return (
    <View className='home-county' hoverClass='home-county--pressed' onClick={() => void callNumber(config.hotline.number)}>
      <Text className='home-county__label'>{`${config.countyName}心理援助热线`}</Text>
      <View className='home-county__row'>
        <Text className='home-county__number'>{config.hotline.number}</Text>
        <Text className='home-county__call'>拨打</Text>
      </View>
      {/* openNow is false in the open hours too when nobody is on duty: "现在休息中" under "8:00–22:00" at 08:30 read wrong */}
      <Text className='home-county__hours'>{`${config.hotline.openNow ? '现在有老师值班 · ' : '现在暂时没有老师接听，可以先打下面的电话 · '}开放时间：${config.hotline.hoursText}`}</Text>
    </View>
  )
}
