import { Text, Textarea, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { expertModeLabels, type BookingDirectoryView, type BookingResultView, type BookingView, type SlotView } from '@xinyuan/shared'
import { ActionButton } from '../../components/ActionButton'
import { EmergencyStrip } from '../../components/EmergencyStrip'
import { HelplineList } from '../../components/HelplineList'
import { Notice } from '../../components/Notice'
import { OtherWays } from '../../components/OtherWays'
import { PageContainer, PageStates } from '../../components/PageContainer'
import { useRemote } from '../../hooks/useRemote'
import { pagePaths } from '../../navigation'
import { describeError } from '../../services/apiError'
import { getMe } from '../../services/me'
import { armAppointmentReminder, bookSlot, canPayHere, cancelBooking, getBookingDirectory, listMyBookings, listSlots, payerCode, payInWechat, slotTime, yuan } from '../../services/appointments'
import './index.css'

type Room = BookingDirectoryView['rooms'][number]
type Expert = BookingDirectoryView['experts'][number]
type Choice = { kind: 'room'; room: Room; schoolId: string } | { kind: 'expert'; expert: Expert }
type Screen = { kind: 'home' } | { kind: 'choose' } | { kind: 'slots'; choice: Choice } | { kind: 'confirm'; choice: Choice; slot: SlotView } | { kind: 'done'; result: BookingResultView; paid: boolean | null }

const statusLabels: Record<string, string> = {
  awaiting_payment: '等待支付',
  confirmed: '已预约',
  paid: '已支付',
  attended: '已到访',
  no_show: '未到',
  cancelled: '已取消',
  expired: '未支付，已释放',
  refund_due: '退款中',
  refunded: '已退款',
}

/**
 * 预约咨询: my bookings; book my school's counselling room (free) or an expert (paid ones only by a parent
 * account: minors never pay); an optional note (a worrying one brings the live lines up at once);
 * cancel with the refund rule said plainly before. Opened from a reminder with ?booking=<id>.
 */
export default function AppointmentsPage() {
  const [screen, setScreen] = useState<Screen>({ kind: 'home' })
  const me = useRemote(() => getMe({ toast: false }))
  const directory = useRemote(() => getBookingDirectory({ toast: false }))
  const bookings = useRemote(() => listMyBookings({ toast: false }))
  const reload = async () => {
    await Promise.all([me.reload(), directory.reload(), bookings.reload()])
  }
  const isParent = me.data?.role === 'parent'
  const rules = directory.data

  return (
    <PageContainer loading={bookings.loading || directory.loading} ready={bookings.data !== undefined && directory.data !== undefined} error={bookings.error ?? directory.error} onRetry={reload}>
      {screen.kind === 'home' ? (
        <View>
          <Text className='appt-title'>预约咨询</Text>
          <Text className='appt-lead'>可以提前约好学校心理辅导室的时间，或约县里请来的专家，不用担心白跑一趟。</Text>
          <ActionButton id='appt-new' onClick={() => setScreen({ kind: 'choose' })}>
            预约一个时间
          </ActionButton>
          <Text className='appt-section'>我的预约</Text>
          {(bookings.data ?? []).length === 0 ? <Text className='appt-empty'>还没有预约。</Text> : null}
          {(bookings.data ?? []).map((booking) => (
            <MyBooking key={booking.id} booking={booking} fullRefundHours={rules?.fullRefundHours ?? 24} onChanged={() => void bookings.reload()} />
          ))}
          <EmergencyStrip />
        </View>
      ) : null}

      {screen.kind === 'choose' && rules ? (
        <View>
          <View className='appt-back' onClick={() => setScreen({ kind: 'home' })}>
            <Text>‹ 返回</Text>
          </View>
          <Text className='appt-section'>学校心理辅导室（免费）</Text>
          {!me.data?.school ? <Text className='appt-empty'>还没有选学校。在“我的”里选好学校后，这里会出现你们学校的辅导室。</Text> : null}
          {me.data?.school && rules.rooms.length === 0 ? <Text className='appt-empty'>你们学校的辅导室还没有开放网上预约，可以直接去辅导室找老师，或者用在线咨询。</Text> : null}
          {rules.rooms.map((room) => (
            <View key={room.id} id={`appt-room-${room.id}`} className='appt-card' hoverClass='appt-card--pressed' onClick={() => setScreen({ kind: 'slots', choice: { kind: 'room', room, schoolId: me.data!.school!.id } })}>
              <Text className='appt-card__name'>{room.name}</Text>
              {room.location ? <Text className='appt-card__meta'>{`地点：${room.location}`}</Text> : null}
              <Text className='appt-card__price'>免费</Text>
            </View>
          ))}
          <Text className='appt-section'>专家咨询</Text>
          {!rules.paymentsEnabled && rules.experts.length > 0 ? <Text className='appt-empty'>付费的专家咨询暂时没有开放，下面是可以免费预约的专家。</Text> : null}
          {rules.experts.length === 0 ? <Text className='appt-empty'>现在没有可以预约的专家，过几天再来看看。</Text> : null}
          {rules.experts.map((expert) => (
            <View key={expert.id} className='appt-card' hoverClass='appt-card--pressed' onClick={() => setScreen({ kind: 'slots', choice: { kind: 'expert', expert } })}>
              <Text className='appt-card__name'>{expert.name}</Text>
              {expert.title ? <Text className='appt-card__meta'>{expert.title}</Text> : null}
              {expert.profile ? <Text className='appt-card__meta'>{expert.profile}</Text> : null}
              {expert.qualifications.length ? <Text className='appt-card__meta'>{`资质：${expert.qualifications.join('、')}`}</Text> : null}
              <View>
                {expert.fields.map((field) => (
                  <Text key={field} className='appt-tag'>
                    {field}
                  </Text>
                ))}
              </View>
              <Text className='appt-card__meta'>{expertModeLabels[expert.mode as keyof typeof expertModeLabels] ?? expert.mode}</Text>
              <Text className='appt-card__price'>{expert.priceFen > 0 ? `${yuan(expert.priceFen)} / 次${isParent ? '' : '（需家长账号预约）'}` : '免费'}</Text>
            </View>
          ))}
          {/* nothing to book: not a dead end, the ways that work today */}
          {rules.experts.length === 0 && (!me.data?.school || rules.rooms.length === 0) ? <OtherWays title='现在就想找老师聊聊，可以这样' offer={['chat', 'letters', 'hotline']} /> : null}
        </View>
      ) : null}

      {screen.kind === 'slots' ? <SlotPicker choice={screen.choice} onBack={() => setScreen({ kind: 'choose' })} onPick={(slot) => setScreen({ kind: 'confirm', choice: screen.choice, slot })} /> : null}

      {screen.kind === 'confirm' && rules ? (
        <Confirm
          choice={screen.choice}
          slot={screen.slot}
          isParent={isParent}
          rules={rules}
          onBack={() => setScreen({ kind: 'slots', choice: screen.choice })}
          onDone={(result, paid) => {
            setScreen({ kind: 'done', result, paid })
            void bookings.reload()
          }}
        />
      ) : null}

      {screen.kind === 'done' ? <Done result={screen.result} paid={screen.paid} onHome={() => setScreen({ kind: 'home' })} /> : null}
    </PageContainer>
  )
}

function SlotPicker({ choice, onBack, onPick }: { choice: Choice; onBack: () => void; onPick: (slot: SlotView) => void }) {
  const slots = useRemote(() => listSlots(choice.kind === 'room' ? { schoolId: choice.schoolId } : { expertId: choice.expert.id }, { toast: false }))
  const shown = (slots.data ?? []).filter((slot) => (choice.kind === 'room' ? slot.room?.id === choice.room.id : true))
  return (
    <View>
      <View className='appt-back' onClick={onBack}>
        <Text>‹ 返回</Text>
      </View>
      <Text className='appt-title'>{choice.kind === 'room' ? choice.room.name : choice.expert.name}</Text>
      <Text className='appt-lead'>选一个方便的时间（未来两周）：</Text>
      <PageStates loading={slots.loading} ready={slots.data !== undefined} error={slots.error} empty={shown.length === 0} emptyText='这两周的时间都约满了，或者还没有开放。可以过几天再来看看，也可以先用在线咨询。' onRetry={slots.reload}>
        {shown.map((slot) => (
          <View key={slot.id} id={`appt-slot-${slot.id}`} className='appt-slot' onClick={() => onPick(slot)}>
            <Text>{slotTime(slot.startsAt, slot.endsAt)}</Text>
            <Text>{slot.priceFen > 0 ? yuan(slot.priceFen) : slot.mode === 'online' ? '线上' : '面谈'}</Text>
          </View>
        ))}
      </PageStates>
    </View>
  )
}

function Confirm({ choice, slot, isParent, rules, onBack, onDone }: { choice: Choice; slot: SlotView; isParent: boolean; rules: BookingDirectoryView; onBack: () => void; onDone: (result: BookingResultView, paid: boolean | null) => void }) {
  const [note, setNote] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const paid = slot.priceFen > 0
  const confirm = async () => {
    setBusy(true)
    setError(null)
    try {
      const wechatCode = paid ? await payerCode() : undefined
      if (paid && !wechatCode) {
        setError('付费预约需要在微信小程序里完成支付。')
        return
      }
      const result = await bookSlot({ slotId: slot.id, ...(note.trim() ? { note: note.trim() } : {}), forChild: isParent, ...(wechatCode ? { wechatCode } : {}) }, { toast: false })
      const paidNow = result.payment ? await payInWechat(result.payment) : null
      onDone(result, paidNow)
    } catch (caught) {
      setError(describeError(caught))
    } finally {
      setBusy(false)
    }
  }
  return (
    <View>
      <View className='appt-back' onClick={onBack}>
        <Text>‹ 换个时间</Text>
      </View>
      <Text className='appt-title'>确认预约</Text>
      <Notice title={choice.kind === 'room' ? choice.room.name : choice.expert.name}>
        <Text className='appt-text'>{`时间：${slotTime(slot.startsAt, slot.endsAt)}`}</Text>
        <Text className='appt-text'>{slot.mode === 'online' ? '方式：线上' : `地点：${slot.room?.location || (choice.kind === 'room' ? choice.room.location : '') || '到时老师会告诉你'}`}</Text>
        <Text className='appt-text'>{paid ? `费用：${yuan(slot.priceFen)}` : '费用：免费'}</Text>
      </Notice>
      {paid && !isParent ? (
        <Notice title='这个时间需要家长预约' tone='warm'>
          <Text className='appt-text'>付费的专家咨询需要爸爸妈妈或其他监护人用家长账号来预约。学校心理辅导室是免费的，老师在等你。</Text>
        </Notice>
      ) : null}
      {paid && isParent && !canPayHere ? (
        <Notice title='请到微信小程序里预约和支付' tone='warm'>
          <Text className='appt-text'>网页版不能用微信支付。请在微信里打开“心援”小程序，在“预约咨询”里选这个时间并支付；学校心理辅导室和免费的专家在这里就能约。</Text>
        </Notice>
      ) : null}
      {paid && isParent && canPayHere ? (
        <Notice title='支付和退款'>
          <Text className='appt-text'>{`确认后请在 ${rules.holdMinutes} 分钟内完成微信支付，时间会为你保留；没有支付会自动释放。`}</Text>
          <Text className='appt-text'>{`开始前 ${rules.fullRefundHours} 小时以上取消，全额退款；${rules.fullRefundHours} 小时以内取消，不能退款。`}</Text>
        </Notice>
      ) : null}
      <Text className='appt-section'>想先告诉老师的话（可以不写）</Text>
      <Textarea id='appt-note' className='appt-note' value={note} maxlength={200} placeholder='比如：想聊聊学习压力' onInput={(event) => setNote(event.detail.value)} />
      <Text className='appt-text'>只有接待你的老师能看到。</Text>
      <ActionButton id='appt-confirm' busy={busy} disabled={paid && (!isParent || !canPayHere)} onClick={() => void confirm()}>
        {paid ? `确认并支付 ${yuan(slot.priceFen)}` : '确认预约'}
      </ActionButton>
      {error ? <Text className='appt-error'>{error}</Text> : null}
    </View>
  )
}

function Done({ result, paid, onHome }: { result: BookingResultView; paid: boolean | null; onHome: () => void }) {
  const [reminded, setReminded] = useState(false)
  const awaitingPayment = result.booking.status === 'awaiting_payment'
  return (
    <View>
      {result.riskFlag ? (
        <Notice title='谢谢你愿意说出来' tone='warm'>
          <Text className='appt-text'>预约已经帮你留好了。如果现在就很难受，不用等到那天，现在就可以和老师说话：</Text>
          <ActionButton variant='urgent' onClick={() => void Taro.navigateTo({ url: pagePaths.chat })}>
            现在和老师聊聊
          </ActionButton>
          <ActionButton variant='secondary' onClick={() => void Taro.navigateTo({ url: pagePaths.hotline })}>
            打心理热线
          </ActionButton>
          <HelplineList title='也可以马上拨打' />
        </Notice>
      ) : null}
      <Text className='appt-title' id='appt-done'>
        {awaitingPayment ? (paid === false ? '还没有完成支付' : '正在确认支付') : '预约好了'}
      </Text>
      <Text className='appt-lead'>{slotTime(result.booking.startsAt, result.booking.endsAt)}</Text>
      {awaitingPayment ? <Text className='appt-text'>{paid === false ? '时间还为你保留着，可以在“我的预约”里看到。没有支付的话，保留时间过后会自动释放，不会扣钱。' : '微信支付确认后，状态会变成“已支付”。'}</Text> : <Text className='appt-text'>到时间请准时来。去不了也没关系，在“我的预约”里取消就好。</Text>}
      {!reminded ? (
        <ActionButton variant='secondary' onClick={() => void armAppointmentReminder(result.booking.id).then(setReminded, () => setReminded(false))}>
          开始前用微信提醒我
        </ActionButton>
      ) : (
        <Text className='appt-text'>好的，开始前会提醒你一次。</Text>
      )}
      <ActionButton variant='quiet' onClick={onHome}>
        回到我的预约
      </ActionButton>
    </View>
  )
}

function MyBooking({ booking, fullRefundHours, onChanged }: { booking: BookingView; fullRefundHours: number; onChanged: () => void }) {
  const [busy, setBusy] = useState(false)
  const cancellable = ['confirmed', 'awaiting_payment', 'paid'].includes(booking.status) && Date.parse(booking.startsAt) > Date.now()
  const cancel = async () => {
    const fullRefund = booking.status === 'paid' && Date.parse(booking.startsAt) - Date.now() > fullRefundHours * 3600_000
    const content = booking.status === 'paid' ? (fullRefund ? '现在取消会全额退款，原路退回。' : `离开始已不到 ${fullRefundHours} 小时，取消后不能退款。`) : '取消后这个时间会让给别的同学。'
    const answer = await Taro.showModal({ title: '取消这个预约？', content, confirmText: '取消预约', cancelText: '再想想' })
    if (!answer.confirm) return
    setBusy(true)
    try {
      const result = await cancelBooking(booking.id)
      void Taro.showToast({ title: result.refund === 'full' ? '已取消，退款处理中' : '已取消', icon: 'none' })
      onChanged()
    } finally {
      setBusy(false)
    }
  }
  return (
    <View className='appt-card'>
      <Text className='appt-card__name'>{slotTime(booking.startsAt, booking.endsAt)}</Text>
      <Text className='appt-status'>{`${statusLabels[booking.status] ?? booking.status}${booking.amountFen > 0 ? ` · ${yuan(booking.amountFen)}` : ' · 免费'}`}</Text>
      {cancellable ? (
        <ActionButton variant='quiet' busy={busy} onClick={() => void cancel()}>
          取消预约
        </ActionButton>
      ) : null}
    </View>
  )
}
