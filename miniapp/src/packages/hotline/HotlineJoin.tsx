import { Input, Switch, Text, Textarea, View } from '@tarojs/components'
import { normalisePhoneNumber, phoneNumber, type CallerTicketView, type HotlineStatusView, type HotlineTicketKind } from '@xinyuan/shared'
import { useEffect, useState } from 'react'
import { ActionButton } from '../../components/ActionButton'
import { ChoiceList } from '../../components/ChoiceList'
import { ApiError, describeError } from '../../services/apiError'
import { joinHotline } from '../../services/hotline'
import { requestHotlineReminders } from '../../services/hotlineReminders'
import { NobodyOnDutyHelp, nobodyOnDutyLead } from './NobodyOnDutyHelp'
import { staffedNow } from './HotlineStatusCard'

const kinds = [
  { value: 'callback', label: '请老师给我回电', hint: '留下电话和方便接听的时间，老师打给你' },
  { value: 'inbound', label: '我自己拨打热线', hint: '拿一个排队号，打过去时告诉老师' },
] as const

/**
 * Refusals that mean the page is out of date: the queue filled up or closed meanwhile, a ticket is
 * already waiting (a retry after an answer that got lost), or the roster changed under the chosen
 * call-back window. Reloading shows the notice and other ways, that ticket, or the windows still
 * offered, instead of leaving the student on a form that cannot work.
 */
const outdatedCodes: ReadonlySet<string> = new Set(['HOTLINE_FULL', 'HOTLINE_CLOSED', 'HOTLINE_ALREADY_WAITING', 'HOTLINE_WINDOW_NOT_STAFFED'])

interface HotlineJoinProps {
  status: HotlineStatusView
  onJoined: (ticket: CallerTicketView) => void
  /** Reloads the hotline status and the current ticket. */
  onOutdated: () => void | Promise<void>
  /** The line is closed: only a call-back for a window after it opens can be booked, not a number to call now. */
  callbackOnly?: boolean
}

/**
 * Join the queue: "call me back" (phone, one of the windows the server offers, optional topic) or a
 * ticket number for calling in. The windows come from the roster, so each is a time someone can call.
 */
export function HotlineJoin({ status, onJoined, onOutdated, callbackOnly = false }: HotlineJoinProps) {
  const [pickedKind, setKind] = useState<HotlineTicketKind | null>(null)
  const kind = callbackOnly ? 'callback' : pickedKind
  const [phone, setPhone] = useState('')
  const [windowStart, setWindowStart] = useState<string | null>(null)
  const [topic, setTopic] = useState('')
  const [unsafe, setUnsafe] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const offered = status.callbackWindows
  const windowChoices = offered.map((option) => ({ value: option.start, label: option.label }))
  const chosen = offered.find((option) => option.start === windowStart)
  const canBook = offered.length > 0
  const callbackNumber = normalisePhoneNumber(phone)
  const phoneValid = phoneNumber.safeParse(callbackNumber).success
  const [phoneTouched, setPhoneTouched] = useState(false)
  const ready = kind === 'inbound' || (kind === 'callback' && phoneValid && chosen !== undefined)

  // a status reload (after a refusal, a resync, a pull-down) may no longer offer the chosen window: never send a stale one
  useEffect(() => {
    if (windowStart !== null && chosen === undefined) setWindowStart(null)
  }, [windowStart, chosen])

  const join = async () => {
    if (!kind) return
    setBusy(true)
    setError(null)
    try {
      const notify = kind === 'callback' ? await requestHotlineReminders() : undefined
      const base = { kind, feelingUnsafe: unsafe, ...(topic.trim() ? { topic: topic.trim() } : {}), ...(notify ? { notify } : {}) }
      const window = chosen && { start: chosen.start, end: chosen.end }
      onJoined(await joinHotline(kind === 'callback' ? { ...base, phone: callbackNumber, window } : base, { toast: false }))
    } catch (caught) {
      setError(describeError(caught))
      if (caught instanceof ApiError && outdatedCodes.has(caught.code)) void onOutdated()
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='hotline-join'>
      {callbackOnly ? (
        <Text className='hotline-section'>也可以预约一个时间，热线开放后老师给你回电</Text>
      ) : (
        <>
          <Text className='hotline-section'>你想怎么和老师通话？</Text>
          <ChoiceList choices={kinds} value={kind} onChange={setKind} />
        </>
      )}
      {kind === 'callback' && canBook ? (
        <View className='hotline-form'>
          <Text className='hotline-form__label'>回电号码（只有给你打电话的老师能看到）</Text>
          {/* type text, not number: a landline needs its "-" (0818-7362000), and people type spaces */}
          <Input className='hotline-form__input' type='text' maxlength={20} value={phone} placeholder='手机号或带区号的座机，如 0818-7362000' onInput={(event) => setPhone(event.detail.value)} onBlur={() => setPhoneTouched(true)} />
          {phoneTouched && phone.trim() !== '' && !phoneValid ? <Text className='hotline-form__error'>这个号码好像不完整：手机号是 11 位数字，座机请加上区号，比如 0818-7362000。</Text> : null}
          <Text className='hotline-form__label'>什么时候方便接电话？</Text>
          <ChoiceList choices={windowChoices} value={windowStart} onChange={setWindowStart} />
        </View>
      ) : null}
      {kind === 'callback' && !canBook ? <Text className='hotline-form__label'>{noWindowsLine(callbackOnly)}</Text> : null}
      {kind === 'inbound' || (kind === 'callback' && canBook) ? (
        <View className='hotline-form'>
          <Text className='hotline-form__label'>想聊点什么？（可以不写）</Text>
          <Textarea className='hotline-form__topic' value={topic} maxlength={200} placeholder='比如：最近压力很大、和家里人吵架了……' onInput={(event) => setTopic(event.detail.value)} />
          <View className='hotline-form__unsafe'>
            <Text className='hotline-form__unsafe-text'>我现在觉得自己不太安全（会优先安排）</Text>
            <Switch checked={unsafe} color='#2f5d50' onChange={(event) => setUnsafe(event.detail.value)} />
          </View>
        </View>
      ) : null}
      {unsafe && !staffedNow(status) ? <NobodyOnDutyHelp lead={nobodyOnDutyLead} /> : null}
      {error ? <Text className='hotline-error'>{error}</Text> : null}
      <ActionButton disabled={!ready} busy={busy} onClick={() => void join()}>
        {kind === 'inbound' ? '领取排队号' : '提交，等老师回电'}
      </ActionButton>
      {!callbackOnly && staffedNow(status) && status.estimateMinutes !== null ? <Text className='hotline-form__note'>{`按现在的情况，大约 ${status.estimateMinutes} 分钟能轮到你。`}</Text> : null}
    </View>
  )
}

/** No window to offer: say sorry, never a dead end. "Below" is the page's other ways. */
function noWindowsLine(callbackOnly: boolean): string {
  const sorry = '接下来几天暂时约不到老师回电的时间，真的很抱歉。'
  return callbackOnly ? `${sorry}你可以先用下面的方式找我们，我们都在。` : `${sorry}你可以选“我自己拨打热线”，也可以用下面的方式找我们，我们都在。`
}
