import { Input, Text, View } from '@tarojs/components'
import type { PublicSchoolView } from '@xinyuan/shared'
import { useEffect, useState } from 'react'
import { ActionButton } from '../../components/ActionButton'
import { StepHeader } from '../../components/StepHeader'
import { describeError } from '../../services/apiError'
import { searchSchools } from '../../services/publicInfo'
import { ActionError } from './ActionError'
import type { StepProps } from './stepProps'

const searchDelayMs = 300

/** Optional last step: the school, found by typing part of its name. Its mailbox is where letters go. */
export function SchoolStep({ flow }: StepProps) {
  const [query, setQuery] = useState('')
  const [schools, setSchools] = useState<PublicSchoolView[] | null>(null)
  const [searchError, setSearchError] = useState<unknown>(null)

  useEffect(() => {
    let current = true
    const timer = setTimeout(() => {
      searchSchools({ q: query.trim() || undefined }, { toast: false })
        .then((found) => {
          if (!current) return
          setSchools(found)
          setSearchError(null)
        })
        .catch((error: unknown) => {
          if (current) setSearchError(error)
        })
    }, searchDelayMs)
    return () => {
      current = false
      clearTimeout(timer)
    }
  }, [query])

  return (
    <View className='onb-step onb-step--school'>
      <StepHeader
        index={flow.stepIndex}
        total={flow.stepTotal}
        title={flow.me?.role === 'parent' ? '孩子在哪所学校？' : '你在哪所学校？'}
        lead='选了学校，写信时会直接送到这所学校的心理老师。不想选也可以先跳过。'
      />
      <Input className='onb-input' value={query} placeholder='输入学校名称中的几个字' onInput={(event) => setQuery(event.detail.value)} />
      <SchoolResults schools={schools} error={searchError} busy={flow.busy} onPick={(id) => void flow.chooseSchool(id)} />
      <ActionError error={flow.actionError} />
      <ActionButton variant='secondary' onClick={() => void flow.chooseSchool(null)} disabled={flow.busy}>
        先跳过
      </ActionButton>
    </View>
  )
}

interface SchoolResultsProps {
  schools: PublicSchoolView[] | null
  error: unknown
  busy: boolean
  onPick: (schoolId: string) => void
}

function SchoolResults({ schools, error, busy, onPick }: SchoolResultsProps) {
  if (error) return <Text className='onb-muted'>{`学校列表没有加载出来：${describeError(error)}`}</Text>
  if (schools === null) return <Text className='onb-muted'>正在查找学校…</Text>
  if (schools.length === 0) return <Text className='onb-muted'>没有找到这所学校，换几个字试试，或者先跳过。</Text>
  return (
    <View className='onb-schools'>
      {schools.slice(0, 30).map((school) => (
        <View key={school.id} className='onb-school' hoverClass='onb-school--pressed' onClick={() => !busy && onPick(school.id)}>
          <Text className='onb-school__name'>{school.name}</Text>
          <Text className='onb-school__area'>{school.areaName}</Text>
        </View>
      ))}
    </View>
  )
}
