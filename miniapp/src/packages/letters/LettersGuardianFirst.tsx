import { GuardianFirst } from '../../components/GuardianFirst'
import { useRemote } from '../../hooks/useRemote'
import { getPublicConfig } from '../../services/publicInfo'

/** In place of the letter form for an under-14 whose guardian has not agreed yet (the server would refuse the letter). */
export function LettersGuardianFirst() {
  const config = useRemote(() => getPublicConfig({ toast: false }))
  const county = config.data
  const countyLine = county ? { number: county.hotline.number, name: `${county.countyName}心理援助热线`, note: `开放时间：${county.hotline.hoursText}` } : undefined
  return <GuardianFirst feature='写信给心理老师' offers='给心理老师写信' countyLine={countyLine} />
}
