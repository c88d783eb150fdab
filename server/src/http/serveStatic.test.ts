import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { createServer, get as httpGet, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Koa from "koa";
import supertest from "supertest";
import { serveSpa } from "./serveStatic";
import { negotiateEncoding } from "./compressedFiles";

describe("serveSpa", () => {
  const base = mkdtempSync(join(tmpdir(), "xinyuan-static-"));
  const root = join(base, "h5");
  mkdirSync(root);
  writeFileSync(join(root, "index.html"), "<html>app</html>");
  writeFileSync(join(root, "app.js"), "console.log(1)");
  mkdirSync(join(base, "h5-old"));
  writeFileSync(join(base, "h5-old", "secret.txt"), "not for the web");
  writeFileSync(join(base, "config.json"), "{}");
  const app = new Koa();
  app.use(serveSpa("/h5", root) as never);
  app.use((ctx) => {
    ctx.status = 404;
    ctx.body = "next";
  });
  const request = supertest(app.callback());

  it("serves files of the folder and index.html for the client router's paths", async () => {
    expect((await request.get("/h5/app.js").expect(200)).text).toBe("console.log(1)");
    expect((await request.get("/h5/chat/room").expect(200)).text).toBe("<html>app</html>");
  });

  it("never serves a file outside the folder, not even a sibling folder sharing its name", async () => {
    for (const path of ["/h5/..%2fh5-old/secret.txt", "/h5/..%2fconfig.json", "/h5/%2e%2e/config.json", "/h5/..%5cconfig.json"]) {
      const response = await request.get(path);
      expect(response.text).not.toContain("not for the web");
      expect(response.text).not.toBe("{}");
    }
  });

  it("passes a malformed escape on instead of failing with a server error", async () => {
    const response = await request.get("/h5/%E0%A4%A");
    expect(response.status).toBe(404);
  });
});

describe("serveSpa compression and caching", () => {
  const root = mkdtempSync(join(tmpdir(), "xinyuan-static-gz-"));
  const bundle = `/* app */\n${Array.from({ length: 400 }, (_, index) => `export const line${index} = "心援 ${index}";`).join("\n")}`;
  writeFileSync(join(root, "index.html"), `<html><body>${"<p>心援</p>".repeat(200)}</body></html>`);
  writeFileSync(join(root, "app.3f9c2a1b.js"), bundle);
  writeFileSync(join(root, "tiny.js"), "1");
  const app = new Koa();
  app.use(serveSpa("/h5", root) as never);
  const server = createServer(app.callback());
  beforeAll(() => new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve())));
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  /** A raw GET (no client-side decompression), as a browser on a slow line would send it. */
  const get = (path: string, acceptEncoding: string) =>
    new Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      const { port } = server.address() as AddressInfo;
      httpGet({ host: "127.0.0.1", port, path, headers: { "accept-encoding": acceptEncoding } }, (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
      }).on("error", reject);
    });

  it("serves a JS file brotli- or gzip-compressed by Accept-Encoding, with a year's immutable cache for a hashed name", async () => {
    const br = await get("/h5/app.3f9c2a1b.js", "gzip, deflate, br");
    expect(br.status).toBe(200);
    expect(br.headers["content-encoding"]).toBe("br");
    expect(br.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(br.headers.vary).toContain("Accept-Encoding");
    expect(brotliDecompressSync(br.body).toString("utf8")).toBe(bundle);
    expect((br.body).length).toBeLessThan(Buffer.byteLength(bundle) / 3);

    const gz = await get("/h5/app.3f9c2a1b.js", "gzip");
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(gz.body).toString("utf8")).toBe(bundle);

    const plain = await get("/h5/app.3f9c2a1b.js", "identity");
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect((plain.body).toString("utf8")).toBe(bundle);
    expect(negotiateEncoding("br;q=0, gzip;q=0.5")).toBe("gzip");
  });

  it("revalidates index.html every time (compressed too) and leaves tiny files alone", async () => {
    const index = await get("/h5/", "gzip");
    expect(gunzipSync(index.body).toString("utf8")).toContain("心援");
    expect(index.headers["cache-control"]).toBe("no-cache");
    expect(index.headers["content-encoding"]).toBe("gzip");
    const tiny = await get("/h5/tiny.js", "gzip, br");
    expect(tiny.body.toString("utf8")).toBe("1");
    expect(tiny.headers["content-encoding"]).toBeUndefined();
    expect(tiny.headers["cache-control"]).toBe("public, max-age=3600");
  });
});

describe("the H5 shell", () => {
  const shells = [join(__dirname, "../../../miniapp/src/index.html"), join(__dirname, "../../../miniapp/dist/h5/index.html")].filter((file) => existsSync(file));

  it.each(shells)("shows the crisis numbers in plain HTML before any script runs: %s", (file) => {
    const html = readFileSync(file, "utf8");
    const visible = html.replace(/<noscript>[\s\S]*?<\/noscript>/g, "").replace(/<script[\s\S]*?<\/script>/g, "");
    for (const number of ["12356", "110", "120"]) expect(visible).toContain(`href="tel:${number}"`);
    // the shell comes after #app so it hides itself (CSS) as soon as the app renders into it
    expect(visible.indexOf('id="app"')).toBeLessThan(visible.indexOf('id="xy-crisis-shell"'));
    expect(html).toContain("#app:not(:empty) + #xy-crisis-shell");
  });
});
