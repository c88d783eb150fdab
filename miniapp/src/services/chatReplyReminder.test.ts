import Taro from '@tarojs/taro'
import { chatReplyReminderAvailable, requestChatReplyReminder } from './chatReplyReminder'

const weapp = { platform: 'weapp', templateId: 'tmpl-chat-reply' }

function subscribeAnswer(result: string): Taro.requestSubscribeMessage.SuccessCallbackResult {
  return { errMsg: 'requestSubscribeMessage:ok', 'tmpl-chat-reply': result } as unknown as Taro.requestSubscribeMessage.SuccessCallbackResult
}

afterEach(() => jest.restoreAllMocks())

describe('chatReplyReminderAvailable', () => {
  it('is true only in WeChat with a template id', () => {
    expect(chatReplyReminderAvailable(weapp)).toBe(true)
    expect(chatReplyReminderAvailable({ platform: 'h5', templateId: 'tmpl-chat-reply' })).toBe(false)
    expect(chatReplyReminderAvailable({ platform: 'weapp', templateId: '' })).toBe(false)
  })

  it('is false for this test build (H5, no template id)', () => {
    expect(chatReplyReminderAvailable()).toBe(false)
  })
})

describe('requestChatReplyReminder', () => {
  it('asks for the one template and returns a fresh login code when accepted', async () => {
    const subscribe = jest.spyOn(Taro, 'requestSubscribeMessage').mockResolvedValue(subscribeAnswer('accept'))
    jest.spyOn(Taro, 'login').mockResolvedValue({ code: 'wx-code-1', errMsg: 'login:ok' })

    await expect(requestChatReplyReminder(weapp)).resolves.toBe('wx-code-1')
    expect(subscribe).toHaveBeenCalledWith(expect.objectContaining({ tmplIds: ['tmpl-chat-reply'] }))
  })

  it('returns nothing and does not log in when refused', async () => {
    jest.spyOn(Taro, 'requestSubscribeMessage').mockResolvedValue(subscribeAnswer('reject'))
    const login = jest.spyOn(Taro, 'login').mockResolvedValue({ code: 'wx-code-1', errMsg: 'login:ok' })

    await expect(requestChatReplyReminder(weapp)).resolves.toBeUndefined()
    expect(login).not.toHaveBeenCalled()
  })

  it('returns nothing when WeChat fails', async () => {
    jest.spyOn(Taro, 'requestSubscribeMessage').mockRejectedValue(new Error('requestSubscribeMessage:fail'))

    await expect(requestChatReplyReminder(weapp)).resolves.toBeUndefined()
  })

  it('does not ask at all where reminders are not available', async () => {
    const subscribe = jest.spyOn(Taro, 'requestSubscribeMessage').mockResolvedValue(subscribeAnswer('accept'))

    await expect(requestChatReplyReminder()).resolves.toBeUndefined()
    await expect(requestChatReplyReminder({ platform: 'weapp', templateId: '' })).resolves.toBeUndefined()
    expect(subscribe).not.toHaveBeenCalled()
  })
})
