import { defineRoute } from "./contract";

/**
 * WeChat Pay's callback. WeChat Pay is the caller, in its own signed format: the server verifies the RAW
 * body (platform signature, ±5 min, nonce, AES-256-GCM) rather than a zod schema, and answers
 * {code:"SUCCESS"} or 4xx {code:"FAIL"}.
 */
export const paymentRoutes = {
  wechatPayNotify: defineRoute({ method: "post", path: "/payments/wechat/notify", summary: "微信支付结果与退款通知（微信支付调用）", tag: "payments", audience: "public" }),
} as const;
