/**
 * 心理信箱 end to end in the browser: a student in the H5 app (/h5, the real build) writes to their school's
 * mailbox (渠县中学), seeing first who reads it and how many working days a reply takes; the school's
 * counsellor (demo account "counsellor", a member of that box) opens it in the web admin (/admin) and
 * replies; the student sees the reply in the H5 page and answers in the thread; the counsellor sees the
 * answer. A counsellor of another school in the same area signs in and finds nothing: not in the inbox,
 * and the letter's address answers 404. Needs both builds: npm run build -w admin and npm run build:h5 -w miniapp.
 */
import { eq } from "drizzle-orm";
import type { Page } from "playwright-core";
import type { MyLetterView } from "@xinyuan/shared";
import { schools } from "../../server/src/db/schema";
import { screenshot } from "../support/browser";
import { buildStaff } from "../support/factories";
import type { TestServer } from "../support/testServer";
import { adminViewport, api, browserSuite, signInAdmin } from "./support/browserSuite";
import { newPhoneContext, openH5Student, tap, type H5Student } from "./support/h5Student";

const subject = "考试前总是睡不着";
const body = "每次考试前一晚都睡不着，第二天脑子一片空白。我不敢跟爸妈说。";
const teacherReply = "谢谢你愿意写信告诉我。考前睡不着很常见，我们可以一起试试放松的办法。";
const studentAnswer = "谢谢老师，我想试试，什么时候可以去心理室找您？";

async function schoolId(server: TestServer, name: string): Promise<string> {
  const [row] = await server.server.services.db.select({ id: schools.id }).from(schools).where(eq(schools.name, name));
  return row!.id;
}

async function signInWithPassword(page: Page, server: TestServer, member: { username: string; password: string }, displayName: string): Promise<void> {
  await page.goto(`${server.baseUrl}/admin/`);
  await page.getByRole("textbox", { name: "用户名" }).fill(member.username);
  await page.getByLabel("密码", { exact: true }).fill(member.password);
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await page.getByText(`你好，${displayName}`).waitFor();
}

describe("letters: a student writes to their school's mailbox in the H5 app, the school's counsellor answers in the admin", () => {
  const suite = browserSuite({ admin: true, h5: true });

  it("delivers the letter and the replies both ways, and keeps it from another school's counsellor", async () => {
    const { server } = suite;
    const adminContext = await suite.newContext(adminViewport(1440, 1000));
    const admin = await adminContext.newPage();
    const adminErrors: string[] = [];
    admin.on("pageerror", (error) => adminErrors.push(error.stack ?? error.message));
    let student: H5Student | undefined;
    try {
      student = await openH5Student(suite.track(await newPhoneContext(suite.browser)), server);
      const h5 = student.page;
      await api(server, "PATCH", "/me/profile", student.token, { schoolId: await schoolId(server, "渠县中学") });

      // The student opens the mailbox, sees the expectations, writes and sends.
      await tap(h5, "给学校信箱写信");
      await tap(h5, "写一封信");
      await h5.getByText("寄出之前，想让你知道").waitFor();
      await h5.getByText("读信的是：你们学校的专职心理老师。").waitFor();
      await h5.getByText("通常 3 个工作日内回复。").waitFor();
      await h5.getByText("晚上、周末和节假日没有人值守", { exact: false }).first().waitFor();
      await h5.locator('input[placeholder="一句话说说是什么事"]').fill(subject);
      await h5.locator('textarea[placeholder="慢慢写，写多写少都可以"]').fill(body);
      await screenshot(h5, "letters-h5-1-write");
      await tap(h5, "寄出这封信");
      // the mailbox's acknowledgement, once, at the top of the letter
      await h5.locator(".letter-ack").getByText("信已经收到了", { exact: false }).waitFor();
      expect(await h5.getByText("信已经寄出", { exact: false }).count()).toBe(0);
      const [letter] = await api<MyLetterView[]>(server, "GET", "/me/letters", student.token);
      expect(letter).toMatchObject({ subject, status: "delivered", mailboxName: "渠县中学心理信箱" });

      // The school's counsellor opens it in the admin and replies.
      await signInAdmin(admin, server, "counsellor");
      await admin.getByRole("menuitem", { name: "信箱" }).click();
      await admin.getByText(subject).first().click();
      await admin.getByText(body).waitFor();
      await admin.locator("textarea#letter-reply").fill(teacherReply);
      await admin.getByRole("button", { name: "寄出回信" }).click();
      await admin.getByText(teacherReply).waitFor();
      await screenshot(admin, "letters-admin-1-replied");

      // The student sees the reply and answers in the thread.
      await tap(h5, "‹ 我的信");
      await h5.locator(".letter-item").filter({ hasText: subject }).getByText("已回复").waitFor();
      await h5.locator(".letter-item").filter({ hasText: subject }).click();
      await h5.locator(".letter-line--teacher").getByText(teacherReply).waitFor();
      await h5.locator('textarea[placeholder="在这封信里接着写"]').fill(studentAnswer);
      await tap(h5, "寄出回复");
      await h5.locator(".letter-line--me").getByText(studentAnswer).waitFor();
      await screenshot(h5, "letters-h5-2-thread");

      // The counsellor sees the answer.
      await admin.reload();
      await admin.getByText(subject).first().click();
      await admin.getByText(studentAnswer).waitFor();

      // A counsellor of another school in the same area sees nothing of it.
      const otherSchool = await schoolId(server, "渠县第二中学");
      const outsider = await buildStaff(server.server.services.db, { scope: "school", schoolId: otherSchool, displayName: "吴老师（渠县第二中学）" });
      const outsiderContext = await suite.newContext(adminViewport());
      const outsiderPage = await outsiderContext.newPage();
      await signInWithPassword(outsiderPage, server, outsider, "吴老师（渠县第二中学）");
      await outsiderPage.getByRole("menuitem", { name: "信箱" }).click();
      await outsiderPage.getByText("没有符合条件的来信").waitFor();
      expect(await outsiderPage.getByText(subject).count()).toBe(0);
      const login = await fetch(`${server.baseUrl}/api/v1/auth/staff/login`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ username: outsider.username, password: outsider.password }) });
      const session = (await login.json()) as { token: string };
      const refused = await fetch(`${server.baseUrl}/api/v1/letters/${letter!.id}`, { headers: { Authorization: `Bearer ${session.token}` } });
      expect(refused.status).toBe(404);
      expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("LETTER_NOT_FOUND");

      expect(student.pageErrors).toEqual([]);
      expect(adminErrors).toEqual([]);
    } catch (error) {
      await screenshot(admin, "letters-failure").catch(() => undefined);
      if (student) await screenshot(student.page, "letters-h5-failure").catch(() => undefined);
      throw error;
    }
  });
});
