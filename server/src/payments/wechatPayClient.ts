import { createHash } from "node:crypto";
import Pay from "wechatpay-node-v3";
import { createWechatPayHttp, WechatPayError, type PayRequestImpl } from "./wechatPayHttp";
import type { WechatPayConfig } from "./wechatPayConfig";
import { countyRfc3339Of } from "../countyTime";

export interface JsapiPayParams {
  appId: string;
  timeStamp: string;
  nonceStr: string;
  package: string;
  signType: string;
  paySign: string;
}

export interface WechatTransaction {
  out_trade_no: string;
  transaction_id?: string;
  trade_state: string;
  amount?: { total?: number; payer_total?: number; currency?: string };
  appid?: string;
  mchid?: string;
  success_time?: string;
}

export interface WechatRefund {
  out_refund_no: string;
  refund_id?: string;
  status: string;
  amount?: { refund?: number; total?: number };
}

/** The calls the platform makes to WeChat Pay; every one throws WechatPayError unless verified and 2xx. */
export interface WechatPayClient {
  config: WechatPayConfig;
  createJsapiOrder(props: { outTradeNo: string; description: string; amountFen: number; payerOpenid: string; expiresAt: Date }): Promise<JsapiPayParams>;
  queryOrder(props: { outTradeNo: string }): Promise<WechatTransaction>;
  closeOrder(props: { outTradeNo: string }): Promise<void>;
  refund(props: { outTradeNo: string; outRefundNo: string; refundFen: number; totalFen: number; reason: string; notifyUrl?: string }): Promise<WechatRefund>;
  queryRefund(props: { outRefundNo: string }): Promise<WechatRefund>;
  /**
   * The trade bill of one day (YYYY-MM-DD, Beijing time) as CSV text, its SHA-1 checked against the signed
   * bill answer; null when WeChat Pay says the day has no bill (NO_STATEMENT_EXIST: nothing was paid).
   */
  downloadTradeBill(props: { billDate: string }): Promise<string | null>;
}

function dataOf<T>(result: { status: number; data?: unknown }): T {
  if (result.status < 200 || result.status >= 300) throw new WechatPayError(`WeChat Pay answered ${result.status}`, result.status, undefined);
  return (result.data ?? {}) as T;
}

/** Wraps wechatpay-node-v3: signing from the library, transport, host and response checks from us. */
export function createWechatPayClient(config: WechatPayConfig, now: () => Date, http: PayRequestImpl = createWechatPayHttp(config, now)): WechatPayClient {
  const pay = new Pay({
    appid: config.appId,
    mchid: config.mchId,
    serial_no: config.merchantSerial,
    publicKey: Buffer.from(config.merchantPublicKey),
    privateKey: Buffer.from(config.merchantPrivateKey),
    key: config.apiV3Key,
  });
  pay.createHttp(http as unknown as Parameters<typeof pay.createHttp>[0]);
  return {
    config,
    async createJsapiOrder(props) {
      const result = await pay.transactions_jsapi({
        description: props.description,
        out_trade_no: props.outTradeNo,
        notify_url: config.notifyUrl,
        time_expire: countyRfc3339Of(props.expiresAt),
        amount: { total: props.amountFen, currency: "CNY" },
        payer: { openid: props.payerOpenid },
      });
      const params = dataOf<Partial<JsapiPayParams>>(result);
      if (!params.package || !params.paySign) throw new WechatPayError("no prepay_id in the order answer", result.status, undefined);
      return params as JsapiPayParams;
    },
    async queryOrder(props) {
      return dataOf<WechatTransaction>(await pay.query({ out_trade_no: props.outTradeNo }));
    },
    async closeOrder(props) {
      dataOf(await pay.close(props.outTradeNo));
    },
    async refund(props) {
      const result = await pay.refunds({
        out_trade_no: props.outTradeNo,
        out_refund_no: props.outRefundNo,
        reason: props.reason,
        notify_url: props.notifyUrl ?? config.notifyUrl,
        amount: { refund: props.refundFen, total: props.totalFen, currency: "CNY" },
      });
      return dataOf<WechatRefund>(result as unknown as { status: number; data?: unknown });
    },
    async queryRefund(props) {
      return dataOf<WechatRefund>((await pay.find_refunds(props.outRefundNo)) as unknown as { status: number; data?: unknown });
    },
    async downloadTradeBill(props) {
      let bill: { hash_type?: string; hash_value?: string; download_url?: string };
      try {
        bill = dataOf(await pay.tradebill({ bill_date: props.billDate, bill_type: "ALL" }));
      } catch (error) {
        if (error instanceof WechatPayError && error.code === "NO_STATEMENT_EXIST") return null;
        throw error;
      }
      if (!bill.download_url || !bill.hash_value) throw new WechatPayError("no download_url in the bill answer", 200, undefined);
      const text = dataOf<string>(await pay.downloadBill(bill.download_url));
      const hash = createHash((bill.hash_type ?? "SHA1").toLowerCase()).update(text, "utf8").digest("hex");
      if (hash.toLowerCase() !== bill.hash_value.toLowerCase()) throw new WechatPayError("bill file hash does not match", 200, "HASH_MISMATCH");
      return text;
    },
  };
}
