import { randomBytes, randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { auditEvents, paymentOrders } from "../db/schema";
import { createPayTestApp } from "../../../tests/support/payTestApp";
import type { BuiltNotification, FakeWechatPay } from "../../../tests/fakes/fakeWechatPayServer";

/**
 * Payment notifications over real HTTP, real RSA signatures and real AES-256-GCM from the fake. The
 * concurrency test matters on PostgreSQL (XINYUAN_TEST_DB=postgres); PGlite serialises transactions.
 */
describe("WeChat Pay notifications", () => {
  let t: Awaited<ReturnType<typeof createPayTestApp>>;
  let fake: FakeWechatPay;
  beforeAll(async () => {
    t = await createPayTestApp();
    fake = t.pay;
  });
  afterAll(() => t.close());

  const notifyPath = "/api/v1/payments/wechat/notify";
  const post = (notification: BuiltNotification) => t.request.post(notifyPath).set(notification.headers).set("Content-Type", "application/json").send(notification.body);

  /** An order on our side and the same order, paid, on WeChat's side. */
  async function paidOrder(amountFen = 100) {
    const outTradeNo = `T${randomBytes(8).toString("hex")}`;
    const [order] = await t.db.insert(paymentOrders).values({ outTradeNo, purpose: "test", subjectId: randomUUID(), amountFen, createdAt: t.clock.now() }).returning();
    await t.services.wechatPay.createJsapiOrder({ outTradeNo, description: "测试", amountFen, payerOpenid: "o-payer", expiresAt: new Date(t.clock.now().getTime() + 600_000) });
    fake.pay(outTradeNo);
    return order!;
  }
  const statusOf = async (id: string) => (await t.db.select().from(paymentOrders).where(eq(paymentOrders.id, id)))[0]!.status;
  const paidAudits = (id: string) => t.db.select().from(auditEvents).where(and(eq(auditEvents.action, "payment.paid"), eq(auditEvents.targetId, id)));

  it("accepts a genuine notification and marks the order paid once", async () => {
    const order = await paidOrder();
    const response = await post(fake.paymentNotification(order.outTradeNo));
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ code: "SUCCESS", message: "成功" });
    expect(await statusOf(order.id)).toBe("paid");
    expect(await paidAudits(order.id)).toHaveLength(1);
  });

  it("refuses a forged signature and changes nothing", async () => {
    const order = await paidOrder();
    const transaction = fake.transactions.get(order.outTradeNo)!;
    const response = await post(fake.buildNotification({ eventType: "TRANSACTION.SUCCESS", resource: transaction, forgeSignature: true }));
    expect(response.status).toBe(401);
    expect(response.body.code).toBe("FAIL");
    expect(await statusOf(order.id)).toBe("created");
  });

  it("refuses a body that differs by one byte from the signed one (verification is over the raw body)", async () => {
    const order = await paidOrder();
    const genuine = fake.paymentNotification(order.outTradeNo);
    const response = await post({ headers: genuine.headers, body: genuine.body.replace('"event_type"', ' "event_type"') });
    expect(response.status).toBe(401);
    expect(await statusOf(order.id)).toBe("created");
  });

  it("refuses a replayed notification (same nonce) even though its signature is valid", async () => {
    const order = await paidOrder();
    const first = fake.paymentNotification(order.outTradeNo);
    expect((await post(first)).status).toBe(200);
    const replay = await post(first);
    expect(replay.status).toBe(400);
    expect(replay.body.message).toBe("replay");
    expect(await paidAudits(order.id)).toHaveLength(1);
  });

  it("refuses a notification older than five minutes", async () => {
    const order = await paidOrder();
    const stale = fake.buildNotification({ eventType: "TRANSACTION.SUCCESS", resource: fake.transactions.get(order.outTradeNo)!, timestamp: Math.floor(t.clock.now().getTime() / 1000) - 301 });
    const response = await post(stale);
    expect(response.status).toBe(400);
    expect(response.body.message).toBe("timestamp");
    expect(await statusOf(order.id)).toBe("created");
  });

  it("refuses a tampered ciphertext: the GCM tag is checked (final())", async () => {
    const order = await paidOrder();
    const tampered = fake.buildNotification({ eventType: "TRANSACTION.SUCCESS", resource: fake.transactions.get(order.outTradeNo)!, tamperCiphertext: true });
    const response = await post(tampered);
    expect(response.status).toBe(400);
    expect(response.body.message).toBe("ciphertext");
    expect(await statusOf(order.id)).toBe("created");
  });

  it("refuses an amount that does not match the order, and a foreign merchant", async () => {
    const order = await paidOrder(100);
    const transaction = fake.transactions.get(order.outTradeNo)!;
    const wrongAmount = await post(fake.buildNotification({ eventType: "TRANSACTION.SUCCESS", resource: { ...transaction, amount: { total: 900, currency: "CNY" } } }));
    expect(wrongAmount.status).toBe(400);
    expect(wrongAmount.body.message).toBe("mismatch");
    const foreign = await post(fake.buildNotification({ eventType: "TRANSACTION.SUCCESS", resource: { ...transaction, mchid: "1999999999" } }));
    expect(foreign.status).toBe(400);
    expect(await statusOf(order.id)).toBe("created");
    // A refused notification released its nonce with the rollback; the genuine one still goes through.
    expect((await post(fake.paymentNotification(order.outTradeNo))).status).toBe(200);
    expect(await statusOf(order.id)).toBe("paid");
  });

  it("gives exactly one transition for 10 concurrent duplicate notifications (fresh nonces, as WeChat retries)", async () => {
    const order = await paidOrder(5000);
    const copies = Array.from({ length: 10 }, () => fake.paymentNotification(order.outTradeNo));
    const responses = await Promise.all(copies.map((copy) => post(copy)));
    expect(responses.map((response) => response.status)).toEqual(Array(10).fill(200));
    expect(await statusOf(order.id)).toBe("paid");
    expect(await paidAudits(order.id)).toHaveLength(1);
  });

  it("accepts a refund notification for a paid order and marks it refunded once", async () => {
    const order = await paidOrder(3000);
    expect((await post(fake.paymentNotification(order.outTradeNo))).status).toBe(200);
    const outRefundNo = `R${randomBytes(8).toString("hex")}`;
    const refund = await t.services.wechatPay.refund({ outTradeNo: order.outTradeNo, outRefundNo, refundFen: 3000, totalFen: 3000, reason: "提前取消" });
    expect(refund.status).toBe("PROCESSING");
    const notification = fake.refundNotification(outRefundNo);
    expect((await post(notification)).status).toBe(200);
    expect(await statusOf(order.id)).toBe("refunded");
    expect((await t.services.wechatPay.queryRefund({ outRefundNo })).status).toBe("SUCCESS");
  });
});
