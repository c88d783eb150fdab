/**
 * Content reading benchmark: published-article reads per second through the product (the real server
 * on PostgreSQL, real HTTP, the full middleware chain, the published-content cache) beside a bare Koa
 * route answering the same JSON, in the same run and process, with the same load loop (keep-alive
 * agent, BENCH_CONNECTIONS parallel loops for BENCH_SECONDS each). Prints both rates and, on a line
 * of its own, `ratio 0.NN` (product / bare; the goal is ≥ 0.5).
 *
 *   npm run bench:content            (PostgreSQL at BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres)
 *
 * It creates its own database (xy_bench_content_<pid>) and drops it afterwards. Reads are anonymous
 * (a county-wide article for everyone), as the share card opens it.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import Koa from "koa";
import { loadConfig } from "../../server/src/config";
import { startServer } from "../../server/src/startServer";
import { createLogger } from "../../server/src/logger";
import { publications } from "../../server/src/db/schema";

const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 32);
const adminUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

async function onAdmin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** Keep-alive GET loop: `connections` loops for `durationMs`; returns completed 200/304 responses per second. */
async function load(url: string, durationMs: number, headers: Record<string, string> = {}): Promise<{ rate: number; errors: number }> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const until = Date.now() + durationMs;
  let done = 0;
  let errors = 0;
  const one = () =>
    new Promise<void>((resolve) => {
      const request = http.get(url, { agent, headers }, (response) => {
        response.resume();
        response.on("end", () => {
          if (response.statusCode === 200 || response.statusCode === 304) done += 1;
          else errors += 1;
          resolve();
        });
      });
      request.on("error", () => {
        errors += 1;
        resolve();
      });
    });
  const started = Date.now();
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (Date.now() < until) await one();
    }),
  );
  agent.destroy();
  return { rate: done / ((Date.now() - started) / 1000), errors };
}

async function main(): Promise<void> {
  const name = `xy_bench_content_${process.pid}`;
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  await onAdmin(`CREATE DATABASE "${name}"`);
  let stop: (() => Promise<void>) | undefined;
  let bare: http.Server | undefined;
  try {
    const config = loadConfig({ NODE_ENV: "test", LOG_LEVEL: "silent", PORT: "0", DATABASE_URL: url.toString(), DATA_DIR: mkdtempSync(join(tmpdir(), "xy-bench-content-")) });
    const server = await startServer(config, { log: createLogger("silent") });
    stop = server.stop;
    const body = `<h2>五月，和情绪做朋友</h2>${"<p>情绪没有好坏，它们在提醒我们照顾自己。难过的时候，可以找信任的人说一说。</p>".repeat(12)}`;
    const [article] = await server.services.db
      .insert(publications)
      .values({ kind: "article", status: "published", title: "五月，和情绪做朋友", summary: "认识情绪", bodyHtml: body, audience: { roles: [], stages: [], scope: "county", areaIds: [], schoolIds: [] }, publishedAt: new Date() })
      .returning();
    const productUrl = `${server.url}/api/v1/publishing/articles/${article!.id}`;
    const sample = await fetch(productUrl);
    if (sample.status !== 200) throw new Error(`product read answered ${sample.status}`);
    const payload = (await sample.json()) as unknown;

    const app = new Koa();
    app.use(async (ctx) => {
      if (ctx.path === "/article") ctx.body = payload;
    });
    bare = http.createServer(app.callback());
    bare.keepAliveTimeout = 5000;
    await new Promise<void>((resolve) => bare!.listen(0, "127.0.0.1", resolve));
    const bareUrl = `http://127.0.0.1:${(bare.address() as AddressInfo).port}/article`;

    await load(productUrl, 1000);
    await load(bareUrl, 1000);
    const product = await load(productUrl, seconds * 1000);
    const plain = await load(bareUrl, seconds * 1000);
    const revalidated = await load(productUrl, Math.max(1, Math.floor(seconds / 2)) * 1000, { "If-None-Match": sample.headers.get("etag") ?? "" });
    console.log(`connections ${connections}, ${seconds} s each, payload ${JSON.stringify(payload).length} bytes`);
    console.log(`product article reads/s  ${product.rate.toFixed(0)}  (errors ${product.errors})`);
    console.log(`bare koa json reads/s    ${plain.rate.toFixed(0)}  (errors ${plain.errors})`);
    console.log(`product 304 revalidations/s ${revalidated.rate.toFixed(0)}  (errors ${revalidated.errors})`);
    console.log(`ratio ${(product.rate / plain.rate).toFixed(2)}`);
    if (product.errors > 0 || plain.errors > 0 || product.rate === 0) process.exitCode = 1;
  } finally {
    await new Promise<void>((resolve) => (bare ? bare.close(() => resolve()) : resolve()));
    await stop?.();
    await onAdmin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
