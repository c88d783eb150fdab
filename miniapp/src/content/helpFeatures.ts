import { pagePaths } from '../navigation'

/**
 * The three "I need help now" entries on the home page. Each opens its own subpackage; until a feature's
 * issue lands, that page is a placeholder built from `comingSoon`. To ship a feature, replace its
 * packages/<name>/index.tsx and drop its `comingSoon` text.
 */
export interface HelpFeature {
  key: 'hotline' | 'chat' | 'letters'
  title: string
  subtitle: string
  icon: string
  path: string
  comingSoon: string
}

export const helpFeatures: ReadonlyArray<HelpFeature> = [
  {
    key: 'hotline',
    title: '热线排队 / 回拨',
    subtitle: '排队和心理热线老师通话，或留下时间等老师打给你',
    icon: '听',
    path: pagePaths.hotline,
    comingSoon: '在小程序里排队和预约回拨的功能正在准备中。现在你可以直接拨打下面的电话，都有人在听。',
  },
  {
    key: 'chat',
    title: '匿名在线咨询',
    subtitle: '用昵称和咨询师文字聊天，不用说出你是谁',
    icon: '聊',
    path: pagePaths.chat,
    comingSoon: '匿名在线咨询正在准备中，很快就能用了。现在如果想找人说说话，可以拨打下面的电话。',
  },
  {
    key: 'letters',
    title: '给学校信箱写信',
    subtitle: '写给学校的心理老师，慢慢说也没关系',
    icon: '信',
    path: pagePaths.letters,
    comingSoon: '学校心理信箱正在准备中。等不及的话，可以先拨打下面的电话，或者直接去找学校的心理老师。',
  },
]

export function helpFeature(key: HelpFeature['key']): HelpFeature {
  const feature = helpFeatures.find((item) => item.key === key)
  if (!feature) throw new Error(`unknown help feature ${key}`)
  return feature
}
