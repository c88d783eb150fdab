/**
 * Chat benchmark (PostgreSQL): one real server process; how many sockets it holds, how many chat
 * messages per second it stores and relays, the delivery latency (send -> the other side's
 * "chat:message") and its memory. Closed loop: every pair sends its next message after the ack.
 *
 *   npm run bench:chat            (BENCH_IDLE_SOCKETS=1000 BENCH_PAIRS=100 BENCH_MESSAGES=30 to change)
 */
import { randomBytes, randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import supertest from "supertest";
import type { ChatMessageView } from "@xinyuan/shared";
import { openDatabase } from "../../server/src/db/openDatabase";
import { conversations } from "../../server/src/db/schema";
import { databaseUrlFor, onAdminDatabase } from "../support/testDatabase";
import { startServerProcess } from "../support/serverProcess";
import { chatUser, counsellorOnDuty, type ChatCounsellor, type ChatTestServer, type ChatUser } from "../support/chatFixtures";
import { emitWithAck, type TestSocket } from "../support/socketClient";

const idleSockets = Number(process.env.BENCH_IDLE_SOCKETS ?? 1000);
const pairs = Number(process.env.BENCH_PAIRS ?? 100);
const messagesPerSide = Number(process.env.BENCH_MESSAGES ?? 30);
const capacity = 4;

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

async function inBatches<T>(count: number, size: number, make: (index: number) => Promise<T>): Promise<T[]> {
  const made: T[] = [];
  for (let start = 0; start < count; start += size) made.push(...(await Promise.all(Array.from({ length: Math.min(size, count - start) }, (_, offset) => make(start + offset)))));
  return made;
}

async function main(): Promise<void> {
  const name = `xy_bench_${Date.now().toString(36)}_${randomBytes(2).toString("hex")}`;
  await onAdminDatabase(`CREATE DATABASE "${name}"`);
  const databaseUrl = databaseUrlFor(name);
  const server = await startServerProcess({ databaseUrl, environment: { CHAT_MESSAGES_PER_SECOND: "1000", CHAT_MAINTENANCE_INTERVAL_MS: "3600000" } });
  const database = await openDatabase({ databaseUrl, poolSize: 10 });
  const sockets: TestSocket[] = [];
  try {
    const t: ChatTestServer = { baseUrl: server.url, db: database.db, now: () => new Date() };
    const memoryAtStart = JSON.parse((await server.command("mem", "MEM ")).slice(4)) as { rss: number; heapUsed: number };

    const counsellors: ChatCounsellor[] = await inBatches(Math.ceil(pairs / capacity), 10, () => counsellorOnDuty(t, { capacity }));
    const idle: ChatUser[] = await inBatches(idleSockets, 50, () => chatUser(t));
    const students: ChatUser[] = await inBatches(pairs, 20, () => chatUser(t));
    sockets.push(...counsellors.map((c) => c.socket), ...idle.map((u) => u.socket), ...students.map((u) => u.socket));
    const memoryConnected = JSON.parse((await server.command("mem", "MEM ")).slice(4)) as { rss: number; heapUsed: number; sockets: number };

    const conversationOf = new Map<string, { conversationId: string; counsellor: ChatCounsellor }>();
    const counsellorById = new Map(counsellors.map((c) => [c.staff.id, c]));
    for (const student of students) {
      const response = await supertest(server.url).post("/api/v1/me/chats").set("Authorization", `Bearer ${student.token}`).send({});
      const conversation = response.body.conversation as { id: string } | null;
      if (!conversation) throw new Error(`start chat failed: ${JSON.stringify(response.body)}`);
      const [row] = await database.db.select({ staffId: conversations.assignedStaffId }).from(conversations).where(eq(conversations.id, conversation.id));
      conversationOf.set(student.id, { conversationId: conversation.id, counsellor: counsellorById.get(row!.staffId!)! });
    }

    const sentAt = new Map<string, number>();
    const latencies: number[] = [];
    const listen = (socket: TestSocket) =>
      socket.on("chat:message", (message: ChatMessageView) => {
        const started = sentAt.get(message.clientMessageId);
        if (started !== undefined && message.from !== "system") {
          latencies.push(performance.now() - started);
          sentAt.delete(message.clientMessageId);
        }
      });
    students.forEach((student) => listen(student.socket));
    counsellors.forEach((counsellor) => listen(counsellor.socket));

    const began = performance.now();
    let failures = 0;
    await Promise.all(
      students.map(async (student) => {
        const { conversationId, counsellor } = conversationOf.get(student.id)!;
        for (let index = 0; index < messagesPerSide; index += 1) {
          for (const [socket, body] of [[student.socket, `同学的第${index}条消息`], [counsellor.socket, `老师的第${index}条回复`]] as const) {
            const clientMessageId = randomUUID();
            sentAt.set(clientMessageId, performance.now());
            const ack = await emitWithAck(socket, "chat:send", { conversationId, clientMessageId, body });
            if (!ack.ok) failures += 1;
          }
        }
      }),
    );
    const deadline = Date.now() + 10_000;
    while (sentAt.size > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    const seconds = (performance.now() - began) / 1000;
    const memoryAfter = JSON.parse((await server.command("mem", "MEM ")).slice(4)) as { rss: number; heapUsed: number; sockets: number };
    const sorted = [...latencies].sort((a, b) => a - b);
    const total = pairs * messagesPerSide * 2;

    console.log("\n心援 chat benchmark (one server process, PostgreSQL, socket.io + postgres adapter)");
    console.table({
      "concurrent sockets held": memoryConnected.sockets,
      "chat pairs": pairs,
      "messages sent (acked)": total - failures,
      "refused / failed": failures,
      "messages delivered": latencies.length,
      "not delivered within 10 s": sentAt.size,
      "duration": `${seconds.toFixed(1)} s`,
      "messages/s stored + relayed": Math.round(latencies.length / seconds),
      "delivery latency p50": `${percentile(sorted, 50).toFixed(1)} ms`,
      "delivery latency p99": `${percentile(sorted, 99).toFixed(1)} ms`,
      "server RSS at start": mb(memoryAtStart.rss),
      "server RSS with sockets": mb(memoryConnected.rss),
      "server RSS after run": mb(memoryAfter.rss),
      "server heap after run": mb(memoryAfter.heapUsed),
      "RSS per socket": `${((memoryConnected.rss - memoryAtStart.rss) / Math.max(1, memoryConnected.sockets) / 1024).toFixed(1)} KB`,
    });
    // Numbers are only worth printing if every message got through: otherwise fail (the smoke run in CI too).
    if (failures > 0 || sentAt.size > 0) throw new Error(`${failures} refused, ${sentAt.size} not delivered`);
  } finally {
    for (const socket of sockets) socket.disconnect();
    await server.stop();
    await database.close();
    await onAdminDatabase(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
