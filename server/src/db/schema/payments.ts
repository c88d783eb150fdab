import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * Nonces of WeChat Pay notifications already accepted. The unique key is what refuses a replayed
 * notification, even when two copies arrive at two server processes at once. Rows older than the
 * ±5-minute window are useless (the timestamp check refuses them first) and may be pruned.
 */
export const wechatpayNotificationNonces = pgTable(
  "wechatpay_notification_nonces",
  {
    nonce: text("nonce").primaryKey(),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull(),
  },
  (table) => [index("wechatpay_notification_nonces_received_idx").on(table.receivedAt)],
);

/**
 * One WeChat Pay order (out_trade_no) for something a feature sells: purpose names the feature
 * ("appointment"), subject_id its row. Status: created → paid | closed; paid → refunded.
 */
export const paymentOrders = pgTable(
  "payment_orders",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    outTradeNo: text("out_trade_no").notNull().unique(),
    purpose: text("purpose").notNull(),
    subjectId: uuid("subject_id").notNull(),
    amountFen: integer("amount_fen").notNull(),
    status: text("status").notNull().default("created"),
    transactionId: text("transaction_id"),
    paidAt: timestamp("paid_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index("payment_orders_subject_idx").on(table.purpose, table.subjectId),
    index("payment_orders_unpaid_idx").on(table.createdAt).where(sql`status = 'created'`),
  ],
);

/**
 * The daily reconciliation against WeChat Pay's trade bill (one row per bill day, county time). A
 * mismatch (paid at WeChat but not here, here but not there, amounts differ, refunds differ) is kept
 * with the order numbers only, shown in the admin and alerted.
 */
export const paymentReconciliations = pgTable("payment_reconciliations", {
  billDate: text("bill_date").primaryKey(),
  status: text("status").notNull(),
  billRows: integer("bill_rows").notNull().default(0),
  mismatches: jsonb("mismatches").$type<Array<{ outTradeNo: string; kind: string; ours: string | null; theirs: string | null }>>().notNull().default([]),
  error: text("error"),
  checkedAt: timestamp("checked_at", { withTimezone: true }).notNull(),
});
