import type { Services } from "../services";
import { retryTransaction } from "../db/retryTransaction";
import { claimNotificationNonce } from "./notificationNonces";
import { NotificationRefused, verifyNotification } from "./notificationVerifier";
import type { PaymentPurpose } from "./paymentPurpose";
import { lockPaymentOrder, markOrderPaid, markOrderRefunded, matchTransaction } from "./paymentOrderTransitions";

export interface NotificationOutcome {
  eventType: string;
  outTradeNo: string;
  /** Whether this notification changed the order (false for a duplicate of an already applied one). */
  transitioned: boolean;
}

/**
 * Handles one WeChat Pay notification (payment or refund): verify over the raw body, then in ONE
 * transaction claim the nonce, lock the order, match it, and move it at most once. Refused notifications
 * throw NotificationRefused and change nothing (the nonce is released with the rollback).
 */
export async function paymentNotificationReceiver(props: { services: Services; purposes: readonly PaymentPurpose[]; headers: Record<string, string | string[] | undefined>; rawBody: string }): Promise<NotificationOutcome> {
  const { services } = props;
  const config = services.config.wechatPay;
  const now = services.clock.now();
  const notification = verifyNotification({ config, now, headers: props.headers, rawBody: props.rawBody });
  const resource = notification.resource;
  const outTradeNo = typeof resource.out_trade_no === "string" ? resource.out_trade_no : "";
  return retryTransaction(() =>
    services.db.transaction(async (tx) => {
      await claimNotificationNonce(tx, { nonce: notification.nonce, now });
      const order = await lockPaymentOrder(tx, outTradeNo);
      if (!order) throw new NotificationRefused("mismatch", "no such order");
      if (notification.eventType === "TRANSACTION.SUCCESS") {
        if (resource.trade_state !== "SUCCESS") throw new NotificationRefused("mismatch", "trade_state is not SUCCESS");
        matchTransaction({ config, order, transaction: resource });
        const transitioned = await markOrderPaid({ tx, purposes: props.purposes, order, transactionId: String(resource.transaction_id ?? ""), now });
        return { eventType: notification.eventType, outTradeNo, transitioned };
      }
      if (notification.eventType === "REFUND.SUCCESS") {
        const amount = resource.amount as { refund?: unknown; total?: unknown } | undefined;
        if (resource.mchid !== config.mchId || amount?.total !== order.amountFen || amount?.refund !== order.amountFen || resource.refund_status !== "SUCCESS") {
          throw new NotificationRefused("mismatch", "refund does not match the order");
        }
        const transitioned = await markOrderRefunded({ tx, purposes: props.purposes, order, now });
        return { eventType: notification.eventType, outTradeNo, transitioned };
      }
      // Other events (REFUND.ABNORMAL, REFUND.CLOSED, TRANSACTION.*): acknowledged, acted on by the query jobs.
      return { eventType: notification.eventType, outTradeNo, transitioned: false };
    }),
  );
}
