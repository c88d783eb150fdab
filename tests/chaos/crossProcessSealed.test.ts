import { randomBytes } from "node:crypto";
import pg from "pg";
import { sql } from "drizzle-orm";
import type { ChatMessageView, StartChatResult } from "@xinyuan/shared";
import { onAdminDatabase, openTestDatabase } from "../support/testDatabase";
import { startServerProcess, type ServerProcess } from "../support/serverProcess";
import { api, chatUser, collect, counsellorOnDuty, newMessageId, waitFor, type ChatTestServer } from "../support/chatFixtures";
import { emitWithAck, type TestSocket } from "../support/socketClient";

/**
 * Issue 14 (High): any database login may LISTEN. A role with LOGIN and no table rights listens on the
 * socket.io adapter's channel while two processes relay a chat; nothing it reads, and nothing in
 * socket_io_attachments, may contain the message text.
 */
// PostgreSQL adapter only; with REDIS_URL the Redis twin (redisSealed.test.ts) runs instead.
(process.env.REDIS_URL ? describe.skip : describe)("cross-process traffic is sealed", () => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  let one: ServerProcess;
  let two: ServerProcess;
  const sockets: TestSocket[] = [];
  const role = `listen_probe_${randomBytes(4).toString("hex")}`;
  let listener: pg.Client;
  const heard: string[] = [];
  beforeAll(async () => {
    database = await openTestDatabase();
    await onAdminDatabase(`CREATE ROLE "${role}" LOGIN`);
    const url = new URL(database.url!);
    url.username = role;
    listener = new pg.Client({ connectionString: url.toString() });
    await listener.connect();
    listener.on("notification", (message) => heard.push(`${message.channel} ${message.payload ?? ""}`));
    await listener.query(`LISTEN "socket.io#/"`);
    [one, two] = await Promise.all([startServerProcess({ databaseUrl: database.url! }), startServerProcess({ databaseUrl: database.url! })]);
  });
  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await Promise.all([one?.stop(), two?.stop()]);
    await listener?.end();
    await database?.close();
    await onAdminDatabase(`DROP ROLE IF EXISTS "${role}"`);
  });

  it("the listen-only role has no table rights (the probe is what the issue describes)", async () => {
    await expect(listener.query("SELECT count(*) FROM chat_messages")).rejects.toThrow(/permission denied/);
  });

  it("a chat relayed between two processes, and a payload over 8 KB, reach the other side but never appear in clear", async () => {
    const onOne: ChatTestServer = { baseUrl: one.url, db: database.db, now: () => new Date() };
    const onTwo: ChatTestServer = { baseUrl: two.url, db: database.db, now: () => new Date() };
    const counsellor = await counsellorOnDuty(onTwo);
    const student = await chatUser(onOne);
    sockets.push(counsellor.socket, student.socket);
    const atStudent = collect<ChatMessageView>(student.socket, "chat:message");
    const atCounsellor = collect<ChatMessageView>(counsellor.socket, "chat:message");
    const secret = `秘密-${randomBytes(6).toString("hex")}`;

    const start = await api(onOne).post("/api/v1/me/chats").set("Authorization", `Bearer ${student.token}`).send({ firstMessage: { clientMessageId: newMessageId(), body: `我的${secret}开头` } });
    const conversationId = (start.body as StartChatResult).conversation!.id;
    const reply = await emitWithAck<ChatMessageView>(counsellor.socket, "chat:send", { conversationId, clientMessageId: newMessageId(), body: `回复${secret}` });
    expect(reply.ok).toBe(true);
    await waitFor(() => atStudent.some((message) => message.body === `回复${secret}`), "reply crosses to instance 1");
    const line = await emitWithAck<ChatMessageView>(student.socket, "chat:send", { conversationId, clientMessageId: newMessageId(), body: `学生${secret}` });
    expect(line.ok).toBe(true);
    await waitFor(() => atCounsellor.some((message) => message.body === `学生${secret}`), "student line crosses to instance 2");

    // Over 8 KB the adapter stores the payload in socket_io_attachments and notifies only its id.
    const big = `${secret} `.repeat(600);
    const atStudentBig = collect<{ body: string }>(student.socket, "chat:message");
    await two.command(`emit user-${student.id} chat:message ${JSON.stringify({ body: big })}`, "EMITTED");
    await waitFor(() => atStudentBig.some((payload) => payload.body === big), "the large payload crosses to instance 1");
    const attachments = await database.db.execute<{ payload: Buffer }>(sql`SELECT payload FROM socket_io_attachments`);
    const rows = (attachments as unknown as { rows?: Array<{ payload: Buffer }> }).rows ?? (attachments as unknown as Array<{ payload: Buffer }>);
    expect(rows.length).toBeGreaterThan(0);
    const leakedRows = rows.filter((row) => Buffer.from(row.payload).includes(Buffer.from(secret)) || Buffer.from(row.payload).includes(Buffer.from(secret.slice(3))));
    expect(leakedRows.length).toBe(0);

    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(heard.length).toBeGreaterThan(0);
    expect(heard.filter((payload) => payload.includes(secret.slice(3))).length).toBe(0);
    expect(heard.join("\n")).not.toContain(student.alias);
  });

  it("a notification forged by a login that may NOTIFY is not delivered", async () => {
    const student = await chatUser({ baseUrl: one.url, db: database.db, now: () => new Date() });
    sockets.push(student.socket);
    const seen = collect<{ body: string }>(student.socket, "chat:message");
    const forged = { uid: "forger", nsp: "/", type: 3 /* BROADCAST */, data: { packet: { type: 2, data: ["chat:message", { body: "伪造的消息" }], nsp: "/" }, opts: { rooms: [`user-${student.id}`], except: [], flags: {} } } };
    await listener.query("SELECT pg_notify($1, $2)", ["socket.io#/", JSON.stringify(forged)]);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(seen).toEqual([]);
  });
});
