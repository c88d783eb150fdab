import { fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { errorMessages, miniappPages, type BookingDirectoryView } from '@xinyuan/shared'
import { buildMe, buildSession } from '../../../test/fixtures'
import { errorReply, type RecordedRequest, type Reply } from '../../../test/httpTestServer'
import { pageTestServer } from '../../../test/pageTestServer'
import AppointmentsPage from './index'

const student = buildMe({ role: 'student', ageBand: '14_17', missingConsents: [], canUseCounselling: true, school: { id: '0f7e2d5c-1a2b-4c3d-8e9f-101112131415', name: '渠县第一中学' } })
let directory: BookingDirectoryView

function answer(req: RecordedRequest): Reply {
  const path = req.url.replace('/api/v1', '').split('?')[0]
  if (path === '/auth/wechat/login') return { status: 200, body: buildSession('token-1', student) }
  if (path === '/me') return { status: 200, body: student }
  if (path === '/appointments/directory') return { status: 200, body: directory }
  if (path === '/appointments/bookings') return { status: 200, body: [] }
  return errorReply(404, 'NOT_FOUND', errorMessages.NOT_FOUND)
}

pageTestServer(answer, () => {
  directory = { paymentsEnabled: false, fullRefundHours: 24, holdMinutes: 15, rooms: [], experts: [] }
})

describe('预约咨询 with nothing to book', () => {
  it('is not a dead end: says to look again later, and offers chat, a letter and the hotline that work today', async () => {
    render(<AppointmentsPage />)
    fireEvent.click(await screen.findByText('预约一个时间'))
    expect(await screen.findByText('现在没有可以预约的专家，过几天再来看看。')).toBeTruthy()
    // no "下面是可以免费预约的专家" above an empty list
    expect(screen.queryByText(/下面是可以免费预约的专家/)).toBeNull()
    fireEvent.click(screen.getByText('在线文字聊天'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: miniappPages.chat })
    expect(screen.getByText('给学校心理老师写信')).toBeTruthy()
    expect(screen.getByText('排队请热线老师回电')).toBeTruthy()
  })

  it('offers no other ways above a list with an expert to book', async () => {
    directory.experts = [{ id: '9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a', name: '周专家', title: '心理治疗师', profile: '', qualifications: [], fields: ['情绪'], mode: 'in_person', priceFen: 0 }]
    render(<AppointmentsPage />)
    fireEvent.click(await screen.findByText('预约一个时间'))
    expect(await screen.findByText('周专家')).toBeTruthy()
    expect(screen.getByText('付费的专家咨询暂时没有开放，下面是可以免费预约的专家。')).toBeTruthy()
    expect(screen.queryByText('在线文字聊天')).toBeNull()
  })
})
