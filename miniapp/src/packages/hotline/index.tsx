import { Text, View } from '@tarojs/components'
import type { CallerTicketView, HotlineStatusView } from '@xinyuan/shared'
import { useEffect, useState } from 'react'
import { EmergencyStrip } from '../../components/EmergencyStrip'
import { GuardianFirst } from '../../components/GuardianFirst'
import { Notice } from '../../components/Notice'
import { OtherWays } from '../../components/OtherWays'
import { PageContainer } from '../../components/PageContainer'
import { useRemote } from '../../hooks/useRemote'
import { getCurrentTicket, getHotlineStatus } from '../../services/hotline'
import { getMe } from '../../services/me'
import { onConnectionChange, onResync, onServerEvent } from '../../services/socket'
import { ReconnectingBanner } from '../../components/ReconnectingBanner'
import { useReconnecting } from '../../hooks/useReconnecting'
import { awaitsGuardian } from '../../pages/onboarding/steps'
import { HotlineJoin } from './HotlineJoin'
import { HotlineResult } from './HotlineResult'
import { HotlineStatusCard } from './HotlineStatusCard'
import { HotlineWaiting } from './HotlineWaiting'
import './index.css'

const live = new Set<CallerTicketView['status']>(['waiting', 'claimed'])

/**
 * The hotline: status, join, live position while waiting (socket "hotline:ticket"; status and ticket
 * refetched after a reconnect, a return to the foreground or a pull-down), and how it ended. Closed, full,
 * a long wait or no call-back window to book: other ways; closed with windows ahead: booking a call-back for
 * after it opens, too. An under-14 still waiting for a guardian's consent is offered the phone now.
 */
export default function HotlinePage() {
  const status = useRemote(() => getHotlineStatus({ toast: false }))
  const current = useRemote(() => getCurrentTicket({ toast: false }))
  // Only to know whether joining needs a guardian first; if it fails, the form shows and the server decides.
  const me = useRemote(() => getMe({ toast: false }))
  const [ticket, setTicket] = useState<CallerTicketView | null | undefined>(undefined)
  const [dismissed, setDismissed] = useState<string | null>(null)
  const shown = ticket === undefined ? current.data : ticket
  const reconnecting = useReconnecting(onConnectionChange)

  useEffect(() => {
    const offTicket = onServerEvent('hotline:ticket', (view) => setTicket(view))
    const offResync = onResync(() => {
      void getCurrentTicket({ toast: false }).then(setTicket, () => undefined)
      void status.reload()
    })
    return () => {
      offTicket()
      offResync()
    }
  }, [status.reload])

  const reload = async () => {
    setTicket(undefined)
    await Promise.all([status.reload(), current.reload(), me.reload()])
  }
  const done = () => {
    if (shown) setDismissed(shown.id)
    void status.reload()
  }

  return (
    <PageContainer
      loading={status.loading || current.loading || me.loading}
      ready={status.data !== undefined && shown !== undefined && (me.data !== undefined || Boolean(me.error))}
      error={status.error ?? current.error}
      onRetry={reload}
    >
      {renderBody()}
    </PageContainer>
  )

  function renderBody() {
    if (shown && live.has(shown.status))
      return (
        <View>
          {reconnecting ? <ReconnectingBanner reassurance='你的排队位置会一直保留，连上后会自动更新。' /> : null}
          <HotlineWaiting ticket={shown} onChange={setTicket} />
        </View>
      )
    if (shown && shown.id !== dismissed) return <HotlineResult ticket={shown} onDone={done} />
    const info = status.data
    if (!info) return null
    const lines = info.fallbackHelplines.length > 0 ? info.fallbackHelplines : undefined
    return (
      <View>
        <HotlineStatusCard status={info} />
        {!info.open ? (
          <Notice tone='warm' title='热线现在在休息'>
            <Text>{`老师们的值班时间是 ${info.hoursText}。现在想找人说说话的话，下面这些电话和方式随时都在。`}</Text>
          </Notice>
        ) : null}
        {!info.open && info.callbackWindows.length > 0 ? renderJoin(info, { callbackOnly: true }) : null}
        {info.open && info.full ? (
          <Notice tone='warm' title='现在排队的人有点多'>
            <Text>暂时排不进来了，真的很抱歉。你可以先拨打下面的电话，或者和老师文字聊聊，我们都在。</Text>
          </Notice>
        ) : null}
        {info.open && !info.full && info.longWait ? (
          <Notice tone='warm' title='现在要等得久一些'>
            <Text>你可以继续排队，也可以先试试下面的电话或在线聊天，不用一直等。</Text>
          </Notice>
        ) : null}
        {info.open && !info.full ? renderJoin(info) : null}
        {!info.open || info.full || info.longWait || info.callbackWindows.length === 0 ? <OtherWays lines={lines} offer={['chat', 'letters']} /> : <EmergencyStrip />}
      </View>
    )
  }

  /** The form, or the guardian step first; callbackOnly while closed (the booking form sits in its own slot, so it never inherits the open form's state). */
  function renderJoin(info: HotlineStatusView, { callbackOnly = false } = {}) {
    if (me.data && awaitsGuardian(me.data)) {
      const countyLine = { number: info.hotlineNumber, name: '本县心理援助热线', note: `开放时间：${info.hoursText}` }
      return <GuardianFirst feature='排队回电' offers='在这里排队等老师回电' countyLine={countyLine} countyLineOpen={info.open && info.counsellorsOnDuty > 0} />
    }
    return <HotlineJoin status={info} onJoined={setTicket} onOutdated={reload} callbackOnly={callbackOnly} />
  }
}
