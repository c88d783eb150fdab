import { apiRoutes as routes, type BodyOf, type LetterBoxOptionsView, type MyLetterView, type WriteLetterResult } from '@xinyuan/shared'
import { callRoute, type CallOptions } from './callRoute'

/** GET /me/letter-boxes: who would read a letter to my school, my area or the county, and how soon. */
export function listMyLetterBoxes(options?: CallOptions): Promise<LetterBoxOptionsView> {
  return callRoute<LetterBoxOptionsView>(routes.listMyLetterBoxes, {}, options)
}

/** POST /me/letters: idempotent per clientSubmitId (the outbox resends with the same id). */
export function writeLetter(body: BodyOf<typeof routes.writeLetter>, options?: CallOptions): Promise<WriteLetterResult> {
  return callRoute<WriteLetterResult, typeof routes.writeLetter>(routes.writeLetter, { body }, options)
}

export function listMyLetters(options?: CallOptions): Promise<MyLetterView[]> {
  return callRoute<MyLetterView[]>(routes.listMyLetters, {}, options)
}

export function getMyLetter(id: string, options?: CallOptions): Promise<MyLetterView> {
  return callRoute<MyLetterView>(routes.getMyLetter, { params: { id } }, options)
}

export function replyMyLetter(id: string, body: BodyOf<typeof routes.replyMyLetter>, options?: CallOptions): Promise<MyLetterView> {
  return callRoute<MyLetterView, typeof routes.replyMyLetter>(routes.replyMyLetter, { params: { id }, body }, options)
}

export function closeMyLetter(id: string, body: BodyOf<typeof routes.closeMyLetter>, options?: CallOptions): Promise<MyLetterView> {
  return callRoute<MyLetterView, typeof routes.closeMyLetter>(routes.closeMyLetter, { params: { id }, body }, options)
}

/** POST /me/letters/:id/reminder: one WeChat message when a teacher answers. */
export function remindMeOnLetterReply(id: string, body: BodyOf<typeof routes.remindMeOnLetterReply>, options?: CallOptions): Promise<MyLetterView> {
  return callRoute<MyLetterView, typeof routes.remindMeOnLetterReply>(routes.remindMeOnLetterReply, { params: { id }, body }, options)
}
