/**
 * The hotline queue end to end: a helper student joins the county line over the API ("I'll call the
 * hotline"); then a student opens the H5 app (/h5, the real build) in a phone-sized browser, goes
 * through first-run consent, and takes a ticket from the hotline page: "你前面还有 1 位同学". A county
 * counsellor signs in to the web admin (/admin, the real build), goes on duty from the header and takes
 * the caller ahead: the student's page moves to "你现在排在第一位" (pushed over their socket). Then the
 * counsellor takes the student, who sees "老师已经接起了", and after the outcome record the result
 * ("通话已经完成"). Meanwhile the county centre's admin watches the live board (热线看板) follow along.
 * Needs both builds: npm run build -w admin and npm run build:h5 -w miniapp.
 */
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Page } from "playwright-core";
import { currentConsentVersions, type CallerTicketView, type UserSessionView } from "@xinyuan/shared";
import { staff } from "../../server/src/db/schema";
import { screenshot } from "../support/browser";
import type { TestServer } from "../support/testServer";
import { adminViewport, api, browserSuite, pickTreeOption, signInAdmin } from "./support/browserSuite";
import { rosterShiftAround } from "../support/hotlineFixtures";
import { newPhoneContext, openH5Student, tap } from "./support/h5Student";

/** A 14–17 student signed in through the fake code2Session with privacy and sensitive consent, as the app does. */
async function signInStudent(server: TestServer): Promise<string> {
  const code = server.wechat.issueCode(`o${randomBytes(14).toString("base64url")}`);
  const { token } = await api<UserSessionView>(server, "POST", "/auth/wechat/login", null, { code });
  await api(server, "PATCH", "/me/profile", token, { role: "student", ageBand: "14_17" });
  await api(server, "POST", "/me/consents", token, { kind: "privacy", version: currentConsentVersions.privacy });
  await api(server, "POST", "/me/consents", token, { kind: "sensitive", version: currentConsentVersions.sensitive });
  return token;
}

/**
 * Records every headline the H5 waiting screen shows (polled every 25 ms in the page), so the test can
 * check the student only ever moved forward. Read back with shownHeadlines().
 */
async function recordHeadlines(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: string[] = [];
    Object.assign(window, { __hotlineHeadlines: seen });
    setInterval(() => {
      const text = document.querySelector(".hotline-waiting__line")?.textContent?.trim();
      if (text && seen[seen.length - 1] !== text) seen.push(text);
    }, 25);
  });
}

const shownHeadlines = (page: Page) => page.evaluate(() => (window as unknown as { __hotlineHeadlines: string[] }).__hotlineHeadlines);

/** Waits until one figure on the live board (热线看板) shows a value. */
async function boardFigure(page: Page, title: string, value: string): Promise<void> {
  const figure = page.getByTestId("hotline-board").locator(".ant-statistic").filter({ has: page.getByText(title, { exact: true }) });
  await figure.locator(".ant-statistic-content-value", { hasText: new RegExp(`^${value}$`) }).waitFor({ timeout: 15_000 });
}

/** Fills the shared outcome form: one category from the taxonomy tree, a risk level, a summary. */
async function fillOutcome(page: Page, summary: string): Promise<void> {
  const dialog = page.getByRole("dialog");
  await pickTreeOption(page, dialog.getByRole("combobox", { name: "来电原因分类" }), "学业与学校");
  await dialog.getByText("风险评估", { exact: true }).click(); // closes the tree dropdown (Escape would close the dialog)
  await dialog.getByText("低风险", { exact: true }).click();
  await dialog.getByLabel("记录摘要").fill(summary);
}

describe("hotline: a student in the H5 app watches their place while a counsellor takes callers", () => {
  const suite = browserSuite({ admin: true, h5: true });

  it("takes the caller ahead, then the H5 student, who sees their position move and the result", async () => {
    const { server } = suite;
    const { db } = server.server.services;
    const [counsellor] = await db.select().from(staff).where(eq(staff.username, "hotline"));
    await rosterShiftAround(db, counsellor!.id, server.clock.now()); // the line is open while someone is on shift

    // A helper student joins the queue first, over the API.
    const first = await signInStudent(server);
    const firstTicket = await api<CallerTicketView>(server, "POST", "/hotline/tickets", first, { kind: "inbound", topic: "考试压力" });

    // The watched student opens the H5 app, goes through first-run consent and takes a ticket.
    const studentContext = suite.track(await newPhoneContext(suite.browser));
    const student = await openH5Student(studentContext, server);
    const h5 = student.page;
    // The admin context is opened up front so a failure screenshot can show both sides.
    const adminContext = await suite.newContext(adminViewport());
    const page = await adminContext.newPage();
    const pageErrors: string[] = [];
    page.on("pageerror", (error) => pageErrors.push(error.message));
    try {
      // Before anyone is on duty the app promises nothing: no 现在开放, no place in a queue nobody works.
      await tap(h5, "热线排队 / 回拨");
      await h5.getByText("值班老师暂时不在线").first().waitFor();
      expect(await h5.getByText("现在开放").count()).toBe(0);

      // The counsellor signs in, goes on duty from the header and opens the queue.
      await signInAdmin(page, server, "hotline");
      await page.getByRole("menuitem", { name: "热线队列" }).click();
      await page.getByTestId("duty-toggle").click();
      await page.getByRole("switch", { name: "上岗" }).click();
      await page.getByTestId("duty-toggle").getByText("值班中 · 热线、在线咨询").waitFor();
      await page.getByTestId("duty-toggle").click();
      await page.getByTestId("duty-panel").waitFor({ state: "hidden" });

      // Now somebody is there: the student's page, opened again, says so.
      await h5.reload();
      await h5.getByText("现在开放").waitFor();
      await h5.getByText("现在有 1 位同学在排队", { exact: false }).waitFor();
      await tap(h5, "我自己拨打热线");
      await h5.locator('textarea[placeholder^="比如：最近压力很大"]').fill("和同学闹矛盾了");
      await screenshot(h5, "hotline-h5-1-join");
      await tap(h5, "领取排队号");
      await h5.getByText("你前面还有 1 位同学。", { exact: true }).waitFor();
      await recordHeadlines(h5);
      const { ticket: secondTicket } = await api<{ ticket: CallerTicketView }>(server, "GET", "/hotline/tickets/current", student.token);
      expect(secondTicket).toMatchObject({ kind: "inbound", status: "waiting", position: 2 });
      await h5.getByText(String(secondTicket.number), { exact: true }).waitFor();
      await h5.getByText(`接通后告诉老师你的排队号 ${secondTicket.number}`, { exact: false }).waitFor();
      await screenshot(h5, "hotline-h5-2-waiting-position-2");

      // The county centre's admin (who does not work the line) watches the live board from its own menu entry.
      const boardContext = await suite.newContext(adminViewport());
      const board = await boardContext.newPage();
      board.on("pageerror", (error) => pageErrors.push(error.message));
      await signInAdmin(board, server, "admin");
      await board.getByRole("menuitem", { name: "热线看板" }).click();
      await expect(board.getByRole("menuitem", { name: "热线队列" }).count()).resolves.toBe(0);
      await boardFigure(board, "正在等待", "2");

      // The counsellor's queue shows the watched student too.
      await page.locator(`[data-testid="hotline-waiting"] [data-row-key="${secondTicket.id}"]`).waitFor();
      await screenshot(page, "hotline-1-queue");

      // Take next: the caller ahead. The H5 student moves up to 1, live.
      const takeNext = page.getByRole("button", { name: "接听下一位" });
      await takeNext.click();
      await page.locator(`[data-testid="claimed-call"][data-ticket-number="${firstTicket.number}"]`).waitFor();
      await page.getByTestId("claimed-call").getByText("考试压力").waitFor();
      await h5.getByText("你现在排在第一位。", { exact: true }).waitFor();
      await expect(h5.getByText("你前面还有 1 位同学。", { exact: true }).count()).resolves.toBe(0);
      const current = await api<{ ticket: CallerTicketView }>(server, "GET", "/hotline/tickets/current", student.token);
      expect(current.ticket).toMatchObject({ status: "waiting", position: 1 });
      await screenshot(page, "hotline-2-claimed");
      await screenshot(h5, "hotline-h5-3-waiting-position-1");

      // Record the first call.
      await page.getByRole("button", { name: "已接通，填写记录" }).click();
      await fillOutcome(page, "谈了考试压力，情绪平稳");
      await screenshot(page, "hotline-3-outcome");
      await page.getByRole("button", { name: "保存记录并结束" }).click();
      await page.getByTestId("claimed-call").waitFor({ state: "detached" });

      // Then the H5 student: they see the counsellor pick them up, then the result.
      await takeNext.click();
      await page.locator(`[data-testid="claimed-call"][data-ticket-number="${secondTicket.number}"]`).waitFor();
      await page.getByTestId("claimed-call").getByText("和同学闹矛盾了").waitFor();
      await h5.getByText("老师已经接起了，请保持电话畅通。", { exact: true }).waitFor();
      await screenshot(h5, "hotline-h5-4-claimed");
      await page.getByRole("button", { name: "已接通，填写记录" }).click();
      await fillOutcome(page, "第二位同学，已提供资源信息");
      await page.getByRole("button", { name: "保存记录并结束" }).click();
      await page.getByTestId("claimed-call").waitFor({ state: "detached" });
      await h5.getByText("通话已经完成", { exact: true }).waitFor();
      await h5.getByText("谢谢你愿意打来。想再聊的时候，随时可以再来排队。", { exact: true }).waitFor();
      await screenshot(h5, "hotline-h5-5-result");
      const done = await api<{ ticket: CallerTicketView }>(server, "GET", "/hotline/tickets/current", student.token);
      expect(done.ticket).toMatchObject({ id: secondTicket.id, status: "completed", position: null });
      await page.getByText("现在没有人在等待，辛苦了。").waitFor();
      await screenshot(page, "hotline-4-empty-queue");
      // The board followed along without a reload: nobody waiting, two served today.
      await boardFigure(board, "正在等待", "0");
      await boardFigure(board, "今日已服务", "2");
      await screenshot(board, "hotline-5-board");

      // The student's page only ever moved forward: 2 -> 1 -> taken.
      expect(await shownHeadlines(h5)).toEqual(["你前面还有 1 位同学。", "你现在排在第一位。", "老师已经接起了，请保持电话畅通。"]);

      // "完成" goes back to the hotline's start, with the queue empty.
      await tap(h5, "完成");
      await h5.getByText("你想怎么和老师通话？").waitFor();
      expect(pageErrors).toEqual([]);
      expect(student.pageErrors).toEqual([]);
    } catch (error) {
      await screenshot(page, "hotline-failure").catch(() => undefined);
      await screenshot(h5, "hotline-h5-failure").catch(() => undefined);
      throw error;
    }
  }, 170_000);
});
