import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface WecomMarkdownMessage {
  msgtype: string;
  markdown?: { content: string };
}

export interface FakeWecomWebhook {
  /** The robot URL to configure as ALERT_WEBHOOK_URL (with a key, as WeCom's has). */
  url: string;
  received: Array<{ at: number; body: WecomMarkdownMessage }>;
  /** Answer the next n posts with WeCom's "invalid webhook url" error (errcode 93000). */
  failNext(n: number): void;
  close(): Promise<void>;
}

/**
 * A stand-in for a WeCom (企业微信) group robot: a real HTTP server on 127.0.0.1 that accepts
 * POST /cgi-bin/webhook/send?key=… with JSON, records it, and answers like WeCom ({"errcode":0,"errmsg":"ok"}).
 */
export async function startFakeWecomWebhook(): Promise<FakeWecomWebhook> {
  const received: FakeWecomWebhook["received"] = [];
  let failures = 0;
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const url = new URL(request.url ?? "/", "http://127.0.0.1");
      response.setHeader("content-type", "application/json");
      if (request.method !== "POST" || url.pathname !== "/cgi-bin/webhook/send" || url.searchParams.get("key") !== "test-robot-key") {
        response.statusCode = 404;
        return response.end(JSON.stringify({ errcode: 93000, errmsg: "invalid webhook url" }));
      }
      if (failures > 0) {
        failures -= 1;
        return response.end(JSON.stringify({ errcode: 93000, errmsg: "invalid webhook url" }));
      }
      try {
        const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as WecomMarkdownMessage;
        if (body.msgtype !== "markdown" || typeof body.markdown?.content !== "string") throw new Error("bad message");
        received.push({ at: Date.now(), body });
        response.end(JSON.stringify({ errcode: 0, errmsg: "ok" }));
      } catch {
        response.end(JSON.stringify({ errcode: 40008, errmsg: "invalid message type" }));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/cgi-bin/webhook/send?key=test-robot-key`,
    received,
    failNext(n) {
      failures = n;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
