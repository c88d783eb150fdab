import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Koa from "koa";
import supertest from "supertest";
import { serveSpa } from "./serveStatic";

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
