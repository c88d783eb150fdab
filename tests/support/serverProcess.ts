import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { createInterface } from "node:readline";

/** The repository root, found from the working directory (works under jest and under tsx alike). */
function findRepoRoot(): string {
  for (let folder = process.cwd(); ; folder = dirname(folder)) {
    if (existsSync(join(folder, "tests/support/serverProcessMain.ts"))) return folder;
    if (dirname(folder) === folder) throw new Error("run from inside the XinYuan repository");
  }
}

const repoRoot = findRepoRoot();
const entry = join(repoRoot, "tests/support/serverProcessMain.ts");

export interface ServerProcess {
  url: string;
  port: number;
  child: ChildProcess;
  /** Sends one stdin command and resolves with the first output line starting with `expect`. */
  command(line: string, expect?: string): Promise<string>;
  /** SIGKILL: no goodbye to sockets, no cleanup (a crash). */
  kill(): Promise<void>;
  stop(): Promise<void>;
}

/** A free TCP port on 127.0.0.1 (so a restarted process can come back on the same address). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

/**
 * Starts a real server process (node --import tsx tests/support/serverProcessMain.ts) on a PostgreSQL database.
 * Several of them on one database share rooms through @socket.io/postgres-adapter.
 */
export async function startServerProcess(props: { databaseUrl: string; port?: number; environment?: Record<string, string>; nodeArgs?: string[] }): Promise<ServerProcess> {
  // node --import tsx (not the tsx CLI, which wraps a second process): SIGKILL must reach the server itself.
  const child = spawn(process.execPath, [...(props.nodeArgs ?? []), "--import", "tsx", entry], {
    cwd: repoRoot,
    env: {
      ...process.env,
      NODE_OPTIONS: "",
      NODE_ENV: "test",
      LOG_LEVEL: "silent",
      HOST: "127.0.0.1",
      PORT: String(props.port ?? 0),
      DATABASE_URL: props.databaseUrl,
      WECHAT_API_BASE: "http://127.0.0.1:9",
      XINYUAN_DEMO: "true",
      ...props.environment,
    },
    stdio: ["pipe", "pipe", "pipe"],
  });
  const lines = createInterface({ input: child.stdout! });
  const waiters: Array<{ prefix: string; resolve: (line: string) => void }> = [];
  let errorOutput = "";
  child.stderr!.on("data", (chunk: Buffer) => {
    errorOutput = (errorOutput + chunk.toString()).slice(-4000);
  });
  lines.on("line", (line) => {
    const index = waiters.findIndex((waiter) => line.startsWith(waiter.prefix));
    if (index >= 0) waiters.splice(index, 1)[0]!.resolve(line);
  });
  const nextLine = (prefix: string, timeoutMs = 60_000) =>
    new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`server process: no "${prefix}" line; stderr: ${errorOutput}`)), timeoutMs);
      waiters.push({ prefix, resolve: (line) => (clearTimeout(timer), resolve(line)) });
      child.once("exit", (code) => reject(new Error(`server process exited (${code}) before "${prefix}"; stderr: ${errorOutput}`)));
    });
  const ready = await nextLine("READY ");
  const url = ready.slice("READY ".length).trim();
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return {
    url,
    port: Number(new URL(url).port),
    child,
    async command(line, expect = "") {
      const answer = nextLine(expect || line.toUpperCase(), 10_000);
      child.stdin!.write(`${line}\n`);
      return answer;
    },
    async kill() {
      child.kill("SIGKILL");
      await exited;
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.stdin!.write("stop\n");
      const timer = setTimeout(() => child.kill("SIGKILL"), 8000);
      await exited;
      clearTimeout(timer);
    },
  };
}
