import { startTestServer, type TestServer } from "./testServer";
import type { TestSocket } from "./socketClient";
import { chatTestEnvironment, resetChats, type ChatTestServer } from "./chatFixtures";

/**
 * One chat test suite's server: started once (maintenance job off, see chatTestEnvironment, plus any
 * overrides), chats and tracked sockets cleared after each test, closed at the end. Call at describe level.
 */
export function chatSuite(environment: Record<string, string> = {}) {
  let server: TestServer | undefined;
  const sockets: TestSocket[] = [];
  const running = () => {
    if (!server) throw new Error("chat suite server not started yet");
    return server;
  };
  const c: ChatTestServer = {
    get baseUrl() {
      return running().baseUrl;
    },
    get db() {
      return running().server.services.db;
    },
    now: () => running().clock.now(),
  };
  beforeAll(async () => {
    server = await startTestServer({ seed: false, environment: { ...chatTestEnvironment, ...environment } });
  });
  afterEach(() => resetChats(c, sockets));
  afterAll(() => server?.close());
  /** Remembers a participant's socket so it is closed after the test. */
  const track = <T extends { socket: TestSocket }>(who: T): T => {
    sockets.push(who.socket);
    return who;
  };
  return { c, server: running, track };
}
