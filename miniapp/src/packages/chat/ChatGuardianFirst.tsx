import { GuardianFirst } from '../../components/GuardianFirst'
import { useRemote } from '../../hooks/useRemote'
import { getPublicConfig } from '../../services/publicInfo'

/**
 * In place of the start form for an under-14 whose guardian has not agreed yet, so no first message is
 * typed only to be lost. The county line comes from /public/config; until it does (or if it cannot),
 * 12356 is there, built in.
 */
export function ChatGuardianFirst() {
  const config = useRemote(() => getPublicConfig({ toast: false }))
  const county = config.data
  const countyLine = county ? { number: county.hotline.number, name: `${county.countyName}心理援助热线`, note: `开放时间：${county.hotline.hoursText}` } : undefined
  return <GuardianFirst feature='在线聊天' offers='和老师在线聊天' countyLine={countyLine} countyLineOpen={county?.hotline.openNow ?? false} />
}
