import { pagePaths } from '../navigation'

/** The three "I need help now" entries on the home page (hotline, chat, letters); each opens its own subpackage. */
export interface HelpFeature {
  key: 'hotline' | 'chat' | 'letters' | 'appointments'
  title: string
  subtitle: string
  icon: string
  path: string
}

export const helpFeatures: ReadonlyArray<HelpFeature> = [
  {
    key: 'hotline',
    title: '热线排队 / 回拨',
    subtitle: '排队和心理热线老师通话，或留下时间等老师打给你',
    icon: '听',
    path: pagePaths.hotline,
  },
  {
    key: 'chat',
    title: '匿名在线咨询',
    subtitle: '用昵称和咨询师文字聊天，不用说出你是谁',
    icon: '聊',
    path: pagePaths.chat,
  },
  {
    key: 'letters',
    title: '给学校信箱写信',
    subtitle: '写给学校的心理老师，慢慢说也没关系',
    icon: '信',
    path: pagePaths.letters,
  },
]

/** Not "help now": booking a time with the school's counselling room or an expert, below the crisis numbers. */
export const appointmentEntry: HelpFeature = {
  key: 'appointments',
  title: '预约面谈',
  subtitle: '约好学校心理辅导室或专家的时间，不用白跑一趟',
  icon: '约',
  path: pagePaths.appointments,
}
