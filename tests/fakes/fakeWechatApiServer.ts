import { createServer, type IncomingMessage, type Server } from "node:http";
import { createHash, randomBytes } from "node:crypto";
import type { AddressInfo } from "node:net";

export interface SentSubscribeMessage {
  touser: string;
  template_id: string;
  page?: string;
  data: Record<string, { value: string }>;
}

export interface FakeWechatApi {
  baseUrl: string;
  appId: string;
  appSecret: string;
  /** Registers a one-time wx.login code for an openid (what WeChat would hand the mini-program). */
  issueCode(openid: string): string;
  /** The openid a demo code (`demo:<deviceId>`) maps to. */
  openidForDemoDevice(deviceId: string): string;
  sentMessages: SentSubscribeMessage[];
  /** Words the fake content check calls risky. */
  riskyWords: string[];
  /** Openids whose one-time subscription is used up or withdrawn: subscribe/send answers 43101. */
  refusedOpenids: Set<string>;
  close(): Promise<void>;
}

export function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

/**
 * A real HTTP server on 127.0.0.1 speaking the parts of the WeChat server API XinYuan uses:
 * jscode2session, cgi-bin/token, subscribe/send and msg_sec_check. Codes are one-time like WeChat's;
 * `demo:<deviceId>` codes let the H5 demo log in without WeChat.
 */
export async function startFakeWechatApi(options: { appId?: string; appSecret?: string; port?: number } = {}): Promise<FakeWechatApi> {
  const appId = options.appId ?? "wx-demo-appid";
  const appSecret = options.appSecret ?? "demo-wechat-secret";
  const codes = new Map<string, string>();
  const tokens = new Set<string>();
  const sentMessages: SentSubscribeMessage[] = [];
  const riskyWords = ["赌博", "枪支"];
  const refusedOpenids = new Set<string>();
  const openidForDemoDevice = (deviceId: string) => `o${createHash("sha256").update(`demo-device:${deviceId}`).digest("base64url").slice(0, 27)}`;

  const server: Server = createServer(async (request, response) => {
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    const reply = (body: unknown) => {
      response.writeHead(200, { "content-type": "application/json" });
      response.end(JSON.stringify(body));
    };
    if (url.pathname === "/sns/jscode2session") {
      if (url.searchParams.get("appid") !== appId || url.searchParams.get("secret") !== appSecret) return reply({ errcode: 40013, errmsg: "invalid appid" });
      const code = url.searchParams.get("js_code") ?? "";
      if (code.startsWith("demo:") && code.length > 8 && code.length < 100) return reply({ openid: openidForDemoDevice(code.slice(5)), session_key: randomBytes(16).toString("base64") });
      const openid = codes.get(code);
      if (!openid) return reply({ errcode: 40029, errmsg: "invalid code" });
      codes.delete(code);
      return reply({ openid, session_key: randomBytes(16).toString("base64") });
    }
    if (url.pathname === "/cgi-bin/token") {
      if (url.searchParams.get("appid") !== appId || url.searchParams.get("secret") !== appSecret) return reply({ errcode: 40013, errmsg: "invalid appid" });
      const token = randomBytes(24).toString("hex");
      tokens.add(token);
      return reply({ access_token: token, expires_in: 7200 });
    }
    const token = url.searchParams.get("access_token") ?? "";
    if (!tokens.has(token)) return reply({ errcode: 40001, errmsg: "invalid credential" });
    const body = request.method === "POST" ? (JSON.parse((await readBody(request)) || "{}") as Record<string, unknown>) : {};
    if (url.pathname === "/cgi-bin/message/subscribe/send") {
      if (typeof body.touser !== "string" || typeof body.template_id !== "string") return reply({ errcode: 47003, errmsg: "argument invalid" });
      if (refusedOpenids.has(body.touser)) return reply({ errcode: 43101, errmsg: "user refuse to accept the msg" });
      sentMessages.push(body as unknown as SentSubscribeMessage);
      return reply({ errcode: 0, errmsg: "ok" });
    }
    if (url.pathname === "/wxa/msg_sec_check") {
      const content = String(body.content ?? "");
      const risky = riskyWords.some((word) => content.includes(word));
      return reply({ errcode: 0, errmsg: "ok", result: { suggest: risky ? "risky" : "pass", label: risky ? 20006 : 100 } });
    }
    response.writeHead(404, { "content-type": "application/json" });
    response.end(JSON.stringify({ errcode: -1, errmsg: "not found" }));
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    appId,
    appSecret,
    issueCode(openid) {
      const code = `code-${randomBytes(12).toString("hex")}`;
      codes.set(code, openid);
      return code;
    },
    openidForDemoDevice,
    sentMessages,
    refusedOpenids,
    riskyWords,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
