import { signedMessage, verifyPlatformSignature } from "./wechatPayCrypto";
import type { WechatPayConfig } from "./wechatPayConfig";

/** The request interface wechatpay-node-v3 accepts in createHttp (its own types do not export it by name). */
export interface PayRequestImpl {
  post(url: string, params: Record<string, unknown>, headers: Record<string, unknown>): Promise<{ status: number; data?: unknown }>;
  upload(url: string, params: Record<string, unknown>, headers: Record<string, unknown>): Promise<{ status: number; data?: unknown }>;
  get(url: string, headers: Record<string, unknown>): Promise<{ status: number; data?: unknown }>;
}

/** A WeChat Pay call that did not end in a verified 2xx: thrown, never resolved as if it had worked. */
export class WechatPayError extends Error {
  override name = "WechatPayError";
  constructor(message: string, readonly status: number, readonly code: string | undefined) {
    super(message);
  }
}

const libraryHost = "https://api.mch.weixin.qq.com";

/**
 * The HTTP layer handed to the library: rewrites its hard-coded host to WECHATPAY_API_BASE (the signature
 * was computed over the path only, so it stays valid), and checks every response's Wechatpay-Signature
 * with the platform public key before the body is believed. Non-2xx answers and bad signatures throw.
 */
export function createWechatPayHttp(config: WechatPayConfig, now: () => Date): PayRequestImpl {
  const send = async (method: "GET" | "POST", url: string, headers: Record<string, unknown>, body?: Record<string, unknown>) => {
    if (!url.startsWith(libraryHost)) throw new WechatPayError(`unexpected host in ${url}`, 0, undefined);
    const target = config.apiBase + url.slice(libraryHost.length);
    const plainHeaders: Record<string, string> = {};
    for (const [name, value] of Object.entries(headers)) if (typeof value === "string") plainHeaders[name] = value;
    const response = await fetch(target, { method, headers: plainHeaders, body: body === undefined ? undefined : JSON.stringify(body), signal: AbortSignal.timeout(10_000) });
    const raw = await response.text();
    // A bill file is not signed by WeChat Pay; its integrity is the hash in the (signed) bill answer,
    // checked by the caller (wechatPayClient.downloadTradeBill).
    if (method === "GET" && new URL(target).pathname === "/v3/billdownload/file") {
      if (!response.ok) throw new WechatPayError(`bill download answered ${response.status}`, response.status, undefined);
      return { status: response.status, data: raw };
    }
    const timestamp = response.headers.get("wechatpay-timestamp") ?? "";
    const nonce = response.headers.get("wechatpay-nonce") ?? "";
    const signature = response.headers.get("wechatpay-signature") ?? "";
    const serial = response.headers.get("wechatpay-serial") ?? "";
    const skew = Math.abs(now().getTime() / 1000 - Number(timestamp));
    const verified = serial === config.platformSerial && Number.isFinite(skew) && skew <= 300 && verifyPlatformSignature({ publicKey: config.platformPublicKey, message: signedMessage(timestamp, nonce, raw), signature });
    if (!verified) throw new WechatPayError(`response signature not verified (${method} ${new URL(target).pathname}, status ${response.status})`, response.status, "SIGNATURE_INVALID");
    const data: unknown = raw ? JSON.parse(raw) : {};
    if (!response.ok) {
      const code = typeof data === "object" && data && "code" in data ? String((data as { code: unknown }).code) : undefined;
      throw new WechatPayError(`WeChat Pay answered ${response.status} ${code ?? ""}`.trim(), response.status, code);
    }
    return { status: response.status, data };
  };
  return {
    post: (url, params, headers) => send("POST", url, headers, params),
    upload: () => Promise.reject(new WechatPayError("upload is not used", 0, undefined)),
    get: (url, headers) => send("GET", url, headers),
  };
}
