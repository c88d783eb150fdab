/**
 * Anonymous chat end to end: a county counsellor in the web admin (/admin, the real build) goes on duty
 * for chat; a student starts a chat and is routed to them. They talk with delivered / read receipts
 * both ways; in the middle the counsellor's browser loses its connection (offline, and the server
 * drops the socket), writes while offline (kept in the outbox, "发送中"), and on reconnect the admin
 * resumes from its last seq (the student's messages sent meanwhile appear once, in order) and the outbox
 * is resent. The counsellor ends the chat with the outcome record and the student rates it.
 *
 * The student side speaks the real API and socket.io as the H5 app does (fake WeChat code2Session,
 * consents, POST /me/chats, "chat:send" / "chat:read"): the H5 chat pages were still being built when
 * this test was written. Needs the admin build: npm run build -w admin.
 */
import { existsSync } from "node:fs";
import { randomBytes } from "node:crypto";
import type { BrowserContext, Page } from "playwright-core";
import { currentConsentVersions, newClientMessageId, type ChatMessageView, type ChatReceiptNotice, type StartChatResult, type UserConversationView, type UserSessionView } from "@xinyuan/shared";
import { launchBrowser, screenshot } from "../support/browser";
import { adminDist, startTestServer, type TestServer } from "../support/testServer";
import { connectSocket, emitWithAck, type TestSocket } from "../support/socketClient";

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

async function signInStudent(server: TestServer): Promise<string> {
  const code = server.wechat.issueCode(`o${randomBytes(14).toString("base64url")}`);
  const { token } = await api<UserSessionView>(server, "POST", "/auth/wechat/login", null, { code });
  await api(server, "PATCH", "/me/profile", token, { role: "student", ageBand: "14_17" });
  await api(server, "POST", "/me/consents", token, { kind: "privacy", version: currentConsentVersions.privacy });
  await api(server, "POST", "/me/consents", token, { kind: "sensitive", version: currentConsentVersions.sensitive });
  return token;
}

async function until(check: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function studentSays(socket: TestSocket, conversationId: string, body: string): Promise<ChatMessageView> {
  const ack = await emitWithAck<ChatMessageView>(socket, "chat:send", { conversationId, clientMessageId: newClientMessageId(), body });
  if (!ack.ok) throw new Error(`chat:send refused: ${ack.error.code}`);
  return ack.data;
}

/** The admin's message bubbles, in the order shown. */
const shownMessages = (page: Page) => page.getByTestId("chat-messages").getByTestId("chat-message").allInnerTexts();

describe("chat: a student and a counsellor talk through a reconnect, then the student rates it", () => {
  let server: TestServer;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let context: BrowserContext | undefined;
  let student: TestSocket | undefined;

  beforeAll(async () => {
    if (!existsSync(adminDist)) throw new Error("admin/dist is missing: run `npm run build -w admin` first");
    server = await startTestServer();
    browser = await launchBrowser();
  }, 60_000);

  afterAll(async () => {
    student?.disconnect();
    await context?.close();
    await browser?.cleanup();
    await server?.close();
  });

  it("delivers both ways with receipts, survives a reconnect, and ends with a rating", async () => {
    context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: "zh-CN" });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on("pageerror", (error) => pageErrors.push(error.stack ?? error.message));
    try {
      // The counsellor signs in and goes on duty (both channels) from the header.
      const account = server.account("hotline");
      await page.goto(`${server.baseUrl}/admin/`);
      await page.getByRole("textbox", { name: "用户名" }).fill(account.username);
      await page.getByLabel("密码", { exact: true }).fill(account.password);
      await page.getByRole("button", { name: "登录", exact: true }).click();
      await page.getByText(`你好，${account.displayName}`).waitFor();
      await page.getByRole("menuitem", { name: "在线咨询" }).click();
      await page.getByText("现在没有同学在排队。").waitFor();
      await page.getByTestId("duty-toggle").click();
      await page.getByRole("switch", { name: "上岗" }).click();
      await page.getByTestId("duty-toggle").getByText("值班中 · 热线、在线咨询").waitFor();
      await page.getByTestId("duty-toggle").click();

      // The student starts a chat with a first message and is routed to the counsellor.
      const token = await signInStudent(server);
      student = await connectSocket(server.baseUrl, token);
      const received: ChatMessageView[] = [];
      const receipts: ChatReceiptNotice[] = [];
      student.on("chat:message", (message) => received.push(message));
      student.on("chat:receipt", (notice) => receipts.push(notice));
      const started = await api<StartChatResult>(server, "POST", "/me/chats", token, { firstMessage: { clientMessageId: newClientMessageId(), body: "老师你好，最近考试压力好大，睡不着" } });
      expect(started.outcome).toBe("assigned");
      const conversationId = started.conversation!.id;

      await page.getByText("老师你好，最近考试压力好大，睡不着").waitFor();
      // The admin has the page open: the student's first message comes back read.
      await until(() => receipts.some((notice) => notice.side === "staff" && notice.readSeq >= started.firstMessage!.seq), "read receipt from the counsellor");

      // The counsellor replies; the student receives it and reads it: the admin shows 已读.
      const reply = page.getByRole("textbox", { name: "回复内容" });
      await reply.fill("你好，我在这里。可以说说是哪门考试让你最担心吗？");
      await reply.press("Enter");
      await until(() => received.some((message) => message.from === "staff" && message.body.startsWith("你好，我在这里")), "the reply at the student");
      const staffLine = received.find((message) => message.from === "staff")!;
      await emitWithAck(student, "chat:delivered", { conversationId, seq: staffLine.seq });
      await page.locator('[data-testid="receipt"][data-receipt="delivered"]').waitFor();
      await emitWithAck(student, "chat:typing", { conversationId, typing: true });
      await page.getByTestId("typing").waitFor();
      await emitWithAck(student, "chat:read", { conversationId, seq: staffLine.seq });
      await page.locator('[data-testid="receipt"][data-receipt="read"]').waitFor();
      await screenshot(page, "chat-1-receipts");

      // The counsellor's connection drops: offline, and the server closes the socket.
      await context.setOffline(true);
      server.server.io.in(`staff-${await staffId(page)}`).disconnectSockets(true);
      await page.locator('[data-testid="realtime-status"][data-status="reconnecting"]').waitFor();
      await reply.fill("我们慢慢来，不着急。");
      await reply.press("Enter");
      await page.getByTestId("pending-message").waitFor();
      // Meanwhile the student goes on writing.
      await studentSays(student, conversationId, "数学，上次只考了六十分");
      await studentSays(student, conversationId, "我怕爸妈失望");
      await screenshot(page, "chat-2-offline");

      // Back online: the admin resumes from its last seq and resends the outbox.
      await context.setOffline(false);
      await page.locator('[data-testid="realtime-status"][data-status="connected"]').waitFor({ timeout: 30_000 });
      await page.getByText("我怕爸妈失望").waitFor();
      await page.getByTestId("pending-message").waitFor({ state: "detached" });
      await until(() => received.some((message) => message.body === "我们慢慢来，不着急。"), "the outbox message at the student");
      const texts = await shownMessages(page);
      expect(texts).toEqual(["老师你好，最近考试压力好大，睡不着", "你好，我在这里。可以说说是哪门考试让你最担心吗？", "数学，上次只考了六十分", "我怕爸妈失望", "我们慢慢来，不着急。"]);
      const staffBodies = received.filter((message) => message.from === "staff").map((message) => message.body);
      expect(staffBodies).toEqual(["你好，我在这里。可以说说是哪门考试让你最担心吗？", "我们慢慢来，不着急。"]);
      await screenshot(page, "chat-3-resumed");

      // The counsellor ends the chat with the outcome record; the student rates it.
      await page.getByRole("button", { name: "结束并记录" }).click();
      const dialog = page.getByRole("dialog");
      await dialog.getByRole("combobox", { name: "来电原因分类" }).click();
      await page.locator('.ant-select-tree-node-content-wrapper[title="学业与学校"]').click();
      await dialog.getByText("风险评估", { exact: true }).click();
      await dialog.getByText("低风险", { exact: true }).click();
      await dialog.getByLabel("记录摘要").fill("考试压力，已倾听和疏导");
      await dialog.getByRole("button", { name: "结束并保存记录" }).click();
      await page.getByText("分配给你的咨询会出现在这里", { exact: false }).or(page.getByText("暂时没有咨询", { exact: false })).first().waitFor();
      const closed = await api<UserConversationView>(server, "GET", `/me/chats/${conversationId}`, token);
      expect(closed).toMatchObject({ status: "closed", canRate: true });
      const rated = await api<UserConversationView>(server, "POST", `/me/chats/${conversationId}/rating`, token, { score: 5, comment: "谢谢老师，好多了" });
      expect(rated.rating).toEqual({ score: 5, comment: "谢谢老师，好多了" });
      await screenshot(page, "chat-4-ended");
      expect(pageErrors).toEqual([]);
    } catch (error) {
      await screenshot(page, "chat-failure").catch(() => undefined);
      if (pageErrors.length > 0) throw new Error(`${String(error)}\npage errors: ${pageErrors.join("\n")}`);
      throw error;
    }
  }, 170_000);
});

/** The signed-in staff member's id, from the admin's session storage. */
async function staffId(page: Page): Promise<string> {
  return page.evaluate(() => (JSON.parse(sessionStorage.getItem("xinyuan.admin.session") ?? "null") as { staff: { id: string } } | null)?.staff.id ?? "");
}
