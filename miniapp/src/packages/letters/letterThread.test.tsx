import { render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { errorMessages, type MyLetterView } from '@xinyuan/shared'
import { buildSession } from '../../../test/fixtures'
import { errorReply, type RecordedRequest, type Reply } from '../../../test/httpTestServer'
import { pageTestServer } from '../../../test/pageTestServer'
import { LetterThread } from './LetterThread'

const letterId = '6a1f3c2e-9b8d-4e7f-a6c5-1d2e3f405162'
const acknowledgement = '信已经收到了，谢谢你愿意写下来。老师会在工作日认真读，并尽快回信。'
const letter: MyLetterView = {
  id: letterId,
  target: 'school',
  mailboxName: '渠县中学心理信箱',
  subject: '我和同桌吵架了',
  body: '她现在不理我，我很难过。',
  category: 'friends',
  status: 'delivered',
  statusLabel: '已送达',
  replyReminder: false,
  createdAt: '2026-12-07T00:30:00.000Z',
  messages: [{ seq: 1, from: 'system', body: acknowledgement, at: '2026-12-07T00:30:00.000Z' }],
}

function answer(req: RecordedRequest): Reply {
  if (req.url === '/api/v1/auth/wechat/login') return { status: 200, body: buildSession('token-1') }
  if (req.url === `/api/v1/me/letters/${letterId}`) return { status: 200, body: letter }
  return errorReply(404, 'NOT_FOUND', errorMessages.NOT_FOUND)
}

pageTestServer(answer)

describe('a letter just sent', () => {
  it('opens at its top and says the mailbox received it once, in the mailbox own words', async () => {
    const scrolls = jest.spyOn(Taro, 'pageScrollTo').mockResolvedValue({ errMsg: 'pageScrollTo:ok' } as never)
    render(<LetterThread letterId={letterId} acknowledgement={acknowledgement} onBack={() => undefined} />)
    await screen.findByText(letter.subject)
    expect(scrolls).toHaveBeenCalledWith({ scrollTop: 0, duration: 0 })
    expect(screen.getAllByText(acknowledgement)).toHaveLength(1)
    expect(screen.queryByText(/信已经寄出/)).toBeNull()
    expect(screen.getByText('‹ 我的信')).toBeTruthy()
  })

  it('shows the acknowledgement from the thread when opened later from the list', async () => {
    render(<LetterThread letterId={letterId} onBack={() => undefined} />)
    await waitFor(() => expect(screen.getAllByText(acknowledgement)).toHaveLength(1))
  })
})
