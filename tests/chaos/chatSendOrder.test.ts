import { and, asc, eq } from "drizzle-orm";
import type { ChatMessageView } from "@xinyuan/shared";
import { chatMessages } from "../../server/src/db/schema";
import { openTestDatabase } from "../support/testDatabase";
import { startServerProcess, type ServerProcess } from "../support/serverProcess";
import { chatUser, counsellorOnDuty, newMessageId, startChat, type ChatTestServer } from "../support/chatFixtures";
import { emitWithAck, type TestSocket } from "../support/socketClient";

type SendAck = { ok: true; data: ChatMessageView } | { ok: false; error: { code: string; message: string; retryAfterMs?: number } };

const bursts = 20;
const perBurst = 5;

/**
 * One burst as a client's socket sends it: every message emitted back to back without awaiting acks.
 * A CHAT_RATE_LIMITED refusal is resent, still in order and still without awaiting acks, after the
 * retryAfterMs the server gave (what the shared chat engine does). Returns the bodies in send order.
 */
async function sendBurst(socket: TestSocket, conversationId: string, prefix: string, burst: number, refusals: { count: number; withoutRetryAfter: number }): Promise<string[]> {
  const order = Array.from({ length: perBurst }, (_, index) => ({ body: `${prefix}-${String(burst).padStart(2, "0")}-${index}`, clientMessageId: newMessageId() }));
  let waiting = order;
  while (waiting.length > 0) {
    const acks = await Promise.all(waiting.map((message) => emitWithAck<ChatMessageView>(socket, "chat:send", { conversationId, ...message }) as Promise<SendAck>));
    const refused = acks.flatMap((ack, index) => (ack.ok ? [] : [{ ack, message: waiting[index]! }]));
    for (const { ack } of refused) {
      if (ack.ok) continue;
      if (ack.error.code !== "CHAT_RATE_LIMITED") throw new Error(`send refused with ${ack.error.code}`);
      refusals.count += 1;
      if (typeof ack.error.retryAfterMs !== "number") refusals.withoutRetryAfter += 1;
    }
    const firstRefused = refused[0]?.ack;
    if (firstRefused && !firstRefused.ok) await new Promise((resolve) => setTimeout(resolve, firstRefused.error.retryAfterMs ?? 1000));
    waiting = refused.map(({ message }) => message);
  }
  return order.map((message) => message.body);
}

describe("one sender's messages are stored in the order sent (two server processes, PostgreSQL)", () => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  let one: ServerProcess;
  let two: ServerProcess;
  const sockets: TestSocket[] = [];
  beforeAll(async () => {
    database = await openTestDatabase();
    // The county's default limit (3 a second): a burst of 5 always meets it, so the refusal path runs too.
    const environment = { CHAT_MESSAGES_PER_SECOND: "3" };
    [one, two] = await Promise.all([startServerProcess({ databaseUrl: database.url!, environment }), startServerProcess({ databaseUrl: database.url!, environment })]);
  });
  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await Promise.all([one?.stop(), two?.stop()]);
    await database?.close();
  });

  it(`stores ${bursts} bursts of ${perBurst} from a student (process 1) and a counsellor (process 2) each in send order`, async () => {
    const onOne: ChatTestServer = { baseUrl: one.url, db: database.db, now: () => new Date() };
    const onTwo: ChatTestServer = { baseUrl: two.url, db: database.db, now: () => new Date() };
    const counsellor = await counsellorOnDuty(onTwo);
    const student = await chatUser(onOne);
    sockets.push(counsellor.socket, student.socket);
    const started = await startChat(onOne, student);
    expect(started.outcome).toBe("assigned");
    const conversationId = started.conversation!.id;

    const refusals = { count: 0, withoutRetryAfter: 0 };
    const sent = { student: [] as string[], counsellor: [] as string[] };
    for (let burst = 0; burst < bursts; burst += 1) {
      // Both sides burst at the same time, into the same conversation, through different processes.
      const [fromStudent, fromCounsellor] = await Promise.all([sendBurst(student.socket, conversationId, "学生", burst, refusals), sendBurst(counsellor.socket, conversationId, "老师", burst, refusals)]);
      sent.student.push(...fromStudent);
      sent.counsellor.push(...fromCounsellor);
    }

    const storedBy = async (senderType: "user" | "staff", senderId: string) => {
      const rows = await database.db
        .select({ seq: chatMessages.seq, clientMessageId: chatMessages.clientMessageId, bodyEnc: chatMessages.bodyEnc })
        .from(chatMessages)
        .where(and(eq(chatMessages.conversationId, conversationId), eq(chatMessages.senderType, senderType), eq(chatMessages.senderId, senderId)))
        .orderBy(asc(chatMessages.seq));
      return rows;
    };
    // Bodies are encrypted at rest: read them back in seq order through the API's resume.
    const history: ChatMessageView[] = [];
    for (let more = true; more; ) {
      const page = await emitWithAck<{ messages: ChatMessageView[]; hasMore: boolean }>(student.socket, "chat:resume", { conversationId, afterSeq: history.at(-1)?.seq ?? 0 });
      if (!page.ok) throw new Error(page.error.code);
      history.push(...page.data.messages);
      more = page.data.hasMore && page.data.messages.length > 0;
    }
    const bodiesFrom = (from: "user" | "staff") => history.filter((message) => message.from === from).map((message) => message.body);

    expect(bodiesFrom("user")).toEqual(sent.student);
    expect(bodiesFrom("staff")).toEqual(sent.counsellor);
    // The database agrees: every message stored once, seq strictly increasing per sender.
    expect(await storedBy("user", student.id)).toHaveLength(bursts * perBurst);
    expect(await storedBy("staff", counsellor.staff.id)).toHaveLength(bursts * perBurst);
    // The limit was met and every refusal said when to try again.
    expect(refusals.count).toBeGreaterThan(0);
    expect(refusals.withoutRetryAfter).toBe(0);
  });
});
