import { existsSync } from "node:fs";
import { join } from "node:path";
import { loadConfig } from "../../server/src/config";
import { startServer, type RunningServer } from "../../server/src/startServer";
import { adjustableClock } from "../../server/src/clock";
import { createLogger } from "../../server/src/logger";
import { seedDemoData, type DemoAccount } from "../../server/src/demo/seedDemoData";
import { startFakeWechatApi, type FakeWechatApi } from "../fakes/fakeWechatApiServer";
import { openTestDatabase } from "./testDatabase";
import { testEnvironment } from "./testApp";

const repoRoot = join(__dirname, "../..");
export const adminDist = join(repoRoot, "admin/dist");
export const h5Dist = join(repoRoot, "miniapp/dist/h5");

export interface TestServer {
  baseUrl: string;
  server: RunningServer;
  wechat: FakeWechatApi;
  clock: ReturnType<typeof adjustableClock>;
  /** One account per role with its password (supervisor and admin with their TOTP secret; no forced password change). */
  demoAccounts: DemoAccount[];
  account(username: string): DemoAccount;
  close(): Promise<void>;
}

/**
 * A real listening server (HTTP + socket.io) on 127.0.0.1 over a fresh test database with the demo
 * directory and accounts, the fake WeChat API, and the built admin (/admin) and H5 app (/h5) when built.
 */
export async function startTestServer(options: { environment?: Record<string, string>; seed?: boolean } = {}): Promise<TestServer> {
  const database = await openTestDatabase();
  const wechat = await startFakeWechatApi();
  const config = loadConfig(
    testEnvironment(wechat.baseUrl, {
      PORT: "0",
      XINYUAN_DEMO: "true",
      ...(existsSync(adminDist) ? { ADMIN_DIST: adminDist } : {}),
      ...(existsSync(h5Dist) ? { H5_DIST: h5Dist } : {}),
      ...options.environment,
    }),
  );
  const clock = adjustableClock();
  const server = await startServer(config, { database, clock, log: createLogger("silent") });
  const demoAccounts = options.seed === false ? [] : await seedDemoData(server.services);
  return {
    baseUrl: server.url,
    server,
    wechat,
    clock,
    demoAccounts,
    account(username) {
      const found = demoAccounts.find((account) => account.username === username);
      if (!found) throw new Error(`no demo account ${username}`);
      return found;
    },
    async close() {
      await server.stop();
      await wechat.close();
    },
  };
}
