import { createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes } from "node:crypto";
import { z } from "zod";

/**
 * WeChat Pay (API v3) merchant settings. Every key is parsed at start-up, so a wrong PEM or a short
 * APIv3 key stops the process with the variable's name instead of failing on the first payment.
 * Outside production, missing values are generated once per process (demo and tests never reach the
 * real host); production refuses generated keys and a local host.
 */
export interface WechatPayConfig {
  apiBase: string;
  appId: string;
  mchId: string;
  /** Serial number of the merchant API certificate (goes into every Authorization header). */
  merchantSerial: string;
  merchantPrivateKey: string;
  /** The merchant's public key: wechatpay-node-v3 insists on one; only used by tests and the fake. */
  merchantPublicKey: string;
  platformPublicKey: string;
  /** Serial of the platform certificate / WeChat Pay public key (PUB_KEY_ID_…) that signs responses. */
  platformSerial: string;
  /** The 32-byte APIv3 key that encrypts notification resources. */
  apiV3Key: string;
  notifyUrl: string;
  /** Whether the keys above were generated for this process (demo / test only). */
  generated: boolean;
  /**
   * "Payments off": production without WECHATPAY_* (or WECHATPAY_ENABLED=false anywhere) starts with paid
   * sessions disabled instead of refusing to start; free bookings still work, paid slots are not offered.
   */
  enabled: boolean;
  /** Why payments are off, in Chinese for the admin screen; null when on. */
  offReason: string | null;
}

const pem = (kind: "private" | "public") =>
  z
    .string()
    .min(1)
    .transform((raw, ctx) => {
      const text = raw.includes("-----BEGIN") ? raw.replace(/\\n/g, "\n") : Buffer.from(raw, "base64").toString("utf8");
      try {
        if (kind === "private") createPrivateKey(text);
        else createPublicKey(text);
      } catch {
        ctx.addIssue({ code: "custom", message: `must be a ${kind} key in PEM (or base64 of the PEM)` });
        return z.NEVER;
      }
      return text;
    });

const wechatPayEnvironment = z.object({
  WECHATPAY_API_BASE: z.url().default("https://api.mch.weixin.qq.com"),
  WECHATPAY_APPID: z.string().min(1).optional(),
  WECHATPAY_MCHID: z.string().regex(/^\d{6,20}$/, { message: "must be the merchant number (digits)" }).optional(),
  WECHATPAY_MERCHANT_SERIAL: z.string().regex(/^[0-9A-Fa-f]{8,64}$/, { message: "must be the certificate serial (hex)" }).optional(),
  WECHATPAY_MERCHANT_PRIVATE_KEY: pem("private").optional(),
  WECHATPAY_MERCHANT_PUBLIC_KEY: pem("public").optional(),
  WECHATPAY_PLATFORM_PUBLIC_KEY: pem("public").optional(),
  WECHATPAY_PLATFORM_SERIAL: z.string().min(8).max(64).optional(),
  WECHATPAY_APIV3_KEY: z.string().length(32, { message: "must be exactly 32 characters" }).optional(),
  WECHATPAY_NOTIFY_URL: z.url().default("http://127.0.0.1:3000/api/v1/payments/wechat/notify"),
  /** "false" switches paid sessions off whatever keys are set (an operator's switch, and the tests'). */
  WECHATPAY_ENABLED: z.enum(["true", "false"]).optional(),
});

export const paymentsOffReasons = {
  notConfigured: "没有配置微信支付商户（WECHATPAY_* 环境变量），付费预约已关闭；免费预约照常可用。配置后重启服务即可开启。",
  switchedOff: "微信支付已被手动关闭（WECHATPAY_ENABLED=false），付费预约已关闭；免费预约照常可用。",
} as const;

const required = ["WECHATPAY_APPID", "WECHATPAY_MCHID", "WECHATPAY_MERCHANT_SERIAL", "WECHATPAY_MERCHANT_PRIVATE_KEY", "WECHATPAY_MERCHANT_PUBLIC_KEY", "WECHATPAY_PLATFORM_PUBLIC_KEY", "WECHATPAY_PLATFORM_SERIAL", "WECHATPAY_APIV3_KEY"] as const;

let generatedOnce: Omit<WechatPayConfig, "apiBase" | "notifyUrl" | "enabled" | "offReason"> | undefined;

/** A throw-away merchant for demo and tests: random keys, never valid anywhere but a local fake. */
function generatedMerchant(): Omit<WechatPayConfig, "apiBase" | "notifyUrl" | "enabled" | "offReason"> {
  if (generatedOnce) return generatedOnce;
  const merchant = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const platform = generateKeyPairSync("rsa", { modulusLength: 2048 });
  generatedOnce = {
    appId: "wx-demo-appid",
    mchId: "1900000109",
    merchantSerial: randomBytes(20).toString("hex").toUpperCase(),
    merchantPrivateKey: merchant.privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
    merchantPublicKey: merchant.publicKey.export({ type: "spki", format: "pem" }).toString(),
    platformPublicKey: platform.publicKey.export({ type: "spki", format: "pem" }).toString(),
    platformSerial: `PUB_KEY_ID_${randomBytes(12).toString("hex").toUpperCase()}`,
    apiV3Key: randomBytes(16).toString("hex"),
    generated: true,
  };
  return generatedOnce;
}

/** WeChat Pay settings from the environment; throws naming the variable when one is wrong or missing. */
export function loadWechatPayConfig(environment: NodeJS.ProcessEnv, props: { allowGenerated: boolean }): WechatPayConfig {
  const parsed = wechatPayEnvironment.safeParse(environment);
  if (!parsed.success) throw new Error(`invalid configuration — ${parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ")}`);
  const values = parsed.data;
  const common = { apiBase: values.WECHATPAY_API_BASE.replace(/\/$/, ""), notifyUrl: values.WECHATPAY_NOTIFY_URL };
  const given = required.filter((name) => values[name] !== undefined);
  const switchedOff = values.WECHATPAY_ENABLED === "false";
  if (given.length === 0) {
    // Production without a merchant: start with payments off (the generated keys are never used then).
    if (!props.allowGenerated || switchedOff) return { ...generatedMerchant(), ...common, enabled: false, offReason: switchedOff ? paymentsOffReasons.switchedOff : paymentsOffReasons.notConfigured };
    return { ...generatedMerchant(), ...common, enabled: true, offReason: null };
  }
  const missing = required.filter((name) => values[name] === undefined);
  if (missing.length > 0) throw new Error(`invalid configuration — ${missing.join(", ")}: required when any WECHATPAY_* key is set`);
  return {
    ...common,
    appId: values.WECHATPAY_APPID!,
    mchId: values.WECHATPAY_MCHID!,
    merchantSerial: values.WECHATPAY_MERCHANT_SERIAL!,
    merchantPrivateKey: values.WECHATPAY_MERCHANT_PRIVATE_KEY!,
    merchantPublicKey: values.WECHATPAY_MERCHANT_PUBLIC_KEY!,
    platformPublicKey: values.WECHATPAY_PLATFORM_PUBLIC_KEY!,
    platformSerial: values.WECHATPAY_PLATFORM_SERIAL!,
    apiV3Key: values.WECHATPAY_APIV3_KEY!,
    generated: false,
    enabled: !switchedOff,
    offReason: switchedOff ? paymentsOffReasons.switchedOff : null,
  };
}
