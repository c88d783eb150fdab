import { createServer, type Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { Server as SocketServer } from "socket.io";
import { io as connectClient, type Socket as ClientSocket } from "socket.io-client";
import { openTestDatabase, testDbKind } from "../../../tests/support/testDatabase";
import { createSealedPostgresAdapter, envelopeKeysFrom } from "./sealedAdapter";

/**
 * The sealed PostgreSQL adapter between two real socket.io servers on one real database (the chat
 * benchmark's open-loop p99, issue 15): a broadcast reaches this process's own sockets without waiting
 * for its NOTIFY, the other process still receives every broadcast in order (a backlog too), and bursts
 * of chat-sized messages travel as NOTIFY payloads, not through the attachments table.
 */
(testDbKind === "postgres" ? describe : describe.skip)("sealed PostgreSQL adapter", () => {
  const keys = envelopeKeysFrom([{ id: "k1", key: randomBytes(32) }]);
  let url: string;
  let closeDatabase: () => Promise<void>;
  let query: (text: string) => Promise<{ rows: Array<Record<string, unknown>> }>;
  const cleanups: Array<() => Promise<void> | void> = [];

  beforeAll(async () => {
    const database = await openTestDatabase();
    url = database.url!;
    closeDatabase = database.close;
    query = (text) => database.pgPool!.query(text);
  });
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  afterAll(async () => {
    await closeDatabase();
  });

  /** One server process's worth: its own small pool (one connection for LISTEN, one for everything else). */
  async function socketServer(): Promise<{ io: SocketServer; pool: pg.Pool; port: number }> {
    const pool = new pg.Pool({ connectionString: url, max: 2 });
    const http: HttpServer = createServer();
    const io = new SocketServer(http, { transports: ["websocket"] });
    io.adapter(await createSealedPostgresAdapter(pool, keys, { tableName: "socket_io_attachments", heartbeatInterval: 5000, heartbeatTimeout: 15000 }));
    await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
    cleanups.push(async () => {
      await new Promise<void>((resolve) => io.close(() => resolve()));
      await pool.end();
    });
    return { io, pool, port: (http.address() as AddressInfo).port };
  }

  async function client(port: number): Promise<{ socket: ClientSocket; received: number[] }> {
    const socket = connectClient(`http://127.0.0.1:${port}`, { transports: ["websocket"], reconnection: false, forceNew: true });
    cleanups.push(() => void socket.disconnect());
    await new Promise<void>((resolve, reject) => {
      socket.once("connect", () => resolve());
      socket.once("connect_error", reject);
    });
    const received: number[] = [];
    socket.on("line", (line: { n: number }) => received.push(line.n));
    return { socket, received };
  }

  const waitFor = async (check: () => boolean, what: string, timeoutMs = 5000) => {
    const deadline = Date.now() + timeoutMs;
    while (!check()) {
      if (Date.now() > deadline) throw new Error(`timed out: ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  };
  /**
   * The other process LISTENs a moment after its adapter is made, and a NOTIFY sent before that reaches
   * nobody: probe (negative numbers) until one crosses. Assertions below read only the non-negative lines,
   * since a late probe may still arrive.
   */
  const untilListening = async (from: SocketServer, remote: { received: number[] }) => {
    for (let probe = -1; !remote.received.some((n) => n < 0); probe -= 1) {
      if (probe < -100) throw new Error("timed out: first broadcast crosses");
      from.emit("line", line(probe));
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  const lines = (received: number[]) => received.filter((n) => n >= 0);
  // about the size of a chat message's staff view
  const line = (n: number) => ({ n, conversationId: "5d0c2a1e-8a7b-4c1d-9e2f-3a4b5c6d7e8f", body: "今天考试没考好，心里很难受，不知道该跟谁说".repeat(3), createdAt: new Date().toISOString() });

  it("delivers to its own sockets while its NOTIFY waits for a pool connection, and the other process gets every broadcast in order", async () => {
    const one = await socketServer();
    const two = await socketServer();
    const local = await client(one.port);
    const remote = await client(two.port);
    await untilListening(one.io, remote);
    local.received.length = 0;
    remote.received.length = 0;

    const held = await one.pool.connect(); // the pool's last free connection: no NOTIFY can leave
    try {
      for (let n = 0; n < 100; n += 1) one.io.emit("line", line(n));
      await waitFor(() => lines(local.received).length === 100, "local sockets receive the burst");
      expect(lines(local.received)).toEqual(Array.from({ length: 100 }, (_, n) => n));
      expect(lines(remote.received)).toEqual([]);
    } finally {
      held.release();
    }
    await waitFor(() => lines(remote.received).length === 100, "the other process receives the burst");
    expect(lines(remote.received)).toEqual(Array.from({ length: 100 }, (_, n) => n));
  });

  it("sends bursts of chat-sized broadcasts as NOTIFY payloads, without rows in the attachments table", async () => {
    const one = await socketServer();
    const two = await socketServer();
    const remote = await client(two.port);
    await untilListening(one.io, remote);
    const before = Number((await query("SELECT count(*) AS n FROM socket_io_attachments")).rows[0]!.n);
    // bursts of 20 (two envelopes each: more than fit one NOTIFY, fewer than a backlog)
    for (let burst = 0; burst < 10; burst += 1) {
      for (let n = burst * 20; n < (burst + 1) * 20; n += 1) one.io.emit("line", line(n));
      await waitFor(() => lines(remote.received).length === (burst + 1) * 20, "the other process receives the burst");
    }
    expect(lines(remote.received)).toEqual(Array.from({ length: 200 }, (_, n) => n));
    expect(Number((await query("SELECT count(*) AS n FROM socket_io_attachments")).rows[0]!.n)).toBe(before);
  });
});
