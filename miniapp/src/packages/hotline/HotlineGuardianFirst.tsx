import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { fallbackHelplines, type HotlineStatusView } from '@xinyuan/shared'
import { ActionButton } from '../../components/ActionButton'
import { HelplineList } from '../../components/HelplineList'
import { Notice } from '../../components/Notice'
import { pagePaths } from '../../navigation'

/**
 * In place of the join form for an under-14 whose guardian has not agreed yet: the server would refuse
 * the queue (and the form's input would be lost), but dialling the hotline or 12356 never waits for it.
 */
export function HotlineGuardianFirst({ status }: { status: HotlineStatusView }) {
  const lines = [{ number: status.hotlineNumber, name: '本县心理援助热线', note: `开放时间：${status.hoursText}` }, ...fallbackHelplines.filter((line) => line.number === '12356')]
  return (
    <View className='hotline-guardian'>
      <Notice tone='warm' title='排队回电前，还差监护人同意'>
        <Text>你还未满 14 岁，在这里排队、请老师回电，需要爸爸妈妈或其他监护人先同意。打电话不用等：现在就可以直接拨打下面的热线或 12356，老师会听你说。</Text>
      </Notice>
      <HelplineList lines={lines} title='现在就可以直接拨打' />
      <ActionButton variant='secondary' onClick={() => void Taro.navigateTo({ url: pagePaths.onboarding })}>
        请监护人看一看
      </ActionButton>
    </View>
  )
}
