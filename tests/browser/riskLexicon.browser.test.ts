/**
 * 风险词库 and counsellor feedback in the browser (real admin build, real server, demo accounts; run on
 * PostgreSQL with XINYUAN_TEST_DB=postgres): the school's counsellor marks a letter the detector did not
 * flag 标记为风险 in the letter view, and the button says so and is gone; the county supervisor finds it in
 * the review queue, then adds a lexicon entry in the per-entry editor (a pattern matching empty text is
 * refused in Chinese, a typed sentence shows the entry catching it), adds an ignore phrase and a named term
 * (a broken phrase and a taken name refused in Chinese, a term in use cannot be removed), runs it on the corpus, sees the
 * before/after figures, saves it as a new version and activates it. Needs the admin build: npm run build -w admin.
 */
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Page } from "playwright-core";
import { currentConsentVersions, type RiskFeedbackView, type RiskLexiconVersionDetailView, type RiskLexiconVersionView } from "@xinyuan/shared";
import { appUsers, consents, riskFeedback, schools, staff } from "../../server/src/db/schema";
import { screenshot } from "../support/browser";
import { detectRisk } from "../../server/src/risk/riskDetector";
import { sessionTokenFor } from "../support/sessions";
import { adminViewport, api, browserSuite, signInAdmin } from "./support/browserSuite";

const subject = "一件小事";
/**
 * A wish to die said as "going to the rainbow bridge" (where pets are said to wait after death): nothing the
 * shipped detector flags (lexicon 2026-12-07.3 + model-9104; giving things away, the earlier example, it now
 * flags), exactly what a counsellor should mark, and what the supervisor then adds as 想去彩虹桥 below.
 */
const letterBody = "我也想去彩虹桥，去找我的小狗。";
const newPattern = "想去彩虹桥";
const newIgnore = "累成狗了";
const newTerm = "(?:小狗|小猫|狗狗|猫咪)";

describe("risk lexicon: a counsellor marks a letter 标记为风险, a supervisor edits, tries, saves and activates an entry", () => {
  const suite = browserSuite({ admin: true });
  const pageErrors: string[] = [];

  async function newPage(): Promise<Page> {
    const context = await suite.newContext(adminViewport(1440, 1000));
    const page = await context.newPage();
    page.on("pageerror", (error) => pageErrors.push(error.stack ?? error.message));
    return page;
  }

  it("carries the mark to the review queue and an edited lexicon through 试运行, save and the activation gate", async () => {
    const { server } = suite;
    const db = server.server.services.db;
    // the story needs a letter the shipped detector misses, read as the letter writer reads it (subject, then
    // body): if a retrain starts flagging it, pick another here (session 10's model flagged it under the subject
    // "最近的一些事")
    expect(detectRisk(`${subject}\n${letterBody}`).level).toBe("none");
    const counsellor = await newPage();
    const supervisor = await newPage();
    try {
      // A student of 渠县中学 writes to the school's mailbox.
      const [school] = await db.select({ id: schools.id }).from(schools).where(eq(schools.name, "渠县中学"));
      const [student] = await db.insert(appUsers).values({ alias: `小树-${randomBytes(3).toString("hex").toUpperCase()}`, role: "student", ageBand: "14_17", schoolId: school!.id }).returning();
      await db.insert(consents).values([
        { userId: student!.id, kind: "privacy", version: currentConsentVersions.privacy },
        { userId: student!.id, kind: "sensitive", version: currentConsentVersions.sensitive },
      ]);
      const token = await sessionTokenFor(db, { type: "user", id: student!.id }, server.clock.now());
      await api(server, "POST", "/me/letters", token, { target: "school", subject, body: letterBody, clientSubmitId: `risk-${randomBytes(6).toString("hex")}` });

      // The counsellor opens it: the letter was not flagged, so its button is 标记为风险; once clicked it says so.
      await signInAdmin(counsellor, server, "counsellor");
      await counsellor.getByRole("menuitem", { name: "信箱" }).click();
      await counsellor.getByText(subject).first().click();
      const letterCard = counsellor.locator(".ant-card").filter({ has: counsellor.getByText(letterBody) }).last();
      await letterCard.getByTestId("risk-feedback").filter({ hasText: "标记为风险" }).click();
      await letterCard.getByTestId("risk-feedback-sent").filter({ hasText: "已标记为风险" }).waitFor();
      expect(await letterCard.getByTestId("risk-feedback").count()).toBe(0);
      await screenshot(counsellor, "risk-feedback-letter-marked");
      const stored = await db.select().from(riskFeedback).where(eq(riskFeedback.sourceKind, "letter_message"));
      expect(stored.map((row) => [row.kind, row.detectedLevel])).toEqual([["missed", "none"]]);

      // The supervisor finds it in the review queue (without the words until opened).
      await signInAdmin(supervisor, server, "supervisor");
      await supervisor.goto(`${server.baseUrl}/admin/risk-lexicon`);
      const queueRow = supervisor.locator(".ant-table-row").filter({ hasText: "张老师（渠县中学）" });
      await queueRow.filter({ hasText: "漏报（标记为风险）" }).filter({ hasText: "待复核" }).waitFor();
      const [supervisorRow] = await db.select({ id: staff.id }).from(staff).where(eq(staff.username, "supervisor"));
      const supervisorToken = await sessionTokenFor(db, { type: "staff", id: supervisorRow!.id }, server.clock.now());
      const queue = await api<RiskFeedbackView[]>(server, "GET", "/risk-feedback", supervisorToken);
      expect(queue.map((item) => [item.kind, item.sourceKind, item.staffName])).toEqual([["missed", "letter_message", "张老师（渠县中学）"]]);

      // The per-entry editor: add an entry to 自杀 on a copy of the active version.
      await supervisor.locator(".ant-table-row").filter({ hasText: "第 1 版" }).getByRole("button", { name: "以此为底稿编辑" }).click();
      const editor = supervisor.getByTestId("lexicon-editor");
      await editor.getByRole("tab", { name: /自杀/ }).waitFor();
      await editor.getByTestId("add-entry").click();
      const dialog = supervisor.getByRole("dialog", { name: "新增条目" });
      await dialog.getByLabel("匹配规则").fill(`${newPattern}|`);
      await dialog.getByText("会匹配空文本", { exact: false }).waitFor();
      await dialog.getByLabel("匹配规则").fill(newPattern);
      await dialog.getByText("会匹配空文本", { exact: false }).waitFor({ state: "detached" });
      await dialog.getByLabel("否定时不算").click();
      await dialog.getByLabel("备注").fill("来自咨询师反馈");
      await dialog.getByLabel("测试的话").fill("我 想去 彩虹橋 找我的狗");
      await dialog.getByTestId("try-sentence").click();
      await dialog.getByTestId("sentence-entry-result").filter({ hasText: "命中" }).filter({ hasText: `“${newPattern}”` }).waitFor();
      await screenshot(supervisor, "risk-lexicon-entry-form");
      await dialog.getByRole("button", { name: "加入草稿" }).click();
      await dialog.waitFor({ state: "detached" });
      await editor.locator(".ant-table-row").filter({ hasText: newPattern }).filter({ hasText: "来自咨询师反馈" }).waitFor();

      // Named terms and ignore phrases, one at a time, into the same draft: a broken phrase is refused in Chinese.
      await editor.getByText("片段与忽略短语", { exact: true }).click();
      const parts = editor.getByTestId("terms-and-ignore");
      await parts.getByTestId("add-ignore").click();
      const ignoreDialog = supervisor.getByRole("dialog", { name: "新增忽略短语" });
      await ignoreDialog.getByLabel("忽略短语").fill("(累成狗");
      await ignoreDialog.getByText("写法有误", { exact: false }).waitFor();
      await ignoreDialog.getByLabel("忽略短语").fill(newIgnore);
      await ignoreDialog.getByText("写法有误", { exact: false }).waitFor({ state: "detached" });
      await ignoreDialog.getByRole("button", { name: "放入草稿" }).click();
      await ignoreDialog.waitFor({ state: "detached" });
      await parts.getByTestId("add-term").click();
      const termDialog = supervisor.getByRole("dialog", { name: "新增片段" });
      await termDialog.getByLabel("片段名称").fill("family");
      await termDialog.getByLabel("片段内容").fill(newTerm);
      await termDialog.getByText("已经有名为 {{family}} 的片段了", { exact: false }).waitFor();
      await termDialog.getByLabel("片段名称").fill("pet");
      await termDialog.getByText("已经有名为", { exact: false }).waitFor({ state: "detached" });
      await termDialog.getByRole("button", { name: "放入草稿" }).click();
      await termDialog.waitFor({ state: "detached" });
      await parts.locator(".ant-table-row").filter({ hasText: "{{pet}}" }).waitFor();
      // a term the rules use cannot be removed (the new one, used by nothing, can)
      expect(await parts.locator(".ant-table-row").filter({ hasText: "{{farewell}}" }).getByRole("button", { name: "删除" }).isDisabled()).toBe(true);
      expect(await parts.locator(".ant-table-row").filter({ hasText: "{{pet}}" }).getByRole("button", { name: "删除" }).isDisabled()).toBe(false);
      await screenshot(supervisor, "risk-lexicon-terms-and-ignore");

      // 试运行: before → after on the same rows; then save (never activates) and activate through the gate.
      await editor.getByTestId("run-trial").click();
      const figures = editor.getByTestId("trial-figures");
      await figures.getByText("达标，可以启用").waitFor();
      await figures.locator(".ant-table-row").filter({ hasText: "全部（按消息）" }).filter({ hasText: "→" }).waitFor();
      await editor.getByLabel("修改说明").fill(`新增“${newPattern}”`);
      await screenshot(supervisor, "risk-lexicon-trial");
      await editor.getByTestId("save-version").click();
      const version2 = supervisor.locator(".ant-table-row").filter({ hasText: "第 2 版" });
      await version2.filter({ hasText: "王督导" }).filter({ hasText: "未启用" }).waitFor();
      await version2.getByRole("button", { name: "启用" }).click();
      await supervisor.locator(".ant-popconfirm").getByRole("button", { name: "启用" }).click();
      await version2.filter({ hasText: "使用中" }).waitFor();
      await screenshot(supervisor, "risk-lexicon-activated");

      const versions = await api<RiskLexiconVersionView[]>(server, "GET", "/risk-lexicon/versions", supervisorToken);
      expect(versions.map((version) => [version.number, version.isActive, version.note])).toEqual([
        [2, true, `新增“${newPattern}”`],
        [1, false, expect.any(String)],
      ]);
      const active = await api<RiskLexiconVersionDetailView>(server, "GET", `/risk-lexicon/versions/${versions[0]!.id}`, supervisorToken);
      expect(active.content.categories.suicide?.at(-1)).toEqual({ pattern: newPattern, level: "high", negatable: true, note: "来自咨询师反馈" });
      expect(active.content.ignore.at(-1)).toBe(newIgnore);
      expect(active.content.terms).toMatchObject({ pet: newTerm });
    } catch (error) {
      await screenshot(counsellor, "risk-lexicon-failure-counsellor").catch(() => undefined);
      await screenshot(supervisor, "risk-lexicon-failure-supervisor").catch(() => undefined);
      throw error;
    }
    expect(pageErrors).toEqual([]);
  }, 170_000);
});
