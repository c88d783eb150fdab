/**
 * Chat benchmark (PostgreSQL): real server processes, real socket.io clients. Prints, in one run:
 *  - the idle crowd: authenticated sockets actually connected to server 1 (spread over several client
 *    processes, one process tops out before 10 000) and the server's RSS with them;
 *  - closed loop: every pair sends its next message after the ack (messages/s stored and relayed, the
 *    delivery latency send -> the other side's "chat:message");
 *  - open loop: senders on a timer at an offered rate (not waiting for acks), delivery p50/p99, and where
 *    the time goes on server 1 (queue wait, transaction, notices, adapter publish, event-loop delay, GC:
 *    server/src/realtime/stageTimings.ts) beside this client process's own event-loop delay;
 *  - with BENCH_SERVERS=2, half the students are on server 2 (counsellors on server 1): latency of local
 *    and cross-instance pairs side by side, i.e. the cross-instance cost, measured in the same run.
 * The adapter is PostgreSQL's, or Redis when REDIS_URL is set (passed on to the servers).
 *
 *   npm run bench:chat
 *   knobs: BENCH_IDLE_SOCKETS=10000 BENCH_CLIENT_PROCESSES=4 BENCH_PAIRS=100 BENCH_MESSAGES=30
 *          BENCH_OPEN_RATE=500 BENCH_OPEN_SECONDS=10 BENCH_SERVERS=1 REDIS_URL=redis://127.0.0.1:6379
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { cpus, tmpdir, totalmem } from "node:os";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { eq } from "drizzle-orm";
import supertest from "supertest";
import type { ChatMessageView } from "@xinyuan/shared";
import { openDatabase } from "../../server/src/db/openDatabase";
import { appUsers, conversations } from "../../server/src/db/schema";
import { databaseUrlFor, onAdminDatabase } from "../support/testDatabase";
import { startServerProcess, type ServerProcess } from "../support/serverProcess";
import { sessionTokenFor } from "../support/sessions";
import { chatUser, counsellorOnDuty, type ChatCounsellor, type ChatTestServer, type ChatUser } from "../support/chatFixtures";
import { emitWithAck, type TestSocket } from "../support/socketClient";
import { cpuSecondsOf } from "./processCpu";

const idleSockets = Number(process.env.BENCH_IDLE_SOCKETS ?? 10_000);
const clientProcesses = Math.max(1, Number(process.env.BENCH_CLIENT_PROCESSES ?? 4));
const pairs = Number(process.env.BENCH_PAIRS ?? 100);
const messagesPerSide = Number(process.env.BENCH_MESSAGES ?? 30);
const openRate = Number(process.env.BENCH_OPEN_RATE ?? 500);
const openSeconds = Number(process.env.BENCH_OPEN_SECONDS ?? 10);
const serverCount = Math.min(2, Math.max(1, Number(process.env.BENCH_SERVERS ?? 1)));
const capacity = 4;
/** The idle crowd's client process (run from the repository root, as npm run and scripts/test.mjs do). */
const idleClientEntry = join(process.cwd(), "tests/bench/idleSocketClient.ts");

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
const ms = (value: number) => `${value.toFixed(1)} ms`;
const memoryOf = async (server: ServerProcess) => JSON.parse((await server.command("mem", "MEM ")).slice(4)) as { rss: number; heapUsed: number; sockets: number };

async function inBatches<T>(count: number, size: number, make: (index: number) => Promise<T>): Promise<T[]> {
  const made: T[] = [];
  for (let start = 0; start < count; start += size) made.push(...(await Promise.all(Array.from({ length: Math.min(size, count - start) }, (_, offset) => make(start + offset)))));
  return made;
}

interface Pair {
  student: ChatUser;
  counsellor: ChatCounsellor;
  conversationId: string;
  cross: boolean;
}

/** Delivery latency of every message, by the pair's kind (local / cross-instance). */
class Deliveries {
  sentAt = new Map<string, { at: number; cross: boolean }>();
  latencies = { local: [] as number[], cross: [] as number[] };
  listen(socket: TestSocket): void {
    socket.on("chat:message", (message: ChatMessageView) => {
      const sent = this.sentAt.get(message.clientMessageId);
      if (sent === undefined || message.from === "system") return;
      this.latencies[sent.cross ? "cross" : "local"].push(performance.now() - sent.at);
      this.sentAt.delete(message.clientMessageId);
    });
  }
  reset(): void {
    this.latencies = { local: [], cross: [] };
  }
  async drain(timeoutMs = 15_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.sentAt.size > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  }
  count(): number {
    return this.latencies.local.length + this.latencies.cross.length;
  }
  figures(kind: "local" | "cross" | "all"): { n: number; p50: number; p99: number; max: number } {
    const samples = kind === "all" ? [...this.latencies.local, ...this.latencies.cross] : this.latencies[kind];
    const sorted = [...samples].sort((a, b) => a - b);
    return { n: sorted.length, p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted[sorted.length - 1] ?? 0 };
  }
}

/** The idle crowd: users and sessions made here, sockets held by several client processes. */
async function connectIdleCrowd(t: ChatTestServer, url: string, count: number, children: ChildProcess[]): Promise<{ connected: number; failed: number }> {
  if (count === 0) return { connected: 0, failed: 0 };
  const ids: string[] = [];
  for (let start = 0; start < count; start += 1000) {
    const rows = await t.db
      .insert(appUsers)
      .values(Array.from({ length: Math.min(1000, count - start) }, () => ({ alias: `旁观-${randomBytes(4).toString("hex")}`, role: "student", ageBand: "14_17" })))
      .returning({ id: appUsers.id });
    ids.push(...rows.map((row) => row.id));
  }
  const tokens = await inBatches(ids.length, 50, (index) => sessionTokenFor(t.db, { type: "user", id: ids[index]! }, t.now()));
  const folder = mkdtempSync(join(tmpdir(), "xy-bench-"));
  try {
    const per = Math.ceil(tokens.length / clientProcesses);
    const answers = await Promise.all(
      Array.from({ length: Math.ceil(tokens.length / per) }, (_, index) => {
        const file = join(folder, `tokens-${index}.json`);
        writeFileSync(file, JSON.stringify({ url, tokens: tokens.slice(index * per, (index + 1) * per) }));
        const child = spawn(process.execPath, ["--import", "tsx", idleClientEntry, file], { stdio: ["pipe", "pipe", "inherit"], env: { ...process.env, NODE_OPTIONS: "" } });
        children.push(child);
        return new Promise<{ connected: number; failed: number }>((resolve, reject) => {
          createInterface({ input: child.stdout! }).on("line", (line) => {
            const [word, connected, failed] = line.split(" ");
            if (word === "CONNECTED") resolve({ connected: Number(connected), failed: Number(failed) });
          });
          child.once("exit", (code) => reject(new Error(`idle client exited (${code}) before connecting`)));
        });
      }),
    );
    return answers.reduce((sum, answer) => ({ connected: sum.connected + answer.connected, failed: sum.failed + answer.failed }), { connected: 0, failed: 0 });
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const name = `xy_bench_${Date.now().toString(36)}_${randomBytes(2).toString("hex")}`;
  await onAdminDatabase(`CREATE DATABASE "${name}"`);
  const databaseUrl = databaseUrlFor(name);
  // BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the servers (node refuses --cpu-prof in NODE_OPTIONS)
  const environment = { CHAT_MESSAGES_PER_SECOND: "1000", SOCKET_CONNECTIONS_PER_ADDRESS: "1000000", CHAT_MAINTENANCE_INTERVAL_MS: "3600000" };
  const nodeArgs = process.env.BENCH_SERVER_NODE_ARGS?.split(" ").filter(Boolean) ?? [];
  const servers: ServerProcess[] = [await startServerProcess({ databaseUrl, environment, nodeArgs })];
  if (serverCount === 2) servers.push(await startServerProcess({ databaseUrl, environment, nodeArgs }));
  const [one, two] = [servers[0]!, servers[1] ?? servers[0]!];
  const database = await openDatabase({ databaseUrl, poolSize: 10 });
  const sockets: TestSocket[] = [];
  const children: ChildProcess[] = [];
  try {
    const onOne: ChatTestServer = { baseUrl: one.url, db: database.db, now: () => new Date() };
    const onTwo: ChatTestServer = { ...onOne, baseUrl: two.url };
    const memoryAtStart = await memoryOf(one);

    const idleStarted = performance.now();
    const crowd = await connectIdleCrowd(onOne, one.url, idleSockets, children);
    const idleSecondsTaken = (performance.now() - idleStarted) / 1000;
    const counsellors: ChatCounsellor[] = await inBatches(Math.ceil(pairs / capacity), 10, () => counsellorOnDuty(onOne, { capacity }));
    // with two servers, every other student is on server 2: a cross-instance pair
    const students: Array<ChatUser & { cross: boolean }> = await inBatches(pairs, 20, async (index) => {
      const cross = serverCount === 2 && index % 2 === 1;
      return { ...(await chatUser(cross ? onTwo : onOne)), cross };
    });
    sockets.push(...counsellors.map((c) => c.socket), ...students.map((u) => u.socket));
    const memoryConnected = await memoryOf(one);

    const counsellorById = new Map(counsellors.map((c) => [c.staff.id, c]));
    const chatPairs: Pair[] = [];
    for (const student of students) {
      const response = await supertest(student.cross ? two.url : one.url).post("/api/v1/me/chats").set("Authorization", `Bearer ${student.token}`).send({});
      const conversation = response.body.conversation as { id: string } | null;
      if (!conversation) throw new Error(`start chat failed: ${JSON.stringify(response.body)}`);
      const [row] = await database.db.select({ staffId: conversations.assignedStaffId }).from(conversations).where(eq(conversations.id, conversation.id));
      chatPairs.push({ student, counsellor: counsellorById.get(row!.staffId!)!, conversationId: conversation.id, cross: student.cross });
    }
    const deliveries = new Deliveries();
    students.forEach((student) => deliveries.listen(student.socket));
    counsellors.forEach((counsellor) => deliveries.listen(counsellor.socket));
    let failures = 0;
    const send = async (socket: TestSocket, pair: Pair, body: string) => {
      const clientMessageId = randomUUID();
      deliveries.sentAt.set(clientMessageId, { at: performance.now(), cross: pair.cross });
      const ack = await emitWithAck(socket, "chat:send", { conversationId: pair.conversationId, clientMessageId, body });
      if (!ack.ok) {
        failures += 1;
        deliveries.sentAt.delete(clientMessageId);
      }
    };

    // closed loop: each pair's next message after the previous ack
    const closedBegan = performance.now();
    await Promise.all(
      chatPairs.map(async (pair) => {
        for (let index = 0; index < messagesPerSide; index += 1) {
          await send(pair.student.socket, pair, `同学的第${index}条消息`);
          await send(pair.counsellor.socket, pair, `老师的第${index}条回复`);
        }
      }),
    );
    await deliveries.drain();
    const closedSeconds = (performance.now() - closedBegan) / 1000;
    const closedLost = deliveries.sentAt.size;
    const closed = { delivered: deliveries.count(), all: deliveries.figures("all"), local: deliveries.figures("local"), cross: deliveries.figures("cross") };
    deliveries.reset();

    // open loop: a timer offers `openRate` messages/s, round robin over every pair's two sides, acks not awaited
    const senders = chatPairs.flatMap((pair) => [{ socket: pair.student.socket, pair, who: "同学" }, { socket: pair.counsellor.socket, pair, who: "老师" }]);
    const offered = Math.round(openRate * openSeconds);
    const acks: Array<Promise<void>> = [];
    // where the time goes: server 1's stage timings, and this (client) process's own event-loop delay
    await one.command("timings start", "TIMINGS STARTED");
    const clientLoop = monitorEventLoopDelay({ resolution: 5 });
    clientLoop.enable();
    // what each process on the shared cores spends during the open loop (bench = this process)
    const cpuGroups = { "server 1": [one.child.pid ?? 0], ...(serverCount === 2 ? { "server 2": [two.child.pid ?? 0] } : {}), "postgres (whole cluster)": "postgres" as const, "idle-socket clients": children.map((child) => child.pid ?? 0), bench: [process.pid] };
    const cpuBefore = cpuSecondsOf(cpuGroups);
    const openBegan = performance.now();
    await new Promise<void>((resolve) => {
      let sent = 0;
      const timer = setInterval(() => {
        const due = Math.min(offered, Math.floor(((performance.now() - openBegan) / 1000) * openRate));
        for (; sent < due; sent += 1) {
          const sender = senders[sent % senders.length]!;
          acks.push(send(sender.socket, sender.pair, `${sender.who}的定时消息${sent}`));
        }
        if (sent >= offered) {
          clearInterval(timer);
          resolve();
        }
      }, 5);
    });
    const offeredSeconds = (performance.now() - openBegan) / 1000;
    await Promise.all(acks);
    await deliveries.drain();
    const openSecondsTaken = (performance.now() - openBegan) / 1000;
    const cpuAfter = cpuSecondsOf(cpuGroups);
    const openLost = deliveries.sentAt.size;
    clientLoop.disable();
    const stages = JSON.parse((await one.command("timings", "TIMINGS ")).slice("TIMINGS ".length)) as Record<string, { n: number; p50: number; p99: number; max: number; total?: number }>;
    const open = { delivered: deliveries.count(), all: deliveries.figures("all"), local: deliveries.figures("local"), cross: deliveries.figures("cross") };

    const memoryAfter = await memoryOf(one);
    const stillIdle = (await Promise.all(children.map((child) => new Promise<number>((resolve) => {
      const lines = createInterface({ input: child.stdout! });
      lines.on("line", (line) => line.startsWith("COUNT ") && resolve(Number(line.slice(6))));
      child.stdin!.write("count\n");
    })))).reduce((sum, count) => sum + count, 0);

    const adapter = process.env.REDIS_URL ? "Redis" : "PostgreSQL";
    console.log(`\n心援 chat benchmark — ${serverCount} server process${serverCount === 2 ? "es" : ""}, PostgreSQL, socket.io + ${adapter} adapter (sealed); machine: ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${mb(totalmem())} RAM`);
    const rows: Record<string, string | number> = {
      "idle sockets connected": `${crowd.connected} over ${children.length} processes, ${crowd.failed} failed, ${idleSecondsTaken.toFixed(1)} s`,
      "sockets held by server 1": memoryConnected.sockets,
      "idle sockets still connected after the run": stillIdle,
      "server RSS at start": mb(memoryAtStart.rss),
      "server RSS with sockets": mb(memoryConnected.rss),
      "server RSS after run": mb(memoryAfter.rss),
      "RSS per socket": `${((memoryConnected.rss - memoryAtStart.rss) / Math.max(1, memoryConnected.sockets) / 1024).toFixed(1)} KB`,
      "chat pairs": `${pairs}${serverCount === 2 ? ` (${chatPairs.filter((pair) => pair.cross).length} cross-instance)` : ""}`,
      "closed loop: messages delivered": `${closed.delivered} of ${pairs * messagesPerSide * 2} in ${closedSeconds.toFixed(1)} s`,
      "closed loop: messages/s stored + relayed": Math.round(closed.delivered / closedSeconds),
      "closed loop: delivery p50 / p99": `${ms(closed.all.p50)} / ${ms(closed.all.p99)}`,
      [`open loop: offered`]: `${openRate} msg/s for ${openSeconds} s (${offered} messages, offered in ${offeredSeconds.toFixed(1)} s)`,
      "open loop: delivered": `${open.delivered} (${Math.round(open.delivered / openSecondsTaken)} msg/s incl. drain)`,
      "open loop: delivery p50 / p99 / max": `${ms(open.all.p50)} / ${ms(open.all.p99)} / ${ms(open.all.max)}`,
      [`open loop: CPU, % of one core (machine ${cpus().length * 100})`]: Object.keys(cpuAfter).map((group) => `${group} ${Math.round((100 * (cpuAfter[group]! - cpuBefore[group]!)) / openSecondsTaken)}`).join(", ") || "(no /proc)",
      "refused / failed acks": failures,
      "not delivered within 15 s": closedLost + openLost,
    };
    if (serverCount === 2) {
      rows["closed loop p50 / p99: local pairs"] = `${ms(closed.local.p50)} / ${ms(closed.local.p99)}`;
      rows["closed loop p50 / p99: cross-instance pairs"] = `${ms(closed.cross.p50)} / ${ms(closed.cross.p99)}`;
      rows["open loop p50 / p99: local pairs"] = `${ms(open.local.p50)} / ${ms(open.local.p99)}`;
      rows["open loop p50 / p99: cross-instance pairs"] = `${ms(open.cross.p50)} / ${ms(open.cross.p99)}`;
    }
    console.table(rows);
    console.log("open loop, where the time goes (server 1; ms unless named otherwise; sends per batch, messages per envelope and KB are counts/sizes)");
    const breakdown: Record<string, { n: number; p50: string; p99: string; max: string; total?: string }> = {};
    const figure = (value: number) => value.toFixed(1);
    for (const [stage, value] of Object.entries(stages)) breakdown[stage] = { n: value.n, p50: figure(value.p50), p99: figure(value.p99), max: figure(value.max), ...(value.total !== undefined ? { total: figure(value.total) } : {}) };
    breakdown["bench clients: event loop delay"] = { n: clientLoop.count, p50: figure(clientLoop.percentile(50) / 1e6), p99: figure(clientLoop.percentile(99) / 1e6), max: figure(clientLoop.max / 1e6) };
    console.table(breakdown);
    // Numbers are only worth printing if every message got through: otherwise fail (the smoke run in CI too).
    if (failures > 0 || closedLost + openLost > 0) throw new Error(`${failures} refused, ${closedLost + openLost} not delivered`);
    if (crowd.connected !== idleSockets || stillIdle !== idleSockets) throw new Error(`idle sockets: ${crowd.connected} connected, ${stillIdle} still connected, ${idleSockets} wanted`);
  } finally {
    for (const socket of sockets) socket.disconnect();
    for (const child of children) child.stdin?.end();
    await Promise.all(servers.map((server) => server.stop()));
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
