import Taro from '@tarojs/taro'
import type { WriteLetterResult } from '@xinyuan/shared'
import { NetworkError, apiErrorFrom } from './apiError'
import * as letters from './letters'
import { flushLetterOutbox, letterDraftStore, letterOutbox, sendThroughOutbox } from './letterOutbox'

const letter = { target: 'school' as const, subject: '最近有点烦', body: '考试没考好', keepFromSchool: false, clientSubmitId: 'submit-0001' }
const stored = (id: string): WriteLetterResult => ({ letter: { id } as WriteLetterResult['letter'], duplicate: false, acknowledgement: '收到了' })

beforeEach(() => {
  Taro.clearStorageSync()
  jest.restoreAllMocks()
})

describe('letter outbox', () => {
  it('keeps a letter whose send failed on the network, and resends it with the same id until the server answers', async () => {
    const write = jest.spyOn(letters, 'writeLetter').mockRejectedValueOnce(new NetworkError('offline')).mockResolvedValueOnce(stored('letter-1'))
    const failed = await sendThroughOutbox(letter)
    expect(failed).toMatchObject({ sent: false, kept: true })
    expect(letterOutbox.pending().map((entry) => entry.letter.clientSubmitId)).toEqual(['submit-0001'])

    expect(await flushLetterOutbox()).toBe(1)
    expect(write).toHaveBeenCalledTimes(2)
    expect(write.mock.calls.map(([body]) => body.clientSubmitId)).toEqual(['submit-0001', 'submit-0001'])
    expect(letterOutbox.pending()).toEqual([])
  })

  it('drops a refused letter from the outbox (the draft stays) and hands back the reason', async () => {
    jest.spyOn(letters, 'writeLetter').mockRejectedValue(apiErrorFrom(403, { error: { code: 'GUARDIAN_CONSENT_REQUIRED', message: '需要监护人同意' } }))
    letterDraftStore.set({ ...letterDraftStore.get(), subject: '草稿' })
    const outcome = await sendThroughOutbox(letter)
    expect(outcome).toMatchObject({ sent: false, kept: false })
    expect(letterOutbox.pending()).toEqual([])
    expect(letterDraftStore.get().subject).toBe('草稿')
  })
})
