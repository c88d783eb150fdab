import Taro from '@tarojs/taro'
import { NetworkError } from './apiError'

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'

export interface TransportRequest {
  method: HttpMethod
  url: string
  body?: unknown
  token?: string | null
}

export interface TransportResponse {
  status: number
  data: unknown
}

const timeoutMs = 15_000

/**
 * One HTTP exchange through Taro.request (wx.request in WeChat, fetch in H5). Any HTTP status resolves;
 * only a request that got no answer at all rejects, as a NetworkError.
 */
export async function send({ method, url, body, token }: TransportRequest): Promise<TransportResponse> {
  const header: Record<string, string> = { Accept: 'application/json' }
  if (body !== undefined) header['Content-Type'] = 'application/json'
  if (token) header.Authorization = `Bearer ${token}`
  try {
    const response = await Taro.request({
      url,
      method,
      header,
      data: body === undefined ? undefined : JSON.stringify(body),
      dataType: 'json',
      timeout: timeoutMs,
    })
    return { status: response.statusCode, data: parseBody(response.data) }
  } catch (cause) {
    throw new NetworkError(cause instanceof Error ? cause.message : describeFailure(cause))
  }
}

/** wx.request parses JSON itself; H5 does too, but a proxy's HTML error page arrives as a string. */
function parseBody(data: unknown): unknown {
  if (typeof data !== 'string' || data === '') return data
  try {
    return JSON.parse(data)
  } catch {
    return data
  }
}

function describeFailure(cause: unknown): string {
  if (typeof cause === 'object' && cause !== null && 'errMsg' in cause) return String(cause.errMsg)
  return String(cause)
}
