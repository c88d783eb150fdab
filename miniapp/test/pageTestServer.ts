import Taro from '@tarojs/taro'
import { setApiBase } from '../src/services/apiBase'
import { fakeSocket } from './fakeSocket'
import { startHttpTestServer, type HttpTestServer, type RecordedRequest, type Reply } from './httpTestServer'

/**
 * A page test's surroundings, set up before and torn down after each test (call at the top of the file):
 * a real HTTP server on 127.0.0.1 answering with `answer` as the API, navigation stubbed, the fake socket
 * reset. `reset` runs first, so each test starts from fresh fake data.
 */
export function pageTestServer(answer: (req: RecordedRequest) => Reply, reset: () => void = () => undefined): { readonly current: HttpTestServer } {
  let server: HttpTestServer | undefined
  beforeEach(async () => {
    reset()
    server = await startHttpTestServer(answer)
    setApiBase(`${server.origin}/api/v1`)
    jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' })
  })
  afterEach(async () => {
    fakeSocket.reset()
    await server?.close()
    setApiBase(null)
    jest.restoreAllMocks()
  })
  return {
    get current() {
      if (!server) throw new Error('the page test server starts before each test')
      return server
    },
  }
}
