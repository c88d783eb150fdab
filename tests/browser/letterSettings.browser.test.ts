/**
 * 信箱 settings in the web admin (/admin, the real build): the county centre's admin adds a 寒暑假 on
 * 信箱设置 (empty state first, then the row, checked through the API and the audit log); the school's
 * counsellor opens a letter, creates a reply template in 管理模板 (empty state first), edits it, uses it
 * in a reply and sends it, and the writer reads the template's words in their letter.
 * Needs the admin build: npm run build -w admin.
 */
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { currentConsentVersions, type LetterTermView, type MyLetterView, type WriteLetterResult } from "@xinyuan/shared";
import { appUsers, auditEvents, consents, schools } from "../../server/src/db/schema";
import { screenshot } from "../support/browser";
import { sessionTokenFor } from "../support/sessions";
import { adminViewport, api, browserSuite, signInAdmin } from "./support/browserSuite";

const templateBody = "谢谢你愿意写信告诉我。你说的这些，老师都认真读了。";
const addition = "我们可以约个时间在心理室聊一聊。";

describe("letters settings: 寒暑假 by the county centre, reply templates by a counsellor", () => {
  const suite = browserSuite({ admin: true });

  it("adds a term, then creates, edits and uses a template in a reply the writer reads", async () => {
    const { server } = suite;
    const db = server.server.services.db;
    const context = await suite.newContext(adminViewport(1440, 1000));
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on("pageerror", (error) => pageErrors.push(error.stack ?? error.message));
    try {
      // The county centre adds the winter holiday.
      await signInAdmin(page, server, "admin");
      await page.getByRole("menuitem", { name: "信箱设置" }).click();
      const terms = page.getByTestId("letter-terms");
      await terms.getByText("还没有设置寒暑假。", { exact: false }).waitFor();
      await terms.getByRole("button", { name: "新增假期" }).click();
      const dialog = page.getByRole("dialog");
      await dialog.getByRole("textbox", { name: "名称" }).fill("2027 年寒假");
      await dialog.getByPlaceholder("开始日期").click();
      await dialog.getByPlaceholder("开始日期").fill("2027-01-20");
      await dialog.getByPlaceholder("开始日期").press("Enter");
      await dialog.getByPlaceholder("结束日期").fill("2027-02-20");
      await dialog.getByPlaceholder("结束日期").press("Enter");
      await dialog.getByRole("button", { name: "保存" }).click();
      await terms.getByText("2027年1月20日 至 2027年2月20日（32 天）").waitFor();
      await screenshot(page, "letter-settings-1-term");
      const adminToken = await page.evaluate(() => (JSON.parse(sessionStorage.getItem("xinyuan.admin.session") ?? "null") as { token: string } | null)?.token ?? "");
      const stored = await api<LetterTermView[]>(server, "GET", "/letter-terms", adminToken);
      expect(stored).toEqual([expect.objectContaining({ name: "2027 年寒假", startsOn: "2027-01-20", endsOn: "2027-02-20" })]);
      expect(await db.select().from(auditEvents).where(eq(auditEvents.action, "letter_term.create"))).toHaveLength(1);

      // A student of 渠县中学 has written to the school's mailbox.
      const [school] = await db.select({ id: schools.id }).from(schools).where(eq(schools.name, "渠县中学"));
      const [writer] = await db.insert(appUsers).values({ alias: `小溪-${randomBytes(3).toString("hex")}`, role: "student", ageBand: "14_17", schoolId: school!.id }).returning();
      await db.insert(consents).values([
        { userId: writer!.id, kind: "privacy", version: currentConsentVersions.privacy },
        { userId: writer!.id, kind: "sensitive", version: currentConsentVersions.sensitive },
      ]);
      const writerToken = await sessionTokenFor(db, { type: "user", id: writer!.id });
      const subject = "和同桌闹别扭了";
      const { letter } = await api<WriteLetterResult>(server, "POST", "/me/letters", writerToken, { subject, body: "同桌好几天不理我，我不知道哪里做错了。", clientSubmitId: `s-${randomBytes(6).toString("hex")}` });

      // The school's counsellor creates a template, edits it and uses it in the reply.
      const counsellorContext = await suite.newContext(adminViewport(1440, 1000));
      const counsellor = await counsellorContext.newPage();
      counsellor.on("pageerror", (error) => pageErrors.push(error.stack ?? error.message));
      await signInAdmin(counsellor, server, "counsellor");
      await counsellor.getByRole("menuitem", { name: "信箱" }).click();
      await counsellor.getByText(subject).first().click();
      await counsellor.getByRole("button", { name: "管理模板" }).click();
      const manage = counsellor.getByRole("dialog", { name: "管理回信模板" });
      await manage.getByText("还没有回信模板，可以在下面新建一个。").waitFor();
      await manage.getByRole("textbox", { name: "模板标题" }).fill("开头");
      await manage.getByRole("textbox", { name: "模板内容" }).fill(templateBody);
      await manage.getByRole("button", { name: "保存模板" }).click();
      await manage.getByTestId("letter-template").filter({ hasText: "开头" }).waitFor();
      await manage.getByRole("button", { name: "编辑" }).click();
      await manage.getByRole("textbox", { name: "模板标题" }).fill("开头问候");
      await manage.getByRole("button", { name: "保存模板" }).click();
      await manage.getByTestId("letter-template").filter({ hasText: "开头问候" }).waitFor();
      await screenshot(counsellor, "letter-settings-2-templates");
      await manage.getByRole("button", { name: "Close" }).or(manage.getByLabel("Close")).first().click();
      await manage.waitFor({ state: "hidden" });

      await counsellor.getByRole("combobox", { name: "使用回信模板" }).click();
      await counsellor.locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option").filter({ hasText: "开头问候" }).click();
      const reply = counsellor.locator("textarea#letter-reply");
      await expect(reply.inputValue()).resolves.toBe(templateBody);
      await reply.press("End");
      await reply.pressSequentially(addition);
      await counsellor.getByRole("button", { name: "寄出回信" }).click();
      await counsellor.locator(".letter-line--staff").filter({ hasText: templateBody }).waitFor();
      await screenshot(counsellor, "letter-settings-3-replied");

      const mine = await api<MyLetterView>(server, "GET", `/me/letters/${letter.id}`, writerToken);
      expect((mine.messages ?? []).filter((line) => line.from === "teacher").map((line) => line.body)).toEqual([`${templateBody}${addition}`]);
      const templateAudits = await db.select().from(auditEvents).where(eq(auditEvents.targetType, "letter_reply_template"));
      expect(templateAudits.map((row) => row.action).sort()).toEqual(["letter_template.create", "letter_template.update"]);
      expect(pageErrors).toEqual([]);
    } catch (error) {
      for (const open of suite.contexts.flatMap((item) => item.pages())) await screenshot(open, "letter-settings-failure").catch(() => undefined);
      if (pageErrors.length > 0) throw new Error(`${String(error)}\npage errors: ${pageErrors.join("\n")}`);
      throw error;
    }
  }, 150_000);
});
