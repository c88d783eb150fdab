/**
 * May Mental Health Month end to end: the county editor (刘编辑) writes a May article in the web admin and
 * submits it; the reviewer (赵审核) sends it back once with a comment; the editor sees the comment, revises
 * and resubmits; the reviewer approves and publishes it. A student then opens the H5 app during the
 * campaign: the campaign leads the home page with the article, the article ends with the help numbers,
 * and the student signs up for the month's event. Needs both builds (admin, H5).
 */
import { eq } from "drizzle-orm";
import type { Page } from "playwright-core";
import type { CampaignView, PublicationStaffView } from "@xinyuan/shared";
import { eventSignups, staff } from "../../server/src/db/schema";
import { sessionTokenFor } from "../support/sessions";
import { screenshot } from "../support/browser";
import type { TestServer } from "../support/testServer";
import { adminViewport, api, browserSuite, pickOption, signInAdmin } from "./support/browserSuite";
import { newPhoneContext, openH5Student, tap } from "./support/h5Student";

async function staffToken(server: TestServer, username: string): Promise<string> {
  const { db } = server.server.services;
  const [member] = await db.select().from(staff).where(eq(staff.username, username));
  return sessionTokenFor(db, { type: "staff", id: member!.id });
}

/** Opens the 宣传月 page and the row with this title. */
async function openOnDesk(page: Page, title: string): Promise<void> {
  await page.getByRole("menuitem", { name: /宣传月$/ }).click();
  await page.getByText("宣传月与内容发布").waitFor();
  await page.getByRole("cell", { name: title }).first().click();
  await page.locator(".ant-drawer-title", { hasText: title }).waitFor();
}

describe("publishing: a May article goes from the editor through review to a student's home", () => {
  const suite = browserSuite({ admin: true, h5: true });

  it("is sent back once, then published, read on the H5 home during the campaign, and the student signs up for the event", async () => {
    const { server } = suite;
    const editorToken = await staffToken(server, "editor");
    const reviewerToken = await staffToken(server, "reviewer");
    const now = Date.now();
    const campaign = await api<CampaignView>(server, "POST", "/publishing/campaigns", editorToken, {
      title: "五月心理健康月",
      theme: "悦纳自我，温暖同行",
      startsAt: new Date(now - 86_400_000).toISOString(),
      endsAt: new Date(now + 20 * 86_400_000).toISOString(),
      takeoverHome: true,
    });
    // The month's event, published over the API (the article is the part this test drives by hand).
    const event = await api<PublicationStaffView>(server, "POST", "/publishing/publications", editorToken, {
      kind: "event",
      title: "团体沙盘体验活动",
      summary: "和同学一起，用沙盘说说心里话",
      bodyHtml: "<p>由县心理中心老师带领，每场 12 人。</p>",
      campaignId: campaign.id,
      event: { startsAt: new Date(now + 5 * 86_400_000).toISOString(), endsAt: new Date(now + 5 * 86_400_000 + 5_400_000).toISOString(), place: "县心理中心 2 楼", capacity: 12, signupOpensAt: new Date(now - 3_600_000).toISOString(), signupClosesAt: new Date(now + 4 * 86_400_000).toISOString() },
    });
    await api(server, "POST", `/publishing/publications/${event.id}/submit`, editorToken);
    await api(server, "POST", `/publishing/publications/${event.id}/review`, reviewerToken, { decision: "approve" });
    await api(server, "POST", `/publishing/publications/${event.id}/publish`, reviewerToken, {});

    // The editor writes the article.
    const editor = await (await suite.newContext(adminViewport())).newPage();
    await signInAdmin(editor, server, "editor");
    await editor.getByText("宣传月内容").waitFor(); // the editor's home shows the desk
    await editor.getByRole("menuitem", { name: /宣传月$/ }).click();
    await editor.getByRole("button", { name: "写新内容" }).click();
    const title = "五月，和情绪做朋友";
    await editor.getByLabel("标题").fill(title);
    await editor.getByLabel("摘要").fill("情绪没有好坏，它们在提醒我们照顾自己");
    await editor.getByRole("textbox", { name: "正文" }).click();
    await editor.keyboard.type("难过的时候，可以找信任的人说一说。");
    await pickOption(editor, editor.getByRole("combobox", { name: "所属主题活动" }), "五月心理健康月");
    await editor.getByRole("button", { name: "保存" }).click();
    await editor.getByRole("button", { name: "提交审核" }).click();
    await editor.locator(".ant-drawer").getByText("待审核", { exact: true }).waitFor();
    await editor.getByLabel("手机预览").getByText("12356").waitFor();

    // The reviewer sends it back once.
    const reviewer = await (await suite.newContext(adminViewport())).newPage();
    await signInAdmin(reviewer, server, "reviewer");
    await openOnDesk(reviewer, title);
    await reviewer.getByLabel("审核意见").fill("请在结尾加一句：可以找班主任或心理老师聊聊。");
    await reviewer.getByRole("button", { name: "退回修改" }).click();
    await reviewer.locator(".ant-drawer").getByText("草稿", { exact: true }).waitFor();

    // The editor reads the comment, revises and resubmits.
    await editor.reload();
    await openOnDesk(editor, title);
    await editor.getByText("可以找班主任或心理老师聊聊").first().waitFor();
    await editor.getByRole("textbox", { name: "正文" }).click();
    await editor.keyboard.press("End");
    await editor.keyboard.type("也可以找班主任或心理老师聊聊。");
    await editor.getByRole("button", { name: "保存" }).click();
    await editor.locator(".ant-drawer").getByText("第 2 版 · 刘编辑", { exact: true }).waitFor();
    await editor.getByRole("button", { name: "提交审核" }).click();
    await editor.locator(".ant-drawer").getByText("待审核", { exact: true }).waitFor();

    // The reviewer approves and publishes.
    await reviewer.reload();
    await openOnDesk(reviewer, title);
    await reviewer.getByRole("button", { name: "审核通过" }).click();
    await reviewer.getByRole("button", { name: "立即发布" }).click();
    await reviewer.locator(".ant-drawer").getByText("已发布", { exact: true }).waitFor();
    await screenshot(reviewer, "publishing-reviewer-published");

    // A student opens the app during the campaign.
    const student = await openH5Student(suite.track(await newPhoneContext(suite.browser)), server);
    const home = student.page;
    await home.getByText("五月心理健康月").first().waitFor();
    await home.getByText(title).first().waitFor();
    await home.getByText("我现在需要帮助").waitFor(); // the help entries stay on the home
    await screenshot(home, "publishing-h5-home-campaign");
    await tap(home, title);
    await home.getByText("也可以找班主任或心理老师聊聊。", { exact: false }).waitFor();
    await home.getByText("如果你或身边的人需要帮助").waitFor();
    await home.locator(".xy-helpline__number", { hasText: "12356" }).locator("visible=true").first().waitFor(); // the home behind stays in the DOM, hidden
    await home.goBack();
    await home.getByText("团体沙盘体验活动").first().click(); // the home is back at once (app.config.ts: no H5 slide)
    await home.getByText("名额：已报名 0 / 12").waitFor();
    await tap(home, "我要报名");
    await home.getByText("你已报名").waitFor();
    await home.getByText("名额：已报名 1 / 12").waitFor();
    await screenshot(home, "publishing-h5-signed-up");

    const signups = await server.server.services.db.select().from(eventSignups).where(eq(eventSignups.publicationId, event.id));
    expect(signups.map((row) => [row.userId, row.status])).toEqual([[student.me.id, "active"]]);
    expect(student.pageErrors).toEqual([]);
  });
});
