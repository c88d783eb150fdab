/**
 * Crisis case end to end: a student in the H5 app (/h5, the real build) says something imminent in a
 * chat; the county counsellor in the admin ends it with a high-risk record; a case appears for the
 * supervisor in 危机个案 (a second browser), who takes it, ticks the emergency checklist, refers it to an
 * institution of the centre's directory, records a follow-up contact with the next date, and closes it.
 * On the way the supervisor opens the flagged chat line under 引发关注的内容 and marks it 误报 from the case.
 * The case, its timeline and the audit of the open are checked through the API.
 * Needs both builds: npm run build -w admin and npm run build:h5 -w miniapp.
 */
import type { CaseDetailView, CaseSummaryView, Page as ApiPage, UserConversationView } from "@xinyuan/shared";
import { screenshot } from "../support/browser";
import { adminViewport, api, browserSuite, pickOption, pickTreeOption, signInAdmin } from "./support/browserSuite";
import { newPhoneContext, openH5Student, tap, type H5Student } from "./support/h5Student";

const imminent = "我真的不想活了，药已经准备好了，今晚就想结束";

describe("cases: an imminent chat becomes a case the supervisor takes, refers, follows up and closes", () => {
  const suite = browserSuite({ admin: true, h5: true });

  it("opens the case from the high-risk record and carries it to closure", async () => {
    const { server } = suite;
    const counsellorPage = await (await suite.newContext(adminViewport(1440, 1000))).newPage();
    const supervisorPage = await (await suite.newContext(adminViewport(1440, 1100))).newPage();
    const pageErrors: string[] = [];
    for (const page of [counsellorPage, supervisorPage]) page.on("pageerror", (error) => pageErrors.push(error.stack ?? error.message));
    const studentContext = suite.track(await newPhoneContext(suite.browser));
    let student: H5Student | undefined;
    try {
      // The county counsellor goes on duty for chat.
      await signInAdmin(counsellorPage, server, "hotline");
      await counsellorPage.getByRole("menuitem", { name: "在线咨询" }).click();
      await counsellorPage.getByTestId("duty-toggle").click();
      await counsellorPage.getByRole("switch", { name: "上岗" }).click();
      await counsellorPage.getByTestId("duty-toggle").getByText("值班中", { exact: false }).waitFor();
      await counsellorPage.getByTestId("duty-toggle").click();

      // The student starts a chat and says something imminent.
      student = await openH5Student(studentContext, server);
      const h5 = student.page;
      await tap(h5, "匿名在线咨询");
      await h5.getByText("和老师文字聊聊", { exact: true }).waitFor();
      await h5.locator('textarea[placeholder="可以先写下想聊的事（也可以不写）"]').fill(imminent);
      await tap(h5, "开始聊天");
      await counsellorPage.getByText(imminent).first().waitFor();
      // read after the counsellor sees it: the start request may still be on its way when 开始聊天 is tapped
      const [conversation] = await api<UserConversationView[]>(server, "GET", "/me/chats", student.token);

      // The counsellor ends it with a high-risk record.
      await counsellorPage.getByRole("button", { name: "结束并记录" }).click();
      const dialog = counsellorPage.getByRole("dialog");
      await pickTreeOption(counsellorPage, dialog.getByRole("combobox", { name: "咨询原因分类" }), "心理健康");
      await dialog.getByText("风险评估", { exact: true }).click();
      await dialog.getByText("高风险", { exact: true }).click();
      await dialog.getByLabel("记录摘要").fill("表达强烈自杀意念，已准备药物；已稳定情绪并给出 12356、120。");
      await dialog.getByRole("button", { name: "结束并保存记录" }).click();
      await dialog.waitFor({ state: "detached" });
      await screenshot(counsellorPage, "cases-1-recorded");

      // The supervisor sees the new case in 危机个案, waiting for an owner.
      await signInAdmin(supervisorPage, server, "supervisor");
      await supervisorPage.getByRole("menuitem", { name: "危机个案" }).click();
      await supervisorPage.getByRole("heading", { name: "危机个案" }).waitFor();
      const row = supervisorPage.getByRole("row").filter({ hasText: student.me.alias });
      await row.waitFor();
      await row.getByText("待认领").waitFor();
      await screenshot(supervisorPage, "cases-2-list");
      await row.click();
      const detail = supervisorPage.getByTestId("case-detail");
      await detail.getByText("这个个案还没有负责人", { exact: false }).waitFor();

      // 引发关注的内容: the flagged chat line, its words hidden until 查看原文 (audited), and 误报 from the case.
      const concern = detail.getByTestId("case-concerns").getByTestId("case-concern").first();
      await concern.getByText("聊天中学生的一句话").waitFor();
      expect(await detail.getByTestId("case-concerns").getByText(imminent).count()).toBe(0);
      await concern.getByTestId("case-concern-open").click();
      await concern.getByTestId("case-concern-text").getByText(imminent).waitFor();
      await concern.getByTestId("risk-feedback").click();
      await concern.getByTestId("risk-feedback-sent").waitFor();
      await screenshot(supervisorPage, "cases-2b-concerns");

      // Takes it.
      await detail.getByRole("button", { name: "认领个案" }).click();
      await detail.getByTestId("case-status").getByText("跟进中").waitFor();
      await detail.locator('[data-testid="case-event"][data-kind="taken"]').waitFor();

      // Ticks the first item of the emergency checklist.
      const firstItem = detail.locator(".ant-checkbox-wrapper").filter({ hasText: "评估自伤/自杀风险" });
      await firstItem.click();
      await detail.locator('[data-testid="case-event"][data-kind="checklist_ticked"]').waitFor();

      // Refers it to an institution of the directory.
      await pickOption(supervisorPage, detail.getByRole("combobox", { name: "转介机构" }), "达州市心理卫生中心");
      await detail.getByRole("textbox", { name: "转介说明" }).fill("建议尽快门诊评估");
      await detail.getByRole("button", { name: "转介" }).click();
      await detail.getByTestId("case-referral").getByText("达州市心理卫生中心").waitFor();
      await detail.getByTestId("case-status").getByText("已转介").waitFor();

      // Records a follow-up contact with the next date.
      const nextDate = new Date(Date.now() + 8 * 3600_000 + 2 * 86_400_000).toISOString().slice(0, 10);
      await detail.getByLabel("约定下次跟进").fill(nextDate);
      await detail.getByRole("textbox", { name: "处置说明" }).fill("电话联系监护人陪同，学生情绪已平稳");
      await detail.getByRole("button", { name: "记录", exact: true }).click();
      await detail.locator('[data-testid="case-event"][data-kind="follow_up_contact"]').waitFor();
      await screenshot(supervisorPage, "cases-3-followed-up");

      // Closes it.
      await pickOption(supervisorPage, detail.getByRole("combobox", { name: "结案原因" }), "转介完成，由机构持续跟进");
      await detail.getByRole("button", { name: "结案" }).click();
      await supervisorPage.locator(".ant-popconfirm").getByRole("button", { name: /确\s*定|OK/ }).click();
      await detail.getByTestId("case-status").getByText("已结案").waitFor();
      await screenshot(supervisorPage, "cases-4-closed");

      // Through the API: one closed case for this student, linked to the chat, with the whole story.
      const token = await supervisorPage.evaluate(() => (JSON.parse(sessionStorage.getItem("xinyuan.admin.session") ?? "null") as { token: string } | null)?.token ?? null);
      const list = await api<ApiPage<CaseSummaryView>>(server, "GET", "/cases?pageSize=100", token);
      const mine = list.items.filter((item) => item.subjectAlias === student!.me.alias);
      expect(mine).toHaveLength(1);
      const view = await api<CaseDetailView>(server, "GET", `/cases/${mine[0]!.id}`, token);
      expect(view).toMatchObject({ status: "closed", closeReason: "referred_completed", level: "warning", ownerName: "王督导", nextFollowUpOn: null });
      expect(view.links.map((link) => link.kind).sort()).toEqual(["chat_conversation", "contact_record"]);
      expect(view.links.find((link) => link.kind === "chat_conversation")!.id).toBe(conversation!.id);
      expect(view.referrals[0]).toMatchObject({ institutionName: "达州市心理卫生中心" });
      expect(view.timeline.map((event) => event.kind)).toEqual(["opened", "taken", "checklist_ticked", "referral_created", "follow_up_contact", "status_changed"]);
      expect(view.timeline.find((event) => event.kind === "follow_up_contact")!.note).toBe("电话联系监护人陪同，学生情绪已平稳");
      expect(pageErrors).toEqual([]);
    } catch (error) {
      await screenshot(supervisorPage, "cases-failure").catch(() => undefined);
      await screenshot(counsellorPage, "cases-counsellor-failure").catch(() => undefined);
      if (student) await screenshot(student.page, "cases-h5-failure").catch(() => undefined);
      const errors = [...pageErrors, ...(student?.pageErrors ?? [])];
      if (errors.length > 0) throw new Error(`${String(error)}\npage errors: ${errors.join("\n")}`);
      throw error;
    }
  }, 170_000);
});
