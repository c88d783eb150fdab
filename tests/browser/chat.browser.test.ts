/**
 * Anonymous chat end to end, both sides in the browser: a county counsellor in the web admin (/admin,
 * the real build) goes on duty for chat; a student opens the H5 app (/h5, the real build) in a
 * phone-sized browser, goes through first-run consent and starts a chat with a first message, and is
 * routed to the counsellor. They talk with receipts both ways (the student's page shows 老师已读, the
 * admin 已读) and typing. Then two reconnects:
 * - the counsellor's browser loses its connection (offline, and the server drops the socket), writes
 *   while offline (kept in the outbox, "发送中") while the student goes on writing in the H5 page; on
 *   reconnect the admin resumes from its last seq and the outbox is resent;
 * - the student's browser goes offline (and its connection closes): what they write waits in the
 *   H5 outbox ("发送中…"), the counsellor writes meanwhile; back online the H5 app resumes and resends.
 * Every message shows exactly once and in order on both sides. The counsellor ends the chat with the
 * outcome record and the student rates it (1–5) in the H5 page; the rating is checked through the API.
 * Needs both builds: npm run build -w admin and npm run build:h5 -w miniapp.
 */
import type { Page } from "playwright-core";
import type { UserConversationView } from "@xinyuan/shared";
import { screenshot } from "../support/browser";
import type { TestServer } from "../support/testServer";
import { adminViewport, api, browserSuite, pickTreeOption, signInAdmin } from "./support/browserSuite";
import { newPhoneContext, openH5Student, tap, type H5Student } from "./support/h5Student";

/** Polls `read` until it equals `expected` (then one final strict comparison for a readable failure). */
async function eventually<T>(read: () => Promise<T>, expected: T, timeoutMs = 15_000): Promise<void> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (JSON.stringify(await read()) === JSON.stringify(expected)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  expect(await read()).toEqual(expected);
}

/** The admin's message bubbles, in the order shown. */
const shownMessages = (page: Page) => page.getByTestId("chat-messages").getByTestId("chat-message").allInnerTexts();
/** The H5 page's delivered bubbles (not the ones still sending), in the order shown. */
const studentSees = async (page: Page) => (await page.locator(".chat-messages .chat-bubble:not(.chat-bubble--sending):not(.chat-bubble--failed)").allInnerTexts()).map((text) => text.trim());
/** The H5 compose box and its send button. */
const composer = (page: Page) => page.locator('textarea[placeholder="想说什么都可以，慢慢打字"]');

async function studentTypes(page: Page, body: string): Promise<void> {
  await composer(page).fill(body);
}

async function studentSends(page: Page, body: string): Promise<void> {
  await studentTypes(page, body);
  await tap(page, "发送");
  await expect(composer(page).inputValue()).resolves.toBe("");
}

const first = "老师你好，最近考试压力好大，睡不着";
const reply1 = "你好，我在这里。可以说说是哪门考试让你最担心吗？";
const student2 = "数学，上次只考了六十分";
const student3 = "我怕爸妈失望";
const reply2 = "我们慢慢来，不着急。";
const reply3 = "爸妈也许比你想的更在意你本身，而不只是分数。";
const student4 = "嗯，我今晚试着和妈妈说说";

describe("chat: a student in the H5 app and a counsellor in the admin talk through reconnects, then the student rates it", () => {
  const suite = browserSuite({ admin: true, h5: true });

  it("delivers both ways with receipts, survives reconnects on both sides, and ends with a rating", async () => {
    const { server } = suite;
    const context = await suite.newContext(adminViewport(1440, 1000));
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on("pageerror", (error) => pageErrors.push(error.stack ?? error.message));
    const studentContext = suite.track(await newPhoneContext(suite.browser));
    let student: H5Student | undefined;
    try {
      // The counsellor signs in and goes on duty (both channels) from the header.
      await signInAdmin(page, server, "hotline");
      await page.getByRole("menuitem", { name: "在线咨询" }).click();
      await page.getByText("现在没有同学在排队。").waitFor();
      await page.getByTestId("duty-toggle").click();
      await page.getByRole("switch", { name: "上岗" }).click();
      await page.getByTestId("duty-toggle").getByText("值班中 · 热线、在线咨询").waitFor();
      await page.getByTestId("duty-toggle").click();

      // The student opens the H5 app, passes first-run consent and starts a chat with a first message.
      student = await openH5Student(studentContext, server);
      const h5 = student.page;
      await tap(h5, "匿名在线咨询");
      await h5.getByText("和老师文字聊聊", { exact: true }).waitFor();
      await h5.locator('textarea[placeholder="可以先写下想聊的事（也可以不写）"]').fill(first);
      await screenshot(h5, "chat-h5-1-start");
      await tap(h5, "开始聊天");
      await h5.getByText("老师在这里陪着你", { exact: true }).waitFor();
      const [conversation] = await api<UserConversationView[]>(server, "GET", "/me/chats", student.token);
      expect(conversation).toMatchObject({ status: "active" });
      const conversationId = conversation!.id;

      // The admin has the conversation open: the student's first message comes back read in the H5 page.
      await page.getByText(first).waitFor();
      await h5.getByText("老师已读", { exact: true }).waitFor();

      // The counsellor replies; the H5 page shows it and reads it: the admin shows 已读.
      const reply = page.getByRole("textbox", { name: "回复内容" });
      await reply.fill(reply1);
      await reply.press("Enter");
      await h5.getByText(reply1, { exact: true }).waitFor();
      await page.locator('[data-testid="receipt"][data-receipt="read"]').waitFor();
      // The student starts typing: the admin shows it.
      await studentTypes(h5, student2);
      await page.getByTestId("typing").waitFor();
      await screenshot(page, "chat-1-receipts");
      await screenshot(h5, "chat-h5-2-receipts");

      // The counsellor's connection drops: offline, and the server closes the socket.
      await context.setOffline(true);
      server.server.io.in(`staff-${await staffId(page)}`).disconnectSockets(true);
      await page.locator('[data-testid="realtime-status"][data-status="reconnecting"]').waitFor();
      await reply.fill(reply2);
      await reply.press("Enter");
      await page.getByTestId("pending-message").waitFor();
      // Meanwhile the student goes on writing in the H5 page; the server has them.
      await tap(h5, "发送");
      await studentSends(h5, student3);
      await eventually(() => studentSees(h5), [first, reply1, student2, student3]);
      await screenshot(page, "chat-2-offline");

      // Back online: the admin resumes from its last seq and resends the outbox.
      await context.setOffline(false);
      await page.locator('[data-testid="realtime-status"][data-status="connected"]').waitFor({ timeout: 30_000 });
      await page.getByText(student3).waitFor();
      await page.getByTestId("pending-message").waitFor({ state: "detached" });
      await h5.getByText(reply2, { exact: true }).waitFor();
      expect(await shownMessages(page)).toEqual([first, reply1, student2, student3, reply2]);
      await screenshot(page, "chat-3-resumed");

      // Now the student's connection drops: offline, and the connection underneath their socket closes
      // (as a network loss does; socket.io then retries by itself).
      await studentContext.setOffline(true);
      await dropConnections(server, student.me.id);
      await studentSends(h5, student4);
      await h5.getByText("发送中…连上网络后会自动发出", { exact: true }).waitFor();
      // The counsellor writes meanwhile. (Whether it reaches the student before they are back depends on
      // how fast Chromium lets the socket reopen, so only the end state below is asserted.)
      await reply.fill(reply3);
      await reply.press("Enter");
      await page.getByText(reply3).waitFor();
      const lastStaffRow = page.locator('[data-from="staff"]').last();
      await screenshot(h5, "chat-h5-3-offline");

      // Back online: the H5 app resumes from its last seq and resends its outbox; once each, in order.
      await studentContext.setOffline(false);
      await h5.getByText(reply3, { exact: true }).waitFor({ timeout: 45_000 });
      await h5.getByText("发送中…连上网络后会自动发出", { exact: true }).waitFor({ state: "detached", timeout: 30_000 });
      await page.getByText(student4).waitFor();
      await lastStaffRow.locator('[data-receipt="read"]').waitFor();
      // The counsellor's reply reached the server first; the student's waited in their outbox.
      const everything = [first, reply1, student2, student3, reply2, reply3, student4];
      await eventually(() => studentSees(h5), everything);
      expect(await shownMessages(page)).toEqual(everything);
      await h5.getByText("老师已读", { exact: true }).waitFor();
      await screenshot(h5, "chat-h5-4-resumed");

      // The counsellor ends the chat with the outcome record.
      await page.getByRole("button", { name: "结束并记录" }).click();
      const dialog = page.getByRole("dialog");
      await pickTreeOption(page, dialog.getByRole("combobox", { name: "咨询原因分类" }), "学业与学校");
      await dialog.getByText("风险评估", { exact: true }).click();
      await dialog.getByText("低风险", { exact: true }).click();
      await dialog.getByLabel("记录摘要").fill("考试压力，已倾听和疏导");
      await dialog.getByRole("button", { name: "结束并保存记录" }).click();
      await page.getByText("分配给你的咨询会出现在这里", { exact: false }).or(page.getByText("暂时没有咨询", { exact: false })).first().waitFor();
      await screenshot(page, "chat-4-ended");

      // The student sees the end and rates it in the H5 page.
      await h5.getByText("这次聊天已经结束", { exact: true }).waitFor();
      await h5.getByText("这次聊天对你有帮助吗？", { exact: true }).waitFor();
      await expect(composer(h5).count()).resolves.toBe(0);
      await tap(h5, "4分");
      await h5.getByText("有帮助", { exact: true }).waitFor();
      await h5.locator('textarea[placeholder="想对我们说点什么吗？（可以不写）"]').fill("谢谢老师，好多了");
      await screenshot(h5, "chat-h5-5-rate");
      await tap(h5, "提交评价");
      await h5.getByText("谢谢你的评价！", { exact: true }).waitFor();
      const rated = await api<UserConversationView>(server, "GET", `/me/chats/${conversationId}`, student.token);
      expect(rated).toMatchObject({ status: "closed", rating: { score: 4, comment: "谢谢老师，好多了" } });
      await tap(h5, "好的");
      await h5.getByText("和老师文字聊聊", { exact: true }).waitFor();
      expect(pageErrors).toEqual([]);
      expect(student.pageErrors).toEqual([]);
    } catch (error) {
      await screenshot(page, "chat-failure").catch(() => undefined);
      if (student) await screenshot(student.page, "chat-h5-failure").catch(() => undefined);
      const errors = [...pageErrors, ...(student?.pageErrors ?? [])];
      if (errors.length > 0) throw new Error(`${String(error)}\npage errors: ${errors.join("\n")}`);
      throw error;
    }
  }, 170_000);
});

/**
 * Closes the transport under a user's sockets, as a lost network does (not a server-side disconnect).
 * Chromium's offline mode may already have closed them; either way, no socket of the user stays open.
 */
async function dropConnections(server: TestServer, userId: string): Promise<void> {
  const socketsOfUser = () =>
    [...server.server.io.of("/").sockets.values()].filter((socket) => {
      const actor = socket.data.actor as { type: string; id: string } | undefined;
      return actor?.type === "user" && actor.id === userId;
    });
  for (const socket of socketsOfUser()) socket.conn.close();
  await eventually(async () => socketsOfUser().length, 0);
}

/** The signed-in staff member's id, from the admin's session storage. */
async function staffId(page: Page): Promise<string> {
  return page.evaluate(() => (JSON.parse(sessionStorage.getItem("xinyuan.admin.session") ?? "null") as { staff: { id: string } } | null)?.staff.id ?? "");
}
