import { isErrorBody } from '@xinyuan/shared'

/** The server answered with `{ error: { code, message } }`; `message` is Chinese text fit to show. */
export class ApiError extends Error {
  override readonly name = 'ApiError'

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message)
  }
}

/** The request never got an answer: offline, server down, timed out. Pages show it with a retry button. */
export class NetworkError extends Error {
  override readonly name = 'NetworkError'

  constructor(readonly detail: string) {
    super('网络好像不太稳定，暂时连不上心援。请检查网络后再试一次。')
  }
}

const fallbackMessage = '服务暂时出了点问题，请稍后再试。'

/** Turns a non-2xx answer into an ApiError, keeping the server's code and message when it sent one. */
export function apiErrorFrom(status: number, data: unknown): ApiError {
  if (isErrorBody(data)) {
    return new ApiError(status, data.error.code, data.error.message || fallbackMessage)
  }
  return new ApiError(status, status >= 500 ? 'INTERNAL' : `HTTP_${status}`, fallbackMessage)
}

export function isNetworkError(error: unknown): error is NetworkError {
  return error instanceof NetworkError
}

/** The text to show for any failure: the server's message, the network hint, or a kind default. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError || error instanceof NetworkError) return error.message
  return fallbackMessage
}
