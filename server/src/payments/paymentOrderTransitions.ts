import { eq, sql } from "drizzle-orm";
import type { DbOrTx } from "../db/database";
import { paymentOrders } from "../db/schema";
import { recordAudit, systemOrigin } from "../audit/recordAudit";
import type { WechatPayConfig } from "./wechatPayConfig";
import { NotificationRefused } from "./notificationVerifier";
import type { PaymentOrderRow, PaymentPurpose } from "./paymentPurpose";

/** Locks one order by out_trade_no for the rest of the transaction (every state change goes through here). */
export async function lockPaymentOrder(tx: DbOrTx, outTradeNo: string): Promise<PaymentOrderRow | undefined> {
  const [order] = await tx.select().from(paymentOrders).where(eq(paymentOrders.outTradeNo, outTradeNo)).for("update");
  return order;
}

function purposeOf(purposes: readonly PaymentPurpose[], name: string): PaymentPurpose | undefined {
  return purposes.find((purpose) => purpose.name === name);
}

/**
 * Checks a WeChat transaction (from a notification or an order query) against our locked order: same
 * merchant, same app, same out_trade_no, same amount in fen. A mismatch is refused, never "paid anyway".
 */
export function matchTransaction(props: { config: WechatPayConfig; order: PaymentOrderRow; transaction: Record<string, unknown> }): void {
  const { transaction, order, config } = props;
  const amount = transaction.amount as { total?: unknown; currency?: unknown } | undefined;
  const problems: string[] = [];
  if (transaction.out_trade_no !== order.outTradeNo) problems.push("out_trade_no");
  if (transaction.mchid !== config.mchId) problems.push("mchid");
  if (transaction.appid !== config.appId) problems.push("appid");
  if (!amount || amount.total !== order.amountFen || (amount.currency !== undefined && amount.currency !== "CNY")) problems.push("amount");
  if (problems.length > 0) throw new NotificationRefused("mismatch", `transaction does not match the order: ${problems.join(", ")}`);
}

/**
 * Moves a locked order to paid once: a second notification (or the order-query job racing it) finds it
 * paid and changes nothing. Returns whether this call made the transition.
 */
export async function markOrderPaid(props: { tx: DbOrTx; purposes: readonly PaymentPurpose[]; order: PaymentOrderRow; transactionId: string; now: Date }): Promise<boolean> {
  const { tx, order, now } = props;
  if (order.status !== "created" && order.status !== "closed") return false;
  const [paid] = await tx.update(paymentOrders).set({ status: "paid", transactionId: props.transactionId, paidAt: now, updatedAt: sql`now()` }).where(eq(paymentOrders.id, order.id)).returning();
  await recordAudit(tx, systemOrigin, { action: "payment.paid", targetType: "payment_order", targetId: order.id, detail: { amountFen: order.amountFen, purpose: order.purpose, afterClose: order.status === "closed" } });
  const purpose = purposeOf(props.purposes, order.purpose);
  if (purpose && paid) await purpose.onPaid({ tx, order: paid, now });
  return true;
}

/** Moves a paid order to refunded once (refund notification or refund query). */
export async function markOrderRefunded(props: { tx: DbOrTx; purposes: readonly PaymentPurpose[]; order: PaymentOrderRow; now: Date }): Promise<boolean> {
  const { tx, order, now } = props;
  if (order.status !== "paid" && order.status !== "refunding") return false;
  const [refunded] = await tx.update(paymentOrders).set({ status: "refunded", updatedAt: sql`now()` }).where(eq(paymentOrders.id, order.id)).returning();
  await recordAudit(tx, systemOrigin, { action: "payment.refunded", targetType: "payment_order", targetId: order.id, detail: { amountFen: order.amountFen, purpose: order.purpose } });
  const purpose = purposeOf(props.purposes, order.purpose);
  if (purpose?.onRefunded && refunded) await purpose.onRefunded({ tx, order: refunded, now });
  return true;
}
