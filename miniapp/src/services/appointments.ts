import Taro from '@tarojs/taro'
import { apiRoutes as routes, type BodyOf, type BookingDirectoryView, type BookingResultView, type BookingView, type SlotView } from '@xinyuan/shared'
import { callRoute, type CallOptions } from './callRoute'
import { countyHourMinute, countyMonthDay, countyWeekday } from './countyTime'
import { subscribeAndLogin } from './wechatSubscribe'

export function getBookingDirectory(options?: CallOptions): Promise<BookingDirectoryView> {
  return callRoute<BookingDirectoryView>(routes.appointmentDirectory, {}, options)
}

export function listSlots(query: { schoolId?: string; expertId?: string }, options?: CallOptions): Promise<SlotView[]> {
  return callRoute<SlotView[], typeof routes.listAppointmentSlots>(routes.listAppointmentSlots, { query }, options)
}

export function bookSlot(body: BodyOf<typeof routes.bookAppointment>, options?: CallOptions): Promise<BookingResultView> {
  return callRoute<BookingResultView, typeof routes.bookAppointment>(routes.bookAppointment, { body }, options)
}

export function listMyBookings(options?: CallOptions): Promise<BookingView[]> {
  return callRoute<BookingView[]>(routes.myAppointments, {}, options)
}

export function cancelBooking(id: string, options?: CallOptions): Promise<{ booking: BookingView; refund: 'full' | 'none' }> {
  return callRoute(routes.cancelAppointment, { params: { id } }, options)
}

/** The "your session is soon" template of this build ('' = not registered: not offered). */
export const appointmentReminderTemplate: string = XINYUAN_APPOINTMENT_REMINDER_TEMPLATE

/** From a tap after booking: asks for the one reminder and arms it; quietly nothing outside WeChat or when declined. */
export async function armAppointmentReminder(bookingId: string): Promise<boolean> {
  if (process.env.TARO_ENV !== 'weapp' || appointmentReminderTemplate === '') return false
  const accepted = await subscribeAndLogin([appointmentReminderTemplate])
  if (!accepted) return false
  await callRoute(routes.remindMeOfAppointment, { params: { id: bookingId }, body: { code: accepted.code } }, { toast: false })
  return true
}

/** WeChat Pay exists only inside the mini-program; the H5 build says so before a parent tries. */
export const canPayHere: boolean = process.env.TARO_ENV === 'weapp'

/** A fresh wx.login code for a paid booking (the server turns it into the payer's openid, never stored). */
export async function payerCode(): Promise<string | undefined> {
  // Outside WeChat there is no payer: Taro's H5 login "succeeds" with no code (and a console warning).
  if (!canPayHere) return undefined
  try {
    const { code } = await Taro.login()
    return code || undefined
  } catch {
    return undefined
  }
}

/** Opens WeChat Pay with what the server prepared; true when the payer confirmed (the server still waits for WeChat's word). */
export async function payInWechat(payment: NonNullable<BookingResultView['payment']>): Promise<boolean> {
  try {
    await Taro.requestPayment({ timeStamp: payment.timeStamp, nonceStr: payment.nonceStr, package: payment.package, signType: payment.signType as 'RSA', paySign: payment.paySign })
    return true
  } catch {
    return false
  }
}

export const yuan = (fen: number) => `¥${(fen / 100).toFixed(fen % 100 === 0 ? 0 : 2)}`

const weekdays = ['周日', '周一', '周二', '周三', '周四', '周五', '周六']
/** "12月8日 周二 14:00–14:50", in the county's time (the device may be elsewhere). */
export function slotTime(startsAt: string, endsAt: string): string {
  return `${countyMonthDay(startsAt)} ${weekdays[countyWeekday(startsAt)]} ${countyHourMinute(startsAt)}–${countyHourMinute(endsAt)}`
}
