import { Input, Switch, Text, Textarea, View } from '@tarojs/components'
import type { CallerTicketView, HotlineStatusView, HotlineTicketKind } from '@xinyuan/shared'
import { useMemo, useState } from 'react'
import { ActionButton } from '../../components/ActionButton'
import { ChoiceList } from '../../components/ChoiceList'
import { ApiError, describeError } from '../../services/apiError'
import { joinHotline } from '../../services/hotline'
import { requestHotlineReminders } from '../../services/hotlineReminders'
import { callbackWindows } from './callbackWindows'

const kinds = [
  { value: 'callback', label: '请老师给我回电', hint: '留下电话和方便接听的时间，老师打给你' },
  { value: 'inbound', label: '我自己拨打热线', hint: '拿一个排队号，打过去时告诉老师' },
] as const

/**
 * Refusals that mean the page is out of date: the queue filled up or closed meanwhile, or a ticket is
 * already waiting (a retry after an answer that got lost). Reloading shows the notice and other ways,
 * or that ticket, instead of leaving the student on a form that cannot work.
 */
const outdatedCodes: ReadonlySet<string> = new Set(['HOTLINE_FULL', 'HOTLINE_CLOSED', 'HOTLINE_ALREADY_WAITING'])

interface HotlineJoinProps {
  status: HotlineStatusView
  onJoined: (ticket: CallerTicketView) => void
  /** Reloads the hotline status and the current ticket. */
  onOutdated: () => void | Promise<void>
}

/** Join the queue: "call me back" (phone, window, optional topic) or a ticket number for calling in. */
export function HotlineJoin({ status, onJoined, onOutdated }: HotlineJoinProps) {
  const [kind, setKind] = useState<HotlineTicketKind | null>(null)
  const [phone, setPhone] = useState('')
  const windows = useMemo(() => callbackWindows(), [])
  const [windowKey, setWindowKey] = useState<string | null>(null)
  const [topic, setTopic] = useState('')
  const [unsafe, setUnsafe] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const window = windows.find((choice) => choice.value === windowKey)?.window
  const ready = kind === 'inbound' || (kind === 'callback' && phone.trim() !== '' && window !== undefined)

  const join = async () => {
    if (!kind) return
    setBusy(true)
    setError(null)
    try {
      const notify = kind === 'callback' ? await requestHotlineReminders() : undefined
      const base = { kind, feelingUnsafe: unsafe, ...(topic.trim() ? { topic: topic.trim() } : {}), ...(notify ? { notify } : {}) }
      onJoined(await joinHotline(kind === 'callback' ? { ...base, phone: phone.trim(), window } : base, { toast: false }))
    } catch (caught) {
      setError(describeError(caught))
      if (caught instanceof ApiError && outdatedCodes.has(caught.code)) void onOutdated()
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='hotline-join'>
      <Text className='hotline-section'>你想怎么和老师通话？</Text>
      <ChoiceList choices={kinds} value={kind} onChange={setKind} />
      {kind === 'callback' ? (
        <View className='hotline-form'>
          <Text className='hotline-form__label'>回电号码（只有给你打电话的老师能看到）</Text>
          <Input className='hotline-form__input' type='number' maxlength={13} value={phone} placeholder='手机号或带区号的座机' onInput={(event) => setPhone(event.detail.value)} />
          <Text className='hotline-form__label'>什么时候方便接电话？</Text>
          <ChoiceList choices={windows} value={windowKey} onChange={setWindowKey} />
        </View>
      ) : null}
      {kind ? (
        <View className='hotline-form'>
          <Text className='hotline-form__label'>想聊点什么？（可以不写）</Text>
          <Textarea className='hotline-form__topic' value={topic} maxlength={200} placeholder='比如：最近压力很大、和家里人吵架了……' onInput={(event) => setTopic(event.detail.value)} />
          <View className='hotline-form__unsafe'>
            <Text className='hotline-form__unsafe-text'>我现在觉得自己不太安全（会优先安排）</Text>
            <Switch checked={unsafe} color='#2f5d50' onChange={(event) => setUnsafe(event.detail.value)} />
          </View>
        </View>
      ) : null}
      {error ? <Text className='hotline-error'>{error}</Text> : null}
      <ActionButton disabled={!ready} busy={busy} onClick={() => void join()}>
        {kind === 'inbound' ? '领取排队号' : '提交，等老师回电'}
      </ActionButton>
      {status.estimateMinutes !== null ? <Text className='hotline-form__note'>{`按现在的情况，大约 ${status.estimateMinutes} 分钟能轮到你。`}</Text> : null}
    </View>
  )
}
