import { eq } from "drizzle-orm";
import { chatSystemLines, type ChatMessageView, type ChatStatusNotice } from "@xinyuan/shared";
import { conversations } from "../../server/src/db/schema";
import { openTestDatabase } from "../support/testDatabase";
import { freePort, startServerProcess, type ServerProcess } from "../support/serverProcess";
import { chatUser, collect, counsellorOnDuty, startChat, waitFor, type ChatTestServer } from "../support/chatFixtures";

const graceSeconds = 10;
// production defaults for the maintenance interval and the heartbeats; only the grace is short
const environment = { CHAT_COUNSELLOR_GRACE_SECONDS: String(graceSeconds), CHAT_OPEN_TIMEOUT_SECONDS: "3600", CHAT_IDLE_REMINDER_MINUTES: "600", CHAT_IDLE_CLOSE_MINUTES: "1200" };

/**
 * The only counsellor's server process is SIGKILLed: no goodbye, its sockets' rows stay behind. The other
 * process must notice within seconds (its heartbeat stops), return the chat to the queue within grace +
 * 10 s, tell the waiting student nobody is left (with the helplines), and tell a new student the same.
 */
describe("chat failover: the counsellor's process dies", () => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  let serverA: ServerProcess;
  let serverB: ServerProcess;
  beforeAll(async () => {
    database = await openTestDatabase();
    const [portA, portB] = [await freePort(), await freePort()];
    [serverA, serverB] = await Promise.all([startServerProcess({ databaseUrl: database.url!, port: portA, environment }), startServerProcess({ databaseUrl: database.url!, port: portB, environment })]);
  });
  afterAll(async () => {
    await Promise.all([serverA?.stop(), serverB?.stop()]);
    await database?.close();
  });

  it("returns the chat within grace + 10 s and tells waiting students nobody is left", async () => {
    const onA: ChatTestServer = { baseUrl: serverA.url, db: database.db, now: () => new Date() };
    const onB: ChatTestServer = { baseUrl: serverB.url, db: database.db, now: () => new Date() };
    const counsellor = await counsellorOnDuty(onB, { capacity: 1 });
    const served = await chatUser(onA);
    const waiting = await chatUser(onA);
    const servedStart = await startChat(onA, served);
    expect(servedStart.outcome).toBe("assigned");
    const queued = await startChat(onA, waiting);
    expect(queued.outcome).toBe("queued");
    const servedStatuses = collect<ChatStatusNotice>(served.socket, "chat:status");
    const waitingStatuses = collect<ChatStatusNotice>(waiting.socket, "chat:status");
    const waitingLines = collect<ChatMessageView>(waiting.socket, "chat:message");
    const id = servedStart.conversation!.id;

    const killedAt = Date.now();
    await serverB.kill();
    let nobodyToldAt = 0;
    let returnedAt = 0;
    await waitFor(
      async () => {
        if (!nobodyToldAt && waitingStatuses.some((notice) => notice.heldForNextShift)) nobodyToldAt = Date.now();
        const [row] = await database.db.select({ status: conversations.status }).from(conversations).where(eq(conversations.id, id));
        if (!returnedAt && row!.status === "waiting") returnedAt = Date.now();
        return nobodyToldAt > 0 && returnedAt > 0;
      },
      "chat returned and waiting student told",
      (graceSeconds + 30) * 1000,
    );
    const failoverSeconds = (returnedAt - killedAt) / 1000;
    const nobodySeconds = (nobodyToldAt - killedAt) / 1000;
    console.log(`failover: chat back in the queue ${failoverSeconds.toFixed(1)} s after kill -9 (grace ${graceSeconds} s); waiting student told nobody is on duty after ${nobodySeconds.toFixed(1)} s`);
    expect(failoverSeconds).toBeLessThanOrEqual(graceSeconds + 10);
    // not before the grace period: a counsellor who comes back in time keeps the chat
    expect(failoverSeconds).toBeGreaterThanOrEqual(graceSeconds);
    expect(nobodySeconds).toBeLessThanOrEqual(10);
    const told = waitingStatuses.find((notice) => notice.heldForNextShift)!;
    expect(told.helplines.map((line) => line.number)).toEqual(expect.arrayContaining(["12356", "110", "120"]));
    await waitFor(() => waitingLines.some((line) => line.body === chatSystemLines.nobodyLeft), "nobody-left line in the stream");
    await waitFor(() => servedStatuses.some((notice) => notice.status === "waiting"), "served student told the chat is waiting again");

    const newcomer = await chatUser(onA);
    const late = await startChat(onA, newcomer);
    expect(late.outcome).toBe("nobody_on_duty");
    for (const socket of [served.socket, waiting.socket, newcomer.socket, counsellor.socket]) socket.disconnect();
  });
});
