import { createServer, type Server } from "node:http";
import { createCipheriv, createHash, createSign, createVerify, generateKeyPairSync, randomBytes, type KeyObject } from "node:crypto";
import type { AddressInfo } from "node:net";
import { readBody } from "./fakeWechatApiServer";

/**
 * A WeChat Pay API v3 stand-in on 127.0.0.1 with real cryptography: merchant and platform RSA key pairs
 * made by node:crypto, every request's Authorization header checked against the merchant public key,
 * every response signed with the platform private key, notifications encrypted with AES-256-GCM under
 * the APIv3 key and signed like WeChat Pay signs them.
 */
export interface FakeTransaction {
  appid: string;
  mchid: string;
  out_trade_no: string;
  transaction_id?: string;
  trade_state: "NOTPAY" | "SUCCESS" | "CLOSED" | "REFUND";
  amount: { total: number; currency: string; payer_total?: number };
  payer: { openid: string };
  notify_url: string;
  success_time?: string;
}

export interface FakeRefund {
  refund_id: string;
  out_refund_no: string;
  out_trade_no: string;
  status: "PROCESSING" | "SUCCESS";
  success_time?: string;
  amount: { refund: number; total: number; currency: string };
  notify_url: string;
}

export interface BuiltNotification {
  headers: Record<string, string>;
  body: string;
}

export interface FakeWechatPay {
  baseUrl: string;
  appId: string;
  mchId: string;
  apiV3Key: string;
  platformSerial: string;
  merchantSerial: string;
  /** WECHATPAY_* variables that point the app at this fake. */
  environment(): Record<string, string>;
  transactions: Map<string, FakeTransaction>;
  refunds: Map<string, FakeRefund>;
  /** Requests whose Authorization did not verify (each answered 401). */
  rejectedRequests: string[];
  /** Test switch: sign responses with a key that is not the platform's. */
  forgeResponses: boolean;
  /** Test switch: serve bill files that differ from the hash in the bill answer. */
  tamperBills: boolean;
  /** Marks an order paid on WeChat's side (what the payer's confirmation does). */
  pay(outTradeNo: string): FakeTransaction;
  /** A signed, encrypted notification; options forge or bend it for tests. */
  buildNotification(props: { eventType: "TRANSACTION.SUCCESS" | "REFUND.SUCCESS"; resource: object; nonce?: string; timestamp?: number; forgeSignature?: boolean; tamperCiphertext?: boolean }): BuiltNotification;
  paymentNotification(outTradeNo: string, overrides?: Partial<FakeTransaction>): BuiltNotification;
  refundNotification(outRefundNo: string): BuiltNotification;
  /** POSTs a notification to the app, as WeChat Pay does. */
  postNotification(url: string, notification: BuiltNotification): Promise<{ status: number; body: string }>;
  close(): Promise<void>;
}

const pemOf = (key: KeyObject, kind: "private" | "public") => (kind === "private" ? key.export({ type: "pkcs8", format: "pem" }) : key.export({ type: "spki", format: "pem" })).toString();

export async function startFakeWechatPay(props: { appId?: string; mchId?: string; clock?: () => Date } = {}): Promise<FakeWechatPay> {
  const merchant = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const platform = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const impostor = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const appId = props.appId ?? "wx-demo-appid";
  const mchId = props.mchId ?? "1900000109";
  const apiV3Key = randomBytes(16).toString("hex");
  const merchantSerial = randomBytes(20).toString("hex").toUpperCase();
  const platformSerial = `PUB_KEY_ID_${randomBytes(12).toString("hex").toUpperCase()}`;
  const now = props.clock ?? (() => new Date());
  const transactions = new Map<string, FakeTransaction>();
  const refunds = new Map<string, FakeRefund>();
  const rejectedRequests: string[] = [];
  const bills = new Map<string, string>();
  let counter = 0;

  const sign = (message: string, key: KeyObject) => createSign("RSA-SHA256").update(message).sign(key, "base64");
  const signedHeaders = (body: string, props: { nonce?: string; timestamp?: number; key?: KeyObject } = {}) => {
    const timestamp = String(props.timestamp ?? Math.floor(now().getTime() / 1000));
    const nonce = props.nonce ?? randomBytes(16).toString("hex");
    return {
      "Wechatpay-Timestamp": timestamp,
      "Wechatpay-Nonce": nonce,
      "Wechatpay-Serial": platformSerial,
      "Wechatpay-Signature": sign(`${timestamp}\n${nonce}\n${body}\n`, props.key ?? platform.privateKey),
      "Content-Type": "application/json",
    };
  };

  function authorized(method: string, path: string, body: string, header: string | undefined): boolean {
    const match = /^WECHATPAY2-SHA256-RSA2048 (.*)$/.exec(header ?? "");
    if (!match) return false;
    const fields = Object.fromEntries([...match[1]!.matchAll(/(\w+)="([^"]*)"/g)].map((entry) => [entry[1]!, entry[2]!]));
    if (fields.mchid !== mchId || fields.serial_no !== merchantSerial || !fields.nonce_str || !fields.timestamp || !fields.signature) return false;
    if (Math.abs(now().getTime() / 1000 - Number(fields.timestamp)) > 300) return false;
    const message = `${method}\n${path}\n${fields.timestamp}\n${fields.nonce_str}\n${body}\n`;
    return createVerify("RSA-SHA256").update(message).verify(merchant.publicKey, fields.signature, "base64");
  }

  const server: Server = createServer(async (request, response) => {
    const body = await readBody(request);
    const path = request.url ?? "/";
    const method = request.method ?? "GET";
    const answer = (status: number, payload?: object) => {
      const text = payload === undefined ? "" : JSON.stringify(payload);
      response.writeHead(status, signedHeaders(text, { key: fake.forgeResponses ? impostor.privateKey : platform.privateKey }));
      response.end(text);
    };
    if (!authorized(method, path, body, request.headers.authorization)) {
      rejectedRequests.push(`${method} ${path}`);
      return answer(401, { code: "SIGN_ERROR", message: "签名错误" });
    }
    const input = body ? (JSON.parse(body) as Record<string, unknown>) : {};
    const url = new URL(path, "http://fake");
    let match: RegExpExecArray | null;
    if (method === "POST" && url.pathname === "/v3/pay/transactions/jsapi") {
      const amount = input.amount as { total: number; currency?: string };
      const outTradeNo = String(input.out_trade_no);
      if (input.appid !== appId || input.mchid !== mchId) return answer(400, { code: "PARAM_ERROR", message: "appid/mchid" });
      if (transactions.has(outTradeNo)) return answer(400, { code: "INVALID_REQUEST", message: "重复的订单号" });
      transactions.set(outTradeNo, { appid: appId, mchid: mchId, out_trade_no: outTradeNo, trade_state: "NOTPAY", amount: { total: amount.total, currency: amount.currency ?? "CNY" }, payer: input.payer as { openid: string }, notify_url: String(input.notify_url) });
      return answer(200, { prepay_id: `wx${Date.now()}${(counter += 1)}` });
    }
    if (method === "GET" && (match = /^\/v3\/pay\/transactions\/out-trade-no\/([^/]+)$/.exec(url.pathname))) {
      const transaction = transactions.get(decodeURIComponent(match[1]!));
      if (!transaction || url.searchParams.get("mchid") !== mchId) return answer(404, { code: "ORDER_NOT_EXIST", message: "订单不存在" });
      return answer(200, transaction);
    }
    if (method === "POST" && (match = /^\/v3\/pay\/transactions\/out-trade-no\/([^/]+)\/close$/.exec(url.pathname))) {
      const transaction = transactions.get(decodeURIComponent(match[1]!));
      if (!transaction) return answer(404, { code: "ORDER_NOT_EXIST", message: "订单不存在" });
      if (transaction.trade_state === "SUCCESS") return answer(400, { code: "ORDERPAID", message: "订单已支付" });
      transaction.trade_state = "CLOSED";
      return answer(204);
    }
    if (method === "POST" && url.pathname === "/v3/refund/domestic/refunds") {
      const transaction = transactions.get(String(input.out_trade_no));
      const amount = input.amount as { refund: number; total: number };
      if (!transaction || transaction.trade_state !== "SUCCESS") return answer(400, { code: "INVALID_REQUEST", message: "订单未支付" });
      if (amount.total !== transaction.amount.total || amount.refund > amount.total) return answer(400, { code: "PARAM_ERROR", message: "金额不符" });
      const refund: FakeRefund = { refund_id: `50${Date.now()}${(counter += 1)}`, out_refund_no: String(input.out_refund_no), out_trade_no: transaction.out_trade_no, status: "PROCESSING", amount: { refund: amount.refund, total: amount.total, currency: "CNY" }, notify_url: String(input.notify_url ?? transaction.notify_url) };
      refunds.set(refund.out_refund_no, refund);
      return answer(200, refund);
    }
    if (method === "GET" && (match = /^\/v3\/refund\/domestic\/refunds\/([^/]+)$/.exec(url.pathname))) {
      const refund = refunds.get(decodeURIComponent(match[1]!));
      return refund ? answer(200, refund) : answer(404, { code: "RESOURCE_NOT_EXISTS", message: "退款单不存在" });
    }
    if (method === "GET" && url.pathname === "/v3/bill/tradebill") {
      const text = tradeBillOf(url.searchParams.get("bill_date") ?? "");
      if (!text) return answer(400, { code: "NO_STATEMENT_EXIST", message: "账单文件不存在" });
      const token = randomBytes(8).toString("hex");
      bills.set(token, fake.tamperBills ? text.replace("`", "``") : text);
      return answer(200, { hash_type: "SHA1", hash_value: createHash("sha1").update(text, "utf8").digest("hex"), download_url: `https://api.mch.weixin.qq.com/v3/billdownload/file?token=${token}` });
    }
    if (method === "GET" && url.pathname === "/v3/billdownload/file") {
      const text = bills.get(url.searchParams.get("token") ?? "");
      if (text === undefined) return answer(404, { code: "NOT_FOUND", message: "账单已过期" });
      response.writeHead(200, { "Content-Type": "text/plain; charset=utf-8" });
      return response.end(text);
    }
    return answer(404, { code: "NOT_FOUND", message: "no such API in the fake" });
  });

  /** WeChat Pay's trade bill (ALL) of one Beijing day: a payment row per paid order, a refund row per refund, backtick-prefixed fields. */
  function tradeBillOf(billDate: string): string | null {
    const onDay = (iso: string | undefined) => Boolean(iso) && new Date(new Date(iso!).getTime() + 8 * 3600_000).toISOString().slice(0, 10) === billDate;
    const yuan = (fen: number) => (fen / 100).toFixed(2);
    const rows: string[][] = [];
    for (const transaction of transactions.values()) {
      if ((transaction.trade_state === "SUCCESS" || transaction.trade_state === "REFUND") && onDay(transaction.success_time)) {
        rows.push([transaction.success_time!, appId, mchId, "", "", transaction.transaction_id ?? "", transaction.out_trade_no, "o-user", "JSAPI", "SUCCESS", "OTHERS", "CNY", yuan(transaction.amount.total), "0.00", "0", "0", "0.00", "0.00", "", "", "心援·专家咨询预约", "", "0.00", "0.60%", yuan(transaction.amount.total), "0.00", ""]);
      }
    }
    for (const refund of refunds.values()) {
      if (refund.status === "SUCCESS" && onDay(refund.success_time)) {
        const transaction = transactions.get(refund.out_trade_no);
        rows.push([refund.success_time!, appId, mchId, "", "", transaction?.transaction_id ?? "", refund.out_trade_no, "o-user", "JSAPI", "REFUND", "OTHERS", "CNY", "0.00", "0.00", refund.refund_id, refund.out_refund_no, yuan(refund.amount.refund), "0.00", "ORIGINAL", "SUCCESS", "心援·专家咨询预约", "", "0.00", "0.60%", yuan(refund.amount.total), yuan(refund.amount.refund), ""]);
      }
    }
    if (rows.length === 0) return null;
    const header = "交易时间,公众账号ID,商户号,特约商户号,设备号,微信订单号,商户订单号,用户标识,交易类型,交易状态,付款银行,货币种类,应结订单总金额,代金券金额,微信退款单号,商户退款单号,退款金额,充值券退款金额,退款类型,退款状态,商品名称,商户数据包,手续费,费率,订单金额,申请退款金额,费率备注";
    const lines = rows.map((row) => row.map((value) => `\`${value}`).join(","));
    return [header, ...lines, "总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额", `\`${rows.length},\`0.00,\`0.00,\`0.00,\`0.00,\`0.00,\`0.00`, ""].join("\r\n");
  }
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const buildNotification: FakeWechatPay["buildNotification"] = (options) => {
    const nonce = randomBytes(6).toString("hex");
    const associatedData = options.eventType === "REFUND.SUCCESS" ? "refund" : "transaction";
    const cipher = createCipheriv("aes-256-gcm", Buffer.from(apiV3Key, "utf8"), Buffer.from(nonce, "utf8"));
    cipher.setAAD(Buffer.from(associatedData, "utf8"));
    const sealed = Buffer.concat([cipher.update(JSON.stringify(options.resource), "utf8"), cipher.final(), cipher.getAuthTag()]);
    if (options.tamperCiphertext) sealed[Math.min(10, sealed.length - 17)]! ^= 0x01;
    const body = JSON.stringify({
      id: randomBytes(16).toString("hex"),
      create_time: now().toISOString(),
      resource_type: "encrypt-resource",
      event_type: options.eventType,
      summary: options.eventType === "REFUND.SUCCESS" ? "退款成功" : "支付成功",
      resource: { original_type: associatedData, algorithm: "AEAD_AES_256_GCM", ciphertext: sealed.toString("base64"), associated_data: associatedData, nonce },
    });
    return { body, headers: signedHeaders(body, { nonce: options.nonce, timestamp: options.timestamp, key: options.forgeSignature ? impostor.privateKey : platform.privateKey }) };
  };

  const fake: FakeWechatPay = {
    baseUrl,
    appId,
    mchId,
    apiV3Key,
    platformSerial,
    merchantSerial,
    transactions,
    refunds,
    rejectedRequests,
    forgeResponses: false,
    tamperBills: false,
    environment: () => ({
      WECHATPAY_API_BASE: baseUrl,
      WECHATPAY_APPID: appId,
      WECHATPAY_MCHID: mchId,
      WECHATPAY_MERCHANT_SERIAL: merchantSerial,
      WECHATPAY_MERCHANT_PRIVATE_KEY: pemOf(merchant.privateKey, "private"),
      WECHATPAY_MERCHANT_PUBLIC_KEY: pemOf(merchant.publicKey, "public"),
      WECHATPAY_PLATFORM_PUBLIC_KEY: pemOf(platform.publicKey, "public"),
      WECHATPAY_PLATFORM_SERIAL: platformSerial,
      WECHATPAY_APIV3_KEY: apiV3Key,
    }),
    pay(outTradeNo) {
      const transaction = transactions.get(outTradeNo);
      if (!transaction) throw new Error(`fake WeChat Pay has no order ${outTradeNo}`);
      transaction.trade_state = "SUCCESS";
      transaction.transaction_id ??= `42${Date.now()}${(counter += 1)}`;
      transaction.success_time = now().toISOString();
      transaction.amount.payer_total = transaction.amount.total;
      return transaction;
    },
    buildNotification,
    paymentNotification(outTradeNo, overrides = {}) {
      const transaction = transactions.get(outTradeNo) ?? { appid: appId, mchid: mchId, out_trade_no: outTradeNo, trade_state: "SUCCESS", transaction_id: `42${(counter += 1)}`, amount: { total: 0, currency: "CNY" }, payer: { openid: "o-fake" }, notify_url: "" };
      return buildNotification({ eventType: "TRANSACTION.SUCCESS", resource: { ...transaction, ...overrides } });
    },
    refundNotification(outRefundNo) {
      const refund = refunds.get(outRefundNo);
      if (!refund) throw new Error(`fake WeChat Pay has no refund ${outRefundNo}`);
      refund.status = "SUCCESS";
      refund.success_time ??= now().toISOString();
      const transaction = transactions.get(refund.out_trade_no);
      if (transaction) transaction.trade_state = "REFUND";
      return buildNotification({ eventType: "REFUND.SUCCESS", resource: { mchid: mchId, out_trade_no: refund.out_trade_no, transaction_id: transaction?.transaction_id, out_refund_no: refund.out_refund_no, refund_id: refund.refund_id, refund_status: "SUCCESS", success_time: now().toISOString(), amount: { total: refund.amount.total, refund: refund.amount.refund, payer_total: refund.amount.total, payer_refund: refund.amount.refund } } });
    },
    async postNotification(url, notification) {
      const response = await fetch(url, { method: "POST", headers: notification.headers, body: notification.body });
      return { status: response.status, body: await response.text() };
    },
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
  return fake;
}
