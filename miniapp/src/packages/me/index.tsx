import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { ageBandLabels, userRoleLabels, type MeView } from '@xinyuan/shared'
import type { ReactNode } from 'react'
import { PageContainer } from '../../components/PageContainer'
import { privacySummary } from '../../content/consentTexts'
import { useRemote } from '../../hooks/useRemote'
import { pagePaths } from '../../navigation'
import { getMe } from '../../services/me'
import { ConsentRecords } from './ConsentRecords'
import { DataExport } from './DataExport'
import { DeleteAccount } from './DeleteAccount'
import './index.css'

/** 我的: alias and profile, consents given, a short privacy explanation, export and delete. */
export default function MePage() {
  const me = useRemote(() => getMe({ toast: false }))
  return (
    <PageContainer loading={me.loading} ready={me.data !== undefined} error={me.error} onRetry={me.reload}>
      {me.data ? <MeSections me={me.data} /> : null}
    </PageContainer>
  )
}

function MeSections({ me }: { me: MeView }) {
  return (
    <View>
      <View className='me-card me-card--profile'>
        <Text className='me-alias'>{me.alias}</Text>
        <Text className='me-muted'>这是老师看到的你的昵称，随机生成，不包含你的真实信息。</Text>
        <Text className='me-profile'>{profileLine(me)}</Text>
      </View>
      <Section title='我们怎样保护你的隐私'>
        {privacySummary.map((line) => (
          <Text key={line} className='me-bullet'>{`· ${line}`}</Text>
        ))}
      </Section>
      <Section title='我同意过的内容'>
        <ConsentRecords consents={me.consents} />
      </Section>
      <Section title='我的数据'>
        <DataExport />
      </Section>
      <Section title='账号'>
        <DeleteAccount onDeleted={() => void Taro.reLaunch({ url: pagePaths.home })} />
      </Section>
    </View>
  )
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <View className='me-card'>
      <Text className='me-card__title'>{title}</Text>
      {children}
    </View>
  )
}

function profileLine(me: MeView): string {
  const parts = [
    me.role ? userRoleLabels[me.role] : '身份未选择',
    me.ageBand ? ageBandLabels[me.ageBand] : '年龄段未选择',
    me.school ? me.school.name : '学校未选择',
  ]
  return parts.join(' · ')
}
