import { and, eq, gte, inArray, lt, sql } from "drizzle-orm";
import type { Services } from "../services";
import { countyInstant } from "../countyTime";
import { paymentOrders, paymentReconciliations } from "../db/schema";
import { recordAudit, systemOrigin } from "../audit/recordAudit";

export interface BillRow {
  outTradeNo: string;
  /** SUCCESS (a payment) or REFUND (a refund row). */
  state: string;
  /** Payment: the settled order amount; refund: the refunded amount. Fen. */
  amountFen: number;
}

export type Mismatch = { outTradeNo: string; kind: string; ours: string | null; theirs: string | null };

const fenOf = (yuan: string) => Math.round(Number(yuan) * 100);

/**
 * WeChat Pay's trade bill (bill_type ALL, CSV): a header line, one row per payment or refund with every
 * field prefixed by a backtick, then a summary block starting "总交易单数". Columns found by their
 * Chinese names, so an added column does not shift what we read.
 */
export function parseTradeBill(text: string): BillRow[] {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== "");
  const header = lines[0]?.split(",") ?? [];
  const column = (name: string) => {
    const index = header.findIndex((title) => title.trim().startsWith(name));
    if (index < 0) throw new Error(`trade bill has no column ${name}`);
    return index;
  };
  const outTradeNo = column("商户订单号");
  const state = column("交易状态");
  const settled = column("应结订单");
  const refunded = column("退款金额");
  const rows: BillRow[] = [];
  for (const line of lines.slice(1)) {
    if (line.startsWith("总交易单数")) break;
    const fields = line.split(",").map((field) => field.replace(/^`/, "").trim());
    const rowState = fields[state] ?? "";
    rows.push({ outTradeNo: fields[outTradeNo] ?? "", state: rowState, amountFen: fenOf(rowState === "REFUND" ? fields[refunded] ?? "0" : fields[settled] ?? "0") });
  }
  return rows;
}

/** Our side and the bill of one county day compared by out_trade_no and amount, payments and refunds apart. */
export function compareBill(props: { bill: BillRow[]; paidHere: Array<{ outTradeNo: string; amountFen: number }>; refundedHere: Array<{ outTradeNo: string; amountFen: number }>; knownHere: Map<string, { status: string; amountFen: number }> }): Mismatch[] {
  const mismatches: Mismatch[] = [];
  const yuan = (fen: number | undefined) => (fen === undefined ? null : (fen / 100).toFixed(2));
  const billPaid = new Map(props.bill.filter((row) => row.state !== "REFUND").map((row) => [row.outTradeNo, row.amountFen]));
  const billRefunded = new Map(props.bill.filter((row) => row.state === "REFUND").map((row) => [row.outTradeNo, row.amountFen]));
  const paidHere = new Map(props.paidHere.map((row) => [row.outTradeNo, row.amountFen]));
  const refundedHere = new Map(props.refundedHere.map((row) => [row.outTradeNo, row.amountFen]));
  for (const [outTradeNo, theirs] of billPaid) {
    const ours = paidHere.get(outTradeNo) ?? (["paid", "refunding", "refunded"].includes(props.knownHere.get(outTradeNo)?.status ?? "") ? props.knownHere.get(outTradeNo)!.amountFen : undefined);
    if (ours === undefined) mismatches.push({ outTradeNo, kind: "paid_at_wechat_only", ours: props.knownHere.get(outTradeNo)?.status ?? null, theirs: yuan(theirs) });
    else if (ours !== theirs) mismatches.push({ outTradeNo, kind: "amount_differs", ours: yuan(ours), theirs: yuan(theirs) });
  }
  for (const [outTradeNo, ours] of paidHere) if (!billPaid.has(outTradeNo)) mismatches.push({ outTradeNo, kind: "paid_here_only", ours: yuan(ours), theirs: null });
  for (const [outTradeNo, theirs] of billRefunded) {
    const known = props.knownHere.get(outTradeNo);
    if (!known || (known.status !== "refunded" && known.status !== "refunding")) mismatches.push({ outTradeNo, kind: "refunded_at_wechat_only", ours: known?.status ?? null, theirs: yuan(theirs) });
    else if (known.amountFen !== theirs) mismatches.push({ outTradeNo, kind: "refund_amount_differs", ours: yuan(known.amountFen), theirs: yuan(theirs) });
  }
  for (const [outTradeNo, ours] of refundedHere) if (!billRefunded.has(outTradeNo)) mismatches.push({ outTradeNo, kind: "refunded_here_only", ours: yuan(ours), theirs: null });
  return mismatches;
}

/**
 * Reconciles one county day (YYYY-MM-DD) against WeChat Pay's trade bill and stores the outcome (one
 * row per day; running it again replaces it). Our side: orders paid that day, orders whose refund
 * completed that day. A download or hash failure is stored as "failed" (and retried by the next run).
 */
export async function paymentReconciler(props: { services: Services; billDate: string }): Promise<typeof paymentReconciliations.$inferSelect> {
  const { services, billDate } = props;
  const start = countyInstant(billDate);
  const end = new Date(start.getTime() + 86_400_000);
  let status: "matched" | "mismatched" | "failed";
  let mismatches: Mismatch[] = [];
  let billRows = 0;
  let error: string | null = null;
  try {
    const text = await services.wechatPay.downloadTradeBill({ billDate });
    const bill = text ? parseTradeBill(text) : [];
    billRows = bill.length;
    const paidHere = await services.db
      .select({ outTradeNo: paymentOrders.outTradeNo, amountFen: paymentOrders.amountFen })
      .from(paymentOrders)
      .where(and(gte(paymentOrders.paidAt, start), lt(paymentOrders.paidAt, end), inArray(paymentOrders.status, ["paid", "refunding", "refunded"])));
    const refundedHere = await services.db
      .select({ outTradeNo: paymentOrders.outTradeNo, amountFen: paymentOrders.amountFen })
      .from(paymentOrders)
      .where(and(eq(paymentOrders.status, "refunded"), gte(paymentOrders.updatedAt, start), lt(paymentOrders.updatedAt, end)));
    const mentioned = [...new Set(bill.map((row) => row.outTradeNo))];
    const known = mentioned.length ? await services.db.select({ outTradeNo: paymentOrders.outTradeNo, status: paymentOrders.status, amountFen: paymentOrders.amountFen }).from(paymentOrders).where(inArray(paymentOrders.outTradeNo, mentioned)) : [];
    mismatches = compareBill({ bill, paidHere, refundedHere, knownHere: new Map(known.map((row) => [row.outTradeNo, row])) });
    status = mismatches.length ? "mismatched" : "matched";
  } catch (caught) {
    status = "failed";
    error = caught instanceof Error ? caught.message.slice(0, 300) : "unknown";
    services.log.error({ err: caught, billDate }, "payment reconciliation failed");
  }
  const values = { billDate, status, billRows, mismatches, error, checkedAt: services.clock.now() };
  const [row] = await services.db.transaction(async (tx) => {
    const saved = await tx.insert(paymentReconciliations).values(values).onConflictDoUpdate({ target: paymentReconciliations.billDate, set: { status, billRows, mismatches, error, checkedAt: values.checkedAt } }).returning();
    await recordAudit(tx, systemOrigin, { action: "payment.reconcile", targetType: "payment_bill", detail: { billDate, status, billRows, mismatches: mismatches.length } });
    return saved;
  });
  if (status === "mismatched") services.log.error({ billDate, mismatches }, "payment reconciliation found mismatches");
  return row!;
}

/** The last reconciliations, newest first (for the admin). */
export async function recentReconciliations(services: Services, limit = 14) {
  return services.db.select().from(paymentReconciliations).orderBy(sql`${paymentReconciliations.billDate} DESC`).limit(limit);
}
