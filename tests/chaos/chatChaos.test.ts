import { eq, sql } from "drizzle-orm";
import supertest from "supertest";
import type { StartChatResult } from "@xinyuan/shared";
import { chatMessages, conversations } from "../../server/src/db/schema";
import { openTestDatabase } from "../support/testDatabase";
import { freePort, startServerProcess, type ServerProcess } from "../support/serverProcess";
import { chatUser, counsellorOnDuty, waitFor, type ChatTestServer } from "../support/chatFixtures";
import { ChaosChatClient } from "./chaosChatClient";

const perSide = 250;
const sendEveryMs = 35;
const environment = { CHAT_MESSAGES_PER_SECOND: "100", CHAT_COUNSELLOR_GRACE_SECONDS: "3600", CHAT_IDLE_REMINDER_MINUTES: "600", CHAT_IDLE_CLOSE_MINUTES: "1200" };
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Checks one side's delivered timeline: seq 1..last with no hole, each message once, and every
 * message either side had acknowledged present at its acknowledged seq.
 */
function check(side: ChaosChatClient, acknowledgedBy: ChaosChatClient[], lastSeq: number): string[] {
  const problems: string[] = [];
  const seqs = side.timeline.applied.map((message) => message.seq);
  if (seqs.length !== lastSeq || seqs.some((seq, index) => seq !== index + 1)) problems.push(`${side.name}: timeline is not 1..${lastSeq} (${seqs.length} applied)`);
  const ids = side.timeline.applied.map((message) => `${message.from}:${message.clientMessageId}`);
  if (new Set(ids).size !== ids.length) problems.push(`${side.name}: a message was applied twice`);
  const bySeq = new Map(side.timeline.applied.map((message) => [message.seq, message]));
  for (const sender of acknowledgedBy) {
    for (const [clientMessageId, seq] of sender.acked) {
      if (bySeq.get(seq)?.clientMessageId !== clientMessageId) problems.push(`${side.name}: ${sender.name}'s acked ${clientMessageId} (seq ${seq}) missing`);
    }
  }
  return problems;
}

describe("chat chaos: drops from both sides and a SIGKILLed server", () => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  let serverA: ServerProcess;
  let serverB: ServerProcess;
  const clients: ChaosChatClient[] = [];
  beforeAll(async () => {
    database = await openTestDatabase();
    const [portA, portB] = [await freePort(), await freePort()];
    [serverA, serverB] = await Promise.all([startServerProcess({ databaseUrl: database.url!, port: portA, environment }), startServerProcess({ databaseUrl: database.url!, port: portB, environment })]);
  });
  afterAll(async () => {
    for (const client of clients) client.close();
    await Promise.all([serverA?.stop(), serverB?.stop()]);
    await database?.close();
  });

  it("delivers every acknowledged message exactly once and in order on both sides", async () => {
    const onA: ChatTestServer = { baseUrl: serverA.url, db: database.db, now: () => new Date() };
    const onB: ChatTestServer = { baseUrl: serverB.url, db: database.db, now: () => new Date() };
    const counsellor = await counsellorOnDuty(onB);
    const student = await chatUser(onA);
    const start = await supertest(serverA.url).post("/api/v1/me/chats").set("Authorization", `Bearer ${student.token}`).send({});
    const conversationId = (start.body as StartChatResult).conversation!.id;
    expect((start.body as StartChatResult).outcome).toBe("assigned");
    student.socket.disconnect();

    const studentClient = new ChaosChatClient(serverA.url, student.token, conversationId, "student");
    const counsellorClient = new ChaosChatClient(serverB.url, counsellor.token, conversationId, "counsellor");
    clients.push(studentClient, counsellorClient);
    await waitFor(() => studentClient.socket.connected && counsellorClient.socket.connected, "clients connected");

    const chaos = (async () => {
      await pause(1200);
      studentClient.dropNetwork();
      await pause(1200);
      await serverA.command("drop");
      await pause(1000);
      counsellorClient.dropNetwork();
      await pause(800);
      await serverB.kill();
      await pause(800);
      serverB = await startServerProcess({ databaseUrl: database.url!, port: serverB.port, environment });
      await pause(800);
      studentClient.dropNetwork();
      await serverB.command("drop");
      await pause(700);
      await serverA.command("drop");
      counsellorClient.dropNetwork();
    })();
    for (let index = 0; index < perSide; index += 1) {
      studentClient.send(`学生第${index}条`);
      counsellorClient.send(`老师第${index}条`);
      await pause(sendEveryMs);
    }
    await chaos;

    await waitFor(
      async () => {
        const [row] = await database.db.select({ lastSeq: conversations.lastSeq }).from(conversations).where(eq(conversations.id, conversationId));
        return studentClient.outbox.size === 0 && counsellorClient.outbox.size === 0 && studentClient.timeline.lastSeq === row!.lastSeq && counsellorClient.timeline.lastSeq === row!.lastSeq;
      },
      "both outboxes empty and both timelines complete",
      90_000,
    );
    const [row] = await database.db.select({ lastSeq: conversations.lastSeq }).from(conversations).where(eq(conversations.id, conversationId));
    const lastSeq = row!.lastSeq;
    const [stored] = await database.db
      .select({ total: sql<number>`count(*)::int`, distinctIds: sql<number>`count(DISTINCT (sender_type, client_message_id))::int` })
      .from(chatMessages)
      .where(eq(chatMessages.conversationId, conversationId));
    const problems = [
      ...studentClient.problems,
      ...counsellorClient.problems,
      ...check(studentClient, [studentClient, counsellorClient], lastSeq),
      ...check(counsellorClient, [studentClient, counsellorClient], lastSeq),
    ];
    console.log(`chaos: ${perSide * 2} messages sent, ${studentClient.acked.size + counsellorClient.acked.size} acknowledged, ${lastSeq} in the stream (incl. system lines), ${stored!.total} stored rows`);
    expect(problems).toEqual([]);
    // Each side's own messages are stored in the order it wrote them (the engine sends one at a time).
    const bodiesFrom = (from: "user" | "staff") => studentClient.timeline.applied.filter((message) => message.from === from).map((message) => message.body);
    expect(bodiesFrom("user")).toEqual(studentClient.written);
    expect(bodiesFrom("staff")).toEqual(counsellorClient.written);
    expect(studentClient.acked.size).toBe(perSide);
    expect(counsellorClient.acked.size).toBe(perSide);
    expect(stored!.total).toBe(stored!.distinctIds);
    expect(stored!.total).toBe(lastSeq);
  });
});
