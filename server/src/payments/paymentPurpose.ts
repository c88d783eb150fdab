import type { DbOrTx } from "../db/database";
import type { paymentOrders } from "../db/schema";

export type PaymentOrderRow = typeof paymentOrders.$inferSelect;

/**
 * What a feature that sells something plugs into payments (through its Feature's paymentPurposes):
 * called inside the transaction that moved the order, with the order row locked, exactly once per move.
 */
export interface PaymentPurpose {
  /** The value stored in payment_orders.purpose ("appointment"). */
  name: string;
  onPaid(props: { tx: DbOrTx; order: PaymentOrderRow; now: Date }): Promise<void>;
  onRefunded?(props: { tx: DbOrTx; order: PaymentOrderRow; now: Date }): Promise<void>;
}
