import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface RecordedRequest {
  method: string
  /** Path and query, e.g. `/api/v1/public/schools?q=%E6%B8%A0`. */
  url: string
  headers: IncomingMessage['headers']
  body: unknown
}

export interface Reply {
  status: number
  body?: unknown
}

export type Handler = (request: RecordedRequest) => Reply | Promise<Reply>

export interface HttpTestServer {
  /** e.g. http://127.0.0.1:43123 */
  origin: string
  requests: RecordedRequest[]
  close: () => Promise<void>
}

/**
 * A real HTTP server on 127.0.0.1 and a random port. jsdom's XMLHttpRequest (under Taro's fetch) is a
 * real browser-like client, so the server answers CORS like a cross-origin API would.
 */
export async function startHttpTestServer(handler: Handler): Promise<HttpTestServer> {
  const requests: RecordedRequest[] = []
  const server = createServer((req, res) => {
    void respond(req, res)
  })

  async function respond(req: IncomingMessage, res: ServerResponse): Promise<void> {
    res.setHeader('Access-Control-Allow-Origin', '*')
    res.setHeader('Access-Control-Allow-Headers', 'authorization, content-type, accept')
    res.setHeader('Access-Control-Allow-Methods', 'GET, POST, PATCH, PUT, DELETE')
    if (req.method === 'OPTIONS') {
      res.writeHead(204).end()
      return
    }
    const recorded: RecordedRequest = { method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers, body: await readJson(req) }
    requests.push(recorded)
    const reply = await handler(recorded)
    if (reply.body === undefined) {
      res.writeHead(reply.status).end()
      return
    }
    res.writeHead(reply.status, { 'Content-Type': 'application/json; charset=utf-8' }).end(JSON.stringify(reply.body))
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections()
        server.close((error) => (error ? reject(error) : resolve()))
      }),
  }
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  const text = Buffer.concat(chunks).toString('utf8')
  if (text === '') return undefined
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}

export function errorReply(status: number, code: string, message: string): Reply {
  return { status, body: { error: { code, message } } }
}
