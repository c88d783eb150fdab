import Taro from '@tarojs/taro'
import type { WriteLetterBody } from '@xinyuan/shared'
import { isNetworkError } from './apiError'
import { writeLetter } from './letters'

const draftKey = 'xinyuan.letterDraft'
const outboxKey = 'xinyuan.letterOutbox'

/** What the writer has typed so far: kept on this device only, until sent or thrown away. */
export interface LetterDraft {
  target: WriteLetterBody['target']
  subject: string
  body: string
  category?: WriteLetterBody['category']
  contactPreference: string
  keepFromSchool: boolean
}

export const emptyDraft: LetterDraft = { target: 'school', subject: '', body: '', contactPreference: '', keepFromSchool: false }

/** A letter handed to the outbox: sent with the same clientSubmitId until the server answered. */
export interface OutboxLetter {
  letter: WriteLetterBody
  queuedAt: number
}

function readJson(key: string): unknown {
  try {
    const raw: unknown = Taro.getStorageSync(key)
    return typeof raw === 'string' && raw !== '' ? JSON.parse(raw) : undefined
  } catch {
    return undefined
  }
}

function writeJson(key: string, value: unknown): void {
  try {
    if (value === undefined) Taro.removeStorageSync(key)
    else Taro.setStorageSync(key, JSON.stringify(value))
  } catch {
    // storage full or blocked: the draft lives as long as the page
  }
}

export const letterDraftStore = {
  get(): LetterDraft {
    const value = readJson(draftKey)
    return value && typeof value === 'object' ? { ...emptyDraft, ...(value as Partial<LetterDraft>) } : emptyDraft
  },
  set(draft: LetterDraft): void {
    writeJson(draftKey, draft)
  },
  clear(): void {
    writeJson(draftKey, undefined)
  },
}

function isOutboxLetter(value: unknown): value is OutboxLetter {
  if (typeof value !== 'object' || value === null) return false
  const entry = value as { letter?: { clientSubmitId?: unknown; subject?: unknown; body?: unknown }; queuedAt?: unknown }
  return typeof entry.queuedAt === 'number' && typeof entry.letter?.clientSubmitId === 'string' && typeof entry.letter.subject === 'string' && typeof entry.letter.body === 'string'
}

/** Letters written but not yet confirmed by the server, always read from storage (a restart keeps them). */
export const letterOutbox = {
  pending(): OutboxLetter[] {
    const value = readJson(outboxKey)
    return Array.isArray(value) ? value.filter(isOutboxLetter) : []
  },
  add(letter: WriteLetterBody, now = Date.now()): void {
    const pending = letterOutbox.pending().filter((entry) => entry.letter.clientSubmitId !== letter.clientSubmitId)
    writeJson(outboxKey, [...pending, { letter, queuedAt: now }])
  },
  remove(clientSubmitId: string): void {
    const pending = letterOutbox.pending().filter((entry) => entry.letter.clientSubmitId !== clientSubmitId)
    writeJson(outboxKey, pending.length ? pending : undefined)
  },
}

export type SendOutcome = { sent: true; acknowledgement: string; letterId: string } | { sent: false; kept: boolean; error: unknown }

/**
 * Sends one letter through the outbox: stored first, then posted; removed only when the server answered
 * (a new letter or the one already stored under this id). A network failure keeps it for the next try;
 * a refusal (bad input, consent) removes it from the outbox and hands the error back (the draft stays).
 */
export async function sendThroughOutbox(letter: WriteLetterBody): Promise<SendOutcome> {
  letterOutbox.add(letter)
  try {
    const result = await writeLetter(letter, { toast: false })
    letterOutbox.remove(letter.clientSubmitId)
    return { sent: true, acknowledgement: result.acknowledgement, letterId: result.letter.id }
  } catch (error) {
    if (isNetworkError(error)) return { sent: false, kept: true, error }
    letterOutbox.remove(letter.clientSubmitId)
    return { sent: false, kept: false, error }
  }
}

/** Resends everything still in the outbox (page open, pull-down refresh). Returns how many went. */
export async function flushLetterOutbox(): Promise<number> {
  let sent = 0
  for (const entry of letterOutbox.pending()) {
    const outcome = await sendThroughOutbox(entry.letter)
    if (outcome.sent) sent += 1
    else if (outcome.kept) break
  }
  return sent
}
