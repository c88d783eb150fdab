import { AppError } from "../http/errors";

export interface SubscribeMessage {
  toOpenid: string;
  templateId: string;
  page?: string;
  data: Record<string, { value: string }>;
}

export interface WechatApiClient {
  /** Exchanges a wx.login code for the user's openid (code2Session). */
  code2Session(code: string): Promise<{ openid: string; unionid?: string }>;
  sendSubscribeMessage(message: SubscribeMessage): Promise<void>;
  /** Content security check (msg_sec_check v2): "pass", "review" or "risky". */
  checkText(content: string, openid: string, scene: 1 | 2 | 3 | 4): Promise<"pass" | "review" | "risky">;
}

interface WechatReply {
  errcode?: number;
  errmsg?: string;
}

/**
 * Talks to the WeChat server API at a configurable base URL (the real host in production, the fake under
 * tests/ in tests and the demo). The access token is cached until shortly before it expires.
 */
export function createWechatApiClient(options: { apiBase: string; appId: string; appSecret: string; fetchTimeoutMs?: number }): WechatApiClient {
  let cachedToken: { value: string; expiresAt: number } | undefined;
  const timeout = options.fetchTimeoutMs ?? 5000;

  async function getJson<T>(path: string, init?: RequestInit): Promise<T & WechatReply> {
    let response: Response;
    try {
      response = await fetch(`${options.apiBase}${path}`, { ...init, signal: AbortSignal.timeout(timeout) });
    } catch {
      throw new AppError(503, "WECHAT_UNAVAILABLE");
    }
    if (!response.ok) throw new AppError(503, "WECHAT_UNAVAILABLE");
    return (await response.json()) as T & WechatReply;
  }

  async function accessToken(): Promise<string> {
    if (cachedToken && cachedToken.expiresAt > Date.now()) return cachedToken.value;
    const query = new URLSearchParams({ grant_type: "client_credential", appid: options.appId, secret: options.appSecret });
    const reply = await getJson<{ access_token?: string; expires_in?: number }>(`/cgi-bin/token?${query}`);
    if (!reply.access_token) throw new AppError(503, "WECHAT_UNAVAILABLE");
    cachedToken = { value: reply.access_token, expiresAt: Date.now() + ((reply.expires_in ?? 7200) - 300) * 1000 };
    return cachedToken.value;
  }

  async function postWithToken<T>(path: string, body: unknown): Promise<T & WechatReply> {
    const token = await accessToken();
    const reply = await getJson<T>(`${path}?access_token=${encodeURIComponent(token)}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    if (reply.errcode === 40001 || reply.errcode === 42001) cachedToken = undefined;
    return reply;
  }

  return {
    async code2Session(code) {
      const query = new URLSearchParams({ appid: options.appId, secret: options.appSecret, js_code: code, grant_type: "authorization_code" });
      const reply = await getJson<{ openid?: string; unionid?: string }>(`/sns/jscode2session?${query}`);
      if (!reply.openid || (reply.errcode ?? 0) !== 0) throw new AppError(401, "WECHAT_LOGIN_FAILED");
      return { openid: reply.openid, ...(reply.unionid ? { unionid: reply.unionid } : {}) };
    },
    async sendSubscribeMessage(message) {
      const reply = await postWithToken("/cgi-bin/message/subscribe/send", {
        touser: message.toOpenid,
        template_id: message.templateId,
        page: message.page,
        data: message.data,
        miniprogram_state: "formal",
        lang: "zh_CN",
      });
      if ((reply.errcode ?? 0) !== 0) throw new AppError(503, "WECHAT_UNAVAILABLE", undefined, { errcode: reply.errcode });
    },
    async checkText(content, openid, scene) {
      const reply = await postWithToken<{ result?: { suggest?: string } }>("/wxa/msg_sec_check", { content, version: 2, scene, openid });
      if ((reply.errcode ?? 0) !== 0) throw new AppError(503, "WECHAT_UNAVAILABLE");
      const suggest = reply.result?.suggest;
      return suggest === "risky" || suggest === "review" ? suggest : "pass";
    },
  };
}
