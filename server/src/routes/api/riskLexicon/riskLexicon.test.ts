import { and, eq } from "drizzle-orm";
import { errorMessages, type RiskLexiconTrialView, type RiskSentenceTrialView, type RiskLexiconVersionDetailView, type RiskLexiconVersionView } from "@xinyuan/shared";
import { auditEvents, riskLexiconVersions } from "../../../db/schema";
import { createTestApp, type TestApp } from "../../../../../tests/support/testApp";
import { buildArea } from "../../../../../tests/support/factories";
import { buildSignedInStaff } from "../../../../../tests/support/staffSession";
import { riskLexiconSeeder } from "../../../risk/riskLexiconSeeder";
import { refreshRiskLexicon } from "../../../risk/riskLexiconReloader";
import { activeRiskLexicon, detectRisk, resetRiskDetector, shippedRiskLexicon, shippedRiskModel } from "../../../risk/riskDetector";
import { riskCorpusRows } from "../../../db/schema";
import { sealed } from "../../../crypto/sealedColumns";

type Lexicon = { version: string; categories: Record<string, Array<Record<string, unknown>>> } & Record<string, unknown>;
const shipped = shippedRiskLexicon as Lexicon;

describe("risk lexicon versions", () => {
  let t: TestApp;
  let supervisor: Awaited<ReturnType<typeof buildSignedInStaff>>;
  beforeAll(async () => {
    t = await createTestApp();
    await riskLexiconSeeder(t.db);
    await refreshRiskLexicon(t.db);
    supervisor = await buildSignedInStaff(t, { roles: ["supervisor"], scope: "county" });
  });
  afterAll(async () => {
    resetRiskDetector();
    await t.close();
  });

  it("seeds the shipped file once as the active version 1, with its corpus figures", async () => {
    await riskLexiconSeeder(t.db);
    const list = (await t.request.get("/api/v1/risk-lexicon/versions").set(supervisor.auth).expect(200)).body as RiskLexiconVersionView[];
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ number: 1, label: shipped.version, isActive: true, authorName: null });
    expect(list[0]!.evaluation.passesGate).toBe(true);
    expect(list[0]!.evaluation.overall.recall).toBeGreaterThanOrEqual(0.95);
    expect(activeRiskLexicon().id).toBe(list[0]!.id);
    const detail = (await t.request.get(`/api/v1/risk-lexicon/versions/${list[0]!.id}`).set(supervisor.auth).expect(200)).body as RiskLexiconVersionDetailView;
    expect(detail.content.version).toBe(shipped.version);
  });

  it("is only for county supervisors and centre admins", async () => {
    const counsellor = await buildSignedInStaff(t, { roles: ["counsellor"], scope: "county" });
    const areaSupervisor = await buildSignedInStaff(t, { roles: ["supervisor"], scope: "area", areaId: (await buildArea(t.db)).id });
    await t.request.get("/api/v1/risk-lexicon/versions").set(counsellor.auth).expect(403);
    await t.request.get("/api/v1/risk-lexicon/versions").set(areaSupervisor.auth).expect(403);
    await t.request.post("/api/v1/risk-lexicon/versions").set(areaSupervisor.auth).send({ content: shipped }).expect(403);
    await t.request.get("/api/v1/risk-lexicon/versions/not-a-uuid").set(supervisor.auth).expect(400);
  });

  it("试运行 shows before and after figures (lexicon and the model kept with it) and saves nothing", async () => {
    const withoutSuicide: Lexicon = { ...shipped, categories: { ...shipped.categories, suicide: [] } };
    const trial = (await t.request.post("/api/v1/risk-lexicon/trial").set(supervisor.auth).send({ content: withoutSuicide }).expect(200)).body as RiskLexiconTrialView;
    expect(trial.before.passesGate).toBe(true);
    expect(trial.after.categories.suicide.recall).toBeLessThanOrEqual(trial.before.categories.suicide.recall);
    // the model (trained on these rows) still finds suicide rows without the lexicon's entries: not the only net
    expect(trial.after.categories.suicide.recall).toBeGreaterThan(0.5);
    // imminent: the model never vetoes it, so every non-hit with 我 becomes a false alarm whatever the model learnt
    const flagsEverything: Lexicon = { ...shipped, categories: { ...shipped.categories, bullying: [...(shipped.categories.bullying ?? []), { pattern: "我", level: "imminent" }] } };
    const noisy = (await t.request.post("/api/v1/risk-lexicon/trial").set(supervisor.auth).send({ content: flagsEverything }).expect(200)).body as RiskLexiconTrialView;
    expect(noisy.after.overall.falseAlarmRate).toBeGreaterThan(0.1);
    expect(noisy.after.passesGate).toBe(false);
    expect(await t.db.select().from(riskLexiconVersions)).toHaveLength(1);
  });

  it("refuses a lexicon that does not compile, naming the problem", async () => {
    const broken = { ...shipped, categories: { ...shipped.categories, eating: [{ pattern: "(催吐", level: "high" }] } };
    const response = await t.request.post("/api/v1/risk-lexicon/versions").set(supervisor.auth).send({ content: broken }).expect(400);
    expect(response.body.error.code).toBe("RISK_LEXICON_INVALID");
    await t.request.post("/api/v1/risk-lexicon/trial").set(supervisor.auth).send({ content: { version: "x" } }).expect(400);
  });

  it("tries a typed sentence on one entry of a draft, with the draft's normalisation and negation; refuses an entry matching empty text", async () => {
    const trySentence = (body: Record<string, unknown>) => t.request.post("/api/v1/risk-lexicon/trial-sentence").set(supervisor.auth).send({ content: shipped, ...body });
    const entry = { category: "suicide", entry: { pattern: "想去彩虹桥", level: "high", negatable: true } };
    // traditional characters and spacing tricks are normalised before the entry sees them
    const hit = (await trySentence({ text: "我 想-去 彩虹橋", entry }).expect(200)).body as RiskSentenceTrialView;
    expect(hit.normalised).toBe("我想去彩虹桥");
    expect(hit.entry).toEqual({ level: "high", categories: ["suicide"], matches: [{ category: "suicide", level: "high", text: "想去彩虹桥" }] });
    expect(hit.whole.level).toBe("none");
    const negated = (await trySentence({ text: "我不想去彩虹桥", entry }).expect(200)).body as RiskSentenceTrialView;
    expect(negated.entry?.level).toBe("none");
    // without an entry: the whole draft's verdict only
    const whole = (await trySentence({ text: "我想自杀" }).expect(200)).body as RiskSentenceTrialView;
    expect(whole).toMatchObject({ entry: null, whole: { level: "high", categories: ["suicide"] } });
    const empty = await trySentence({ text: "随便一句", entry: { category: "suicide", entry: { pattern: "彩虹桥|", level: "high" } } }).expect(400);
    expect(empty.body.error.code).toBe("RISK_LEXICON_INVALID");
    expect(empty.body.error.details.reason).toContain("匹配空文本");
    await trySentence({ text: "   ", entry }).expect(400);
    const counsellor = await buildSignedInStaff(t, { roles: ["counsellor"], scope: "county" });
    await t.request.post("/api/v1/risk-lexicon/trial-sentence").set(counsellor.auth).send({ content: shipped, text: "我想自杀" }).expect(403);
  });

  it("keeps a version that raises false alarms past the gate but refuses to activate it", async () => {
    const withoutSuicide: Lexicon = { ...shipped, version: "flags-everything", categories: { ...shipped.categories, bullying: [...(shipped.categories.bullying ?? []), { pattern: "我", level: "imminent" }] } };
    const saved = (await t.request.post("/api/v1/risk-lexicon/versions").set(supervisor.auth).send({ content: withoutSuicide, note: "试验" }).expect(201)).body as RiskLexiconVersionView;
    expect(saved).toMatchObject({ number: 2, isActive: false, note: "试验" });
    expect(saved.authorName).toEqual(expect.any(String));
    expect(saved.evaluation.passesGate).toBe(false);
    const refused = await t.request.post(`/api/v1/risk-lexicon/versions/${saved.id}/activate`).set(supervisor.auth).expect(409);
    expect(refused.body.error.code).toBe("RISK_LEXICON_GATE_FAILED");
    const [active] = await t.db.select().from(riskLexiconVersions).where(eq(riskLexiconVersions.isActive, true));
    expect(active?.number).toBe(1);
    expect(detectRisk("我想自杀").level).toBe("high");
    const audits = await t.db.select().from(auditEvents).where(and(eq(auditEvents.action, "risk_lexicon.activate_refused"), eq(auditEvents.targetId, saved.id)));
    expect(audits).toHaveLength(1);
  });

  it("activates a version that passes: this process detects with it at once, the old one is kept, both audited", async () => {
    expect(detectRisk("我想去彩虹桥找我的狗").level).toBe("none");
    const suicide = [...(shipped.categories.suicide ?? []), { pattern: "想去彩虹桥", level: "high", note: "测试新增" }];
    const edited: Lexicon = { ...shipped, version: "rainbow-bridge", categories: { ...shipped.categories, suicide } };
    const saved = (await t.request.post("/api/v1/risk-lexicon/versions").set(supervisor.auth).send({ content: edited, note: "新增 想去彩虹桥" }).expect(201)).body as RiskLexiconVersionView;
    const activated = (await t.request.post(`/api/v1/risk-lexicon/versions/${saved.id}/activate`).set(supervisor.auth).expect(200)).body as RiskLexiconVersionView;
    expect(activated).toMatchObject({ id: saved.id, isActive: true });
    expect(detectRisk("我想去彩虹桥找我的狗").level).toBe("high");
    expect(activeRiskLexicon()).toEqual({ id: saved.id, version: "rainbow-bridge" });
    // the edit kept the model of the version it replaced
    const [stored] = await t.db.select().from(riskLexiconVersions).where(eq(riskLexiconVersions.id, saved.id));
    expect((stored?.model as { version: string }).version).toBe((shippedRiskModel as { version: string }).version);
    // Idempotent: activating the active version again changes nothing.
    await t.request.post(`/api/v1/risk-lexicon/versions/${saved.id}/activate`).set(supervisor.auth).expect(200);
    const list = (await t.request.get("/api/v1/risk-lexicon/versions").set(supervisor.auth).expect(200)).body as RiskLexiconVersionView[];
    expect(list.map((version) => [version.number, version.isActive])).toEqual([
      [3, true],
      [2, false],
      [1, false],
    ]);
    const activations = await t.db.select().from(auditEvents).where(eq(auditEvents.action, "risk_lexicon.activate"));
    expect(activations).toHaveLength(1);
    expect(activations[0]?.detail).toMatchObject({ number: 3, previousNumber: 1 });
    expect(await t.db.select().from(auditEvents).where(eq(auditEvents.action, "risk_lexicon.create"))).toHaveLength(2);
  });

  it("a restart with the same shipped file does not take the supervisor's version away", async () => {
    await riskLexiconSeeder(t.db);
    const [active] = await t.db.select().from(riskLexiconVersions).where(eq(riskLexiconVersions.isActive, true));
    expect(active?.number).toBe(3);
  });

  it("重新训练 learns from corpus rows supervisors added from feedback: a new inactive version, audited, live once activated", async () => {
    // "the blue whale": a suicide "game" of daily tasks, a code the shipped rows barely hold (metaphors such as
    // 去见星星上的外婆 are the model's own since session 10)
    const phrase = "第五十天的蓝鲸任务我做完了";
    expect(detectRisk(phrase).level).toBe("none");
    // rows a supervisor labelled from counsellors' 标记为风险 (encrypted, as riskFeedbackResolver stores them)
    const labelled = ["第五十天的蓝鲸任务我做完了", "蓝鲸任务还差最后一个", "今晚做完最后一个蓝鲸任务", "蓝鲸群里的人说我可以毕业了", "那只蓝鲸说明天带我游走", "我在做蓝鲸任务，快到最后一天了"];
    for (const text of labelled) {
      const id = crypto.randomUUID();
      await t.db.insert(riskCorpusRows).values({ id, textEnc: t.services.cipher.encrypt(text, sealed.riskCorpusText.at({ id })), categories: ["suicide"], level: "high", addedBy: supervisor.id });
    }
    const counsellor = await buildSignedInStaff(t, { roles: ["counsellor"], scope: "county" });
    await t.request.post("/api/v1/risk-lexicon/retrain").set(counsellor.auth).expect(403);
    // two clicks at once (or two supervisors): one trains, the other is told a retrain is running
    const [one, two] = await Promise.all([t.request.post("/api/v1/risk-lexicon/retrain").set(supervisor.auth), t.request.post("/api/v1/risk-lexicon/retrain").set(supervisor.auth)]);
    expect([one.status, two.status].sort()).toEqual([201, 409]);
    const [done, refused] = one.status === 201 ? [one, two] : [two, one];
    expect(refused.body.error).toEqual({ code: "RISK_RETRAIN_RUNNING", message: errorMessages.RISK_RETRAIN_RUNNING, details: { startedAt: expect.any(String) } });
    const retrained = done.body as RiskLexiconVersionView;
    expect(retrained).toMatchObject({ number: 4, isActive: false, label: "rainbow-bridge" });
    expect(retrained.note).toContain(`其中 ${labelled.length} 条来自咨询师反馈`);
    const [audit] = await t.db.select().from(auditEvents).where(eq(auditEvents.action, "risk_lexicon.retrain"));
    expect(audit?.detail).toMatchObject({ number: 4, feedbackRows: labelled.length });
    expect(detectRisk(phrase).level).toBe("none"); // not live until activated
    await t.request.post(`/api/v1/risk-lexicon/versions/${retrained.id}/activate`).set(supervisor.auth).expect(200);
    expect(detectRisk(phrase)).toMatchObject({ level: "high", categories: ["suicide"] });
    expect(detectRisk("我想去彩虹桥找我的狗").level).toBe("high"); // the lexicon edit stays
    // the whale of an aquarium stays harmless
    expect(detectRisk("海洋馆里的蓝鲸好大").level).toBe("none");
  }, 240_000); // training runs in a worker thread, natively (inside Jest's sandbox it ran about ten times slower); 24 000 rows take 15–50 s
});
