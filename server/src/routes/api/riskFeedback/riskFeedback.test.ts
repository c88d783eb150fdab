import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import type { RiskFeedbackDetailView, RiskFeedbackView } from "@xinyuan/shared";
import { appUsers, auditEvents, chatMessages, conversations, riskCorpusRows, riskFeedback } from "../../../db/schema";
import { createTestApp, type TestApp } from "../../../../../tests/support/testApp";
import { buildSignedInStaff } from "../../../../../tests/support/staffSession";
import { riskGateCorpus } from "../../../risk/riskLexiconEvaluator";
import { shippedRiskCorpus } from "../../../risk/riskCorpus";
import { sealed } from "../../../crypto/sealedColumns";

describe("risk feedback", () => {
  let t: TestApp;
  let counsellor: Awaited<ReturnType<typeof buildSignedInStaff>>;
  let supervisor: Awaited<ReturnType<typeof buildSignedInStaff>>;
  let conversationId: string;
  beforeAll(async () => {
    t = await createTestApp();
    counsellor = await buildSignedInStaff(t, { roles: ["counsellor"], scope: "school" });
    supervisor = await buildSignedInStaff(t, { roles: ["supervisor"], scope: "county" });
    const [user] = await t.db.insert(appUsers).values({ alias: `小树-${randomBytes(3).toString("hex")}`, role: "student", ageBand: "14_17" }).returning();
    const now = new Date();
    const [conversation] = await t.db
      .insert(conversations)
      .values({ userId: user!.id, assignedStaffId: counsellor.id, status: "active", queuedAt: now, lastActivityAt: now, createdAt: now, lastSeq: 3 })
      .returning();
    conversationId = conversation!.id;
    const line = (seq: number, senderType: string, body: string, riskLevel: string | null, riskCategories: string[] = []) => ({
      conversationId,
      seq,
      senderType,
      senderId: senderType === "user" ? user!.id : counsellor.id,
      clientMessageId: `m${seq}`,
      bodyEnc: t.services.cipher.encrypt(body, sealed.chatMessageBody.at({ conversationId, seq })),
      riskLevel,
      riskCategories,
      createdAt: now,
    });
    await t.db.insert(chatMessages).values([
      line(1, "user", "我想去彩虹桥了", "none"),
      line(2, "staff", "我在听，你愿意多说一点吗？", null),
      line(3, "user", "这次考试我要死定了哈哈", "high", ["suicide"]),
    ]);
  });
  afterAll(() => t.close());

  const give = (auth: Record<string, string>, body: Record<string, unknown>) => t.request.post("/api/v1/risk-feedback").set(auth).send(body);

  it("lets the counsellor of the chat mark a missed message once, keeping the text encrypted", async () => {
    const first = await give(counsellor.auth, { kind: "missed", source: { kind: "chat_message", conversationId, seq: 1 }, categories: ["suicide"], comment: "彩虹桥指去世" }).expect(201);
    const again = await give(counsellor.auth, { kind: "missed", source: { kind: "chat_message", conversationId, seq: 1 }, categories: ["suicide"] }).expect(200);
    expect(again.body.id).toBe(first.body.id);
    expect(first.body).toMatchObject({ kind: "missed", sourceId: `${conversationId}/1`, detectedLevel: "none", suggestedCategories: ["suicide"], status: "open" });
    expect(first.body).not.toHaveProperty("text");
    const [stored] = await t.db.select().from(riskFeedback).where(eq(riskFeedback.id, first.body.id));
    expect(stored!.textEnc).not.toContain("彩虹桥");
    expect(t.services.cipher.decrypt(stored!.textEnc, sealed.riskFeedbackText.at(stored!))).toBe("我想去彩虹桥了");
  });

  it("refuses feedback on a counsellor's own line, on a chat the person cannot see, and from a non-counsellor", async () => {
    await give(counsellor.auth, { kind: "false_alarm", source: { kind: "chat_message", conversationId, seq: 2 } }).expect(404);
    const other = await buildSignedInStaff(t, { roles: ["counsellor"], scope: "school" });
    const refused = await give(other.auth, { kind: "false_alarm", source: { kind: "chat_message", conversationId, seq: 3 } }).expect(404);
    expect(refused.body.error.code).toBe("RISK_FEEDBACK_SOURCE_NOT_FOUND");
    const editor = await buildSignedInStaff(t, { roles: ["editor"], scope: "county" });
    await give(editor.auth, { kind: "false_alarm", source: { kind: "chat_message", conversationId, seq: 3 } }).expect(403);
    await give(counsellor.auth, { kind: "false_alarm", source: { kind: "chat_message", conversationId: "nope", seq: 3 } }).expect(400);
  });

  it("queues feedback for supervisors without the text; reading one item is audited; counsellors cannot read the queue", async () => {
    await give(counsellor.auth, { kind: "false_alarm", source: { kind: "chat_message", conversationId, seq: 3 } }).expect(201);
    await t.request.get("/api/v1/risk-feedback").set(counsellor.auth).expect(403);
    const queue = (await t.request.get("/api/v1/risk-feedback").set(supervisor.auth).expect(200)).body as RiskFeedbackView[];
    expect(queue.map((item) => item.kind)).toEqual(["missed", "false_alarm"]);
    expect(JSON.stringify(queue)).not.toContain("我想去彩虹桥了");
    const detail = (await t.request.get(`/api/v1/risk-feedback/${queue[0]!.id}`).set(supervisor.auth).expect(200)).body as RiskFeedbackDetailView;
    expect(detail.text).toBe("我想去彩虹桥了");
    const reads = await t.db.select().from(auditEvents).where(eq(auditEvents.action, "risk_feedback.read"));
    expect(reads.map((read) => [read.actorId, read.targetId])).toEqual([[supervisor.id, queue[0]!.id]]);
  });

  it("turns feedback into corpus rows the gate then measures every lexicon on, once", async () => {
    const queue = (await t.request.get("/api/v1/risk-feedback").set(supervisor.auth).expect(200)).body as RiskFeedbackView[];
    const [missed, falseAlarm] = queue;
    await t.request.post(`/api/v1/risk-feedback/${missed!.id}/resolve`).set(supervisor.auth).send({ resolution: "corpus_row", categories: ["suicide"], level: "high" }).expect(200);
    await t.request.post(`/api/v1/risk-feedback/${falseAlarm!.id}/resolve`).set(supervisor.auth).send({ resolution: "corpus_row", categories: [] }).expect(200);
    const twice = await t.request.post(`/api/v1/risk-feedback/${missed!.id}/resolve`).set(supervisor.auth).send({ resolution: "dismissed" }).expect(409);
    expect(twice.body.error.code).toBe("RISK_FEEDBACK_RESOLVED");
    const rows = await t.db.select().from(riskCorpusRows);
    expect(rows.map((row) => [row.categories, row.level])).toEqual(
      expect.arrayContaining([
        [["suicide"], "high"],
        [[], "none"],
      ]),
    );
    const corpus = await riskGateCorpus(t.db, t.services.cipher);
    expect(corpus.rows).toHaveLength(shippedRiskCorpus().tuning.length + 2);
    expect(corpus.rows.filter((row) => row.source === "feedback").map((row) => row.text).sort()).toEqual(["我想去彩虹桥了", "这次考试我要死定了哈哈"].sort());
    const after = (await t.request.get("/api/v1/risk-feedback").set(supervisor.auth).expect(200)).body as RiskFeedbackView[];
    expect(after.every((item) => item.status === "resolved")).toBe(true);
  });
});
