import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { fallbackHelplines } from '@xinyuan/shared'
import { pagePaths } from '../../navigation'
import { ActionButton } from '../ActionButton'
import { HelplineList, type Helpline } from '../HelplineList'
import { Notice } from '../Notice'

interface GuardianFirstProps {
  /** The feature's short name, for the title: "在线聊天", "排队回电". */
  feature: string
  /** What the feature lets you do, as it reads in a sentence: "和老师在线聊天". */
  offers: string
  /** The county's own hotline, when it is known; 12356 is built in and always listed. */
  countyLine?: Helpline
  /** Whether the county line answers right now (open, someone on duty); if not it is listed with its hours, not as "dial now". */
  countyLineOpen?: boolean
}

const line12356 = fallbackHelplines.filter((line) => line.number === '12356')

/**
 * In place of a feature's form for an under-14 whose guardian has not agreed yet: the server would refuse
 * it (and whatever was typed would be lost), but dialling the county hotline or 12356 never waits for it.
 */
export function GuardianFirst({ feature, offers, countyLine, countyLineOpen = false }: GuardianFirstProps) {
  const lines = countyLine && countyLineOpen ? [countyLine, ...line12356] : line12356
  const dialNow = countyLine && countyLineOpen ? '下面的热线或 12356' : '12356（24 小时）'
  return (
    <View className='xy-guardian-first'>
      <Notice tone='warm' title={`${feature}前，还差监护人同意`}>
        <Text>{`你还未满 14 岁，${offers}需要爸爸妈妈或其他监护人先看一看并同意。打电话不用等：现在就可以直接拨打${dialNow}，会有人听你说。`}</Text>
      </Notice>
      <HelplineList lines={lines} title='现在就可以直接拨打' />
      {countyLine && !countyLineOpen ? <HelplineList lines={[countyLine]} title='本县热线现在休息，开放时再打' /> : null}
      <ActionButton variant='secondary' onClick={() => void Taro.navigateTo({ url: pagePaths.onboarding })}>
        请监护人看一看
      </ActionButton>
    </View>
  )
}
