/**
 * The hotline queue end to end: two students join the county line ("I'll call the hotline"); a county
 * counsellor signs in to the web admin (/admin, the real build), goes on duty from the header and takes
 * the caller ahead, then the next one. The second student watches their position move (1 after the
 * first is taken) and sees the result ("completed") pushed over their socket.
 *
 * The student side speaks the real API and socket.io as the H5 app does (login through the fake WeChat
 * code2Session, consents, POST /hotline/tickets, "hotline:ticket" pushes): the H5 hotline pages were
 * still being built when this test was written. Needs the admin build: npm run build -w admin.
 */
import { existsSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import type { BrowserContext, Page } from "playwright-core";
import { currentConsentVersions, type CallerTicketView, type UserSessionView } from "@xinyuan/shared";
import { staff } from "../../server/src/db/schema";
import { launchBrowser, screenshot } from "../support/browser";
import { adminDist, startTestServer, type TestServer } from "../support/testServer";
import { connectSocket, type TestSocket } from "../support/socketClient";
import { rosterShiftAround } from "../support/hotlineFixtures";

async function api<T>(server: TestServer, method: string, path: string, token: string | null, body?: unknown): Promise<T> {
  const response = await fetch(`${server.baseUrl}/api/v1${path}`, {
    method,
    headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { "Content-Type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} -> ${response.status} ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

/** A 14–17 student signed in through the fake code2Session with privacy and sensitive consent, as the app does. */
async function signInStudent(server: TestServer): Promise<string> {
  const code = server.wechat.issueCode(`o${randomBytes(14).toString("base64url")}`);
  const { token } = await api<UserSessionView>(server, "POST", "/auth/wechat/login", null, { code });
  await api(server, "PATCH", "/me/profile", token, { role: "student", ageBand: "14_17" });
  await api(server, "POST", "/me/consents", token, { kind: "privacy", version: currentConsentVersions.privacy });
  await api(server, "POST", "/me/consents", token, { kind: "sensitive", version: currentConsentVersions.sensitive });
  return token;
}

/** Collects the "hotline:ticket" pushes a caller's socket receives. */
function watchTicket(socket: TestSocket): CallerTicketView[] {
  const seen: CallerTicketView[] = [];
  socket.on("hotline:ticket", (view) => seen.push(view));
  return seen;
}

async function until(check: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function signInAdmin(page: Page, server: TestServer, username: string): Promise<void> {
  const account = server.account(username);
  await page.goto(`${server.baseUrl}/admin/`);
  await page.getByRole("textbox", { name: "用户名" }).fill(account.username);
  await page.getByLabel("密码", { exact: true }).fill(account.password);
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await page.getByText(`你好，${account.displayName}`).waitFor();
}

/** Fills the shared outcome form: one category from the taxonomy tree, a risk level, a summary. */
async function fillOutcome(page: Page, summary: string): Promise<void> {
  const dialog = page.getByRole("dialog");
  await dialog.getByRole("combobox", { name: "来电原因分类" }).click();
  await page.locator('.ant-select-tree-node-content-wrapper[title="学业与学校"]').click();
  await dialog.getByText("风险评估", { exact: true }).click(); // closes the tree dropdown (Escape would close the dialog)
  await dialog.getByText("低风险", { exact: true }).click();
  await dialog.getByLabel("记录摘要").fill(summary);
}

describe("hotline: a student watches their place while a counsellor takes callers", () => {
  let server: TestServer;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let context: BrowserContext | undefined;
  const sockets: TestSocket[] = [];

  beforeAll(async () => {
    if (!existsSync(adminDist)) throw new Error("admin/dist is missing: run `npm run build -w admin` first");
    server = await startTestServer();
    browser = await launchBrowser();
  }, 60_000);

  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await context?.close();
    await browser?.cleanup();
    await server?.close();
  });

  it("takes the caller ahead, then the student, who sees their position move and the result", async () => {
    const { db } = server.server.services;
    const [counsellor] = await db.select().from(staff).where(eq(staff.username, "hotline"));
    await rosterShiftAround(db, counsellor!.id, server.clock.now()); // the line is open while someone is on shift

    // Two students join the queue; the second one watches their ticket over the socket.
    const first = await signInStudent(server);
    const second = await signInStudent(server);
    const firstTicket = await api<CallerTicketView>(server, "POST", "/hotline/tickets", first, { kind: "inbound", topic: "考试压力" });
    const secondSocket = await connectSocket(server.baseUrl, second);
    sockets.push(secondSocket);
    const pushes = watchTicket(secondSocket);
    const secondTicket = await api<CallerTicketView>(server, "POST", "/hotline/tickets", second, { kind: "inbound" });
    expect(secondTicket.position).toBe(2);

    // The counsellor signs in, goes on duty from the header and opens the queue.
    context = await browser.newContext({ viewport: { width: 1440, height: 960 }, locale: "zh-CN" });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on("pageerror", (error) => pageErrors.push(error.message));
    try {
      await signInAdmin(page, server, "hotline");
      await page.getByRole("menuitem", { name: "热线队列" }).click();
      await page.locator(`[data-testid="hotline-waiting"] [data-row-key="${secondTicket.id}"]`).waitFor();
      await page.getByTestId("duty-toggle").click();
      await page.getByRole("switch", { name: "上岗" }).click();
      await page.getByTestId("duty-toggle").getByText("值班中 · 热线、在线咨询").waitFor();
      await page.getByTestId("duty-toggle").click();
      await page.getByTestId("duty-panel").waitFor({ state: "hidden" });
      await screenshot(page, "hotline-1-queue");

      // Take next: the first caller. The second student moves up to 1.
      const takeNext = page.getByRole("button", { name: "接听下一位" });
      await takeNext.click();
      await page.locator(`[data-testid="claimed-call"][data-ticket-number="${firstTicket.number}"]`).waitFor();
      await page.getByTestId("claimed-call").getByText("考试压力").waitFor();
      await until(() => pushes.some((view) => view.position === 1), "position 1 pushed to the second student");
      const current = await api<{ ticket: CallerTicketView }>(server, "GET", "/hotline/tickets/current", second);
      expect(current.ticket).toMatchObject({ status: "waiting", position: 1 });
      await screenshot(page, "hotline-2-claimed");

      // Record the first call.
      await page.getByRole("button", { name: "已接通，填写记录" }).click();
      await fillOutcome(page, "谈了考试压力，情绪平稳");
      await screenshot(page, "hotline-3-outcome");
      await page.getByRole("button", { name: "保存记录并结束" }).click();
      await page.getByTestId("claimed-call").waitFor({ state: "detached" });

      // Then the second student: they see the counsellor pick them up, then the result.
      await takeNext.click();
      await page.locator(`[data-testid="claimed-call"][data-ticket-number="${secondTicket.number}"]`).waitFor();
      await until(() => pushes.some((view) => view.status === "claimed"), "claimed pushed to the second student");
      await page.getByRole("button", { name: "已接通，填写记录" }).click();
      await fillOutcome(page, "第二位同学，已提供资源信息");
      await page.getByRole("button", { name: "保存记录并结束" }).click();
      await page.getByTestId("claimed-call").waitFor({ state: "detached" });
      await until(() => pushes.some((view) => view.status === "completed"), "completed pushed to the second student");
      const done = await api<{ ticket: CallerTicketView }>(server, "GET", "/hotline/tickets/current", second);
      expect(done.ticket).toMatchObject({ id: secondTicket.id, status: "completed", position: null });
      await page.getByText("现在没有人在等待，辛苦了。").waitFor();
      await screenshot(page, "hotline-4-empty-queue");

      // The student's positions only ever moved forward.
      const positions = pushes.map((view) => view.position).filter((position): position is number => position !== null);
      expect(positions).toEqual([...positions].sort((a, b) => b - a));
      expect(pageErrors).toEqual([]);
    } catch (error) {
      await screenshot(page, "hotline-failure").catch(() => undefined);
      throw error;
    }
  }, 150_000);
});
