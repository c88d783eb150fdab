/**
 * The demo: builds the admin and the H5 app if they are missing or older than their sources, starts the
 * fake WeChat API (demo only), the server on the embedded database in ./data with the 渠县 demo data, and
 * prints the URLs and, once, the demo passwords.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { loadConfig } from "../server/src/config";
import { startServer } from "../server/src/startServer";
import { createLogger } from "../server/src/logger";
import { seedDemoData } from "../server/src/demo/seedDemoData";
import { startFakeWechatApi } from "../tests/fakes/fakeWechatApiServer";

const root = join(__dirname, "..");
const started = performance.now();

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === "node_modules" || entry === "dist") continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

function buildIfStale(name: string, sources: string[], output: string, command: string[]): void {
  const sourceTime = Math.max(...sources.map((source) => newestMtime(join(root, source))));
  const outputIndex = join(root, output, "index.html");
  if (existsSync(outputIndex) && statSync(outputIndex).mtimeMs >= sourceTime) return;
  console.log(`正在构建 ${name}（首次启动需要一两分钟）…`);
  const result = spawnSync("npm", command, { cwd: root, stdio: "inherit" });
  if (result.status !== 0) throw new Error(`building ${name} failed`);
}

async function main(): Promise<void> {
  if (process.env.XINYUAN_SKIP_BUILD !== "1") {
    buildIfStale("管理后台 admin", ["admin/src", "admin/index.html", "shared/src"], "admin/dist", ["run", "build", "-w", "admin"]);
    buildIfStale("小程序 H5", ["miniapp/src", "miniapp/config", "shared/src"], "miniapp/dist/h5", ["run", "build:h5", "-w", "miniapp"]);
  }
  const wechat = await startFakeWechatApi({ port: Number(process.env.FAKE_WECHAT_PORT ?? 0) });
  const config = loadConfig({
    XINYUAN_DEMO: "true",
    WECHAT_API_BASE: wechat.baseUrl,
    DATA_DIR: join(root, "data"),
    ADMIN_DIST: join(root, "admin/dist"),
    H5_DIST: join(root, "miniapp/dist/h5"),
    ...process.env,
  });
  const log = createLogger(config.logLevel);
  const server = await startServer(config, { log });
  const accounts = await seedDemoData(server.services);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const base = `http://${config.host === "0.0.0.0" ? "127.0.0.1" : config.host}:${server.port}`;
  console.log("\n心援 XinYuan 演示环境已启动（演示数据，仅供体验）");
  console.log(`  管理后台:   ${base}/admin/`);
  console.log(`  小程序 H5:  ${base}/h5/`);
  console.log(`  接口文档:   ${base}/api/v1/openapi.json`);
  console.log(`  数据库:     ${server.database.kind === "pglite" ? `内置 PGlite（${config.dataDir}）` : "PostgreSQL"}`);
  console.log(`  启动用时:   ${seconds} 秒`);
  if (accounts.length > 0) {
    console.log("\n演示账号（密码只显示这一次，请记下）：");
    for (const account of accounts) console.log(`  ${account.username.padEnd(11)} ${account.password}  ${account.displayName}`);
    const twoFactor = accounts.filter((account) => account.totpSecret);
    if (twoFactor.length > 0) {
      console.log("\n以下账号需要两步验证：把密钥（或 otpauth 链接）添加到手机上的身份验证器，登录时输入它显示的 6 位动态码：");
      for (const account of twoFactor) console.log(`  ${account.username.padEnd(11)} 密钥 ${account.totpSecret}\n  ${"".padEnd(11)} ${account.otpauthUrl}`);
    }
  } else {
    console.log("\n演示账号已在首次启动时创建（密码只在那时显示过）。删除 data/ 文件夹可重新生成。");
  }
  console.log("\n热线值班：演示值班表是三班轮换（日班 08:00–16:00、晚班 16:00–24:00、夜班 00:00–08:00），任何时刻都有一位老师在班，热线一直开放。");
  console.log("  用 hotline（或 hotline2、supervisor）登录管理后台，点右上角「值班」打开「上岗」，就能接听排队的来电和在线咨询。");
  const stop = () => {
    void server.stop().then(() => wechat.close()).then(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((error: unknown) => {
  console.error("XinYuan 演示环境启动失败:", error instanceof Error ? error.message : error);
  process.exit(1);
});
