/**
 * Uploads in the web admin, end to end through the real builds:
 * - the county editor (刘编辑) gives a May article a cover picture with the admin's upload control (a
 *   wrong file is refused in Chinese first); once published, a student sees the cover on the article in H5;
 * - a school counsellor (张老师, 渠县中学) reports a May activity with a photo from the menu entry
 *   宣传月活动上报; the county editor sees the school in 各校宣传月概览 and opens the photo, which only
 *   staff can fetch (no token: 401). Needs both builds (admin, H5).
 */
import { eq } from "drizzle-orm";
import sharp from "sharp";
import type { Page } from "playwright-core";
import type { ActivityReportView, PublicationStaffView } from "@xinyuan/shared";
import { auditEvents, staff } from "../../server/src/db/schema";
import { detectRisk } from "../../server/src/risk/riskDetector";
import { sessionTokenFor } from "../support/sessions";
import { screenshot } from "../support/browser";
import type { TestServer } from "../support/testServer";
import { adminViewport, api, browserSuite, signInAdmin } from "./support/browserSuite";
import { newPhoneContext, openH5Student } from "./support/h5Student";

async function staffToken(server: TestServer, username: string): Promise<string> {
  const { db } = server.server.services;
  const [member] = await db.select().from(staff).where(eq(staff.username, username));
  return sessionTokenFor(db, { type: "staff", id: member!.id });
}

/** Chooses a file for the upload button with this name, as a person would through the file dialog. */
async function chooseFile(page: Page, button: string, file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
  const chooser = page.waitForEvent("filechooser");
  await page.getByRole("button", { name: button }).click();
  await (await chooser).setFiles(file);
}

describe("publishing uploads: covers reach the H5 article, report photos stay with staff", () => {
  const suite = browserSuite({ admin: true, h5: true });

  it("an editor uploads a cover in the admin and a student sees it on the article in H5", async () => {
    const { server } = suite;
    const reviewerToken = await staffToken(server, "reviewer");
    const cover = await sharp({ create: { width: 2400, height: 1200, channels: 3, background: "#9cc3b0" } })
      .png()
      .withExif({ IFD0: { Artist: "cover-owner-name" } })
      .toBuffer();

    const editor = await (await suite.newContext(adminViewport())).newPage();
    await signInAdmin(editor, server, "editor");
    await editor.getByRole("menuitem", { name: /宣传月$/ }).click();
    await editor.getByRole("button", { name: "写新内容" }).click();
    const title = "五月，给自己一点阳光";
    const body = "五月是心理健康月，记得每天给自己留一点休息的时间。";
    // an ordinary article: the risk detector reads title, summary and text on submit, and a sensitive one would
    // need the safe-reporting checklist (session 10's model read "每天出门走一走，晒晒太阳" as running away)
    expect(detectRisk(`${title}\n\n${body}`).level).toBe("none");
    await editor.getByLabel("标题").fill(title);
    await editor.getByRole("textbox", { name: "正文" }).click();
    await editor.keyboard.type(body);

    // A wrong file is refused before it is sent, in plain Chinese.
    await chooseFile(editor, "上传封面图", { name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("not a picture") });
    await editor.getByText("只能上传 JPG、PNG 或 WebP 格式的图片。").waitFor();
    // The real picture goes up, and the form shows it.
    await chooseFile(editor, "上传封面图", { name: "sunshine.png", mimeType: "image/png", buffer: cover });
    const preview = editor.locator(".ant-drawer img[alt='封面图']");
    await preview.waitFor();
    await editor.getByRole("button", { name: "更换封面图" }).waitFor();
    await expect(editor.getByText("只能上传 JPG、PNG 或 WebP 格式的图片。").count()).resolves.toBe(0);
    await editor.getByRole("button", { name: "保存" }).click();
    await editor.getByRole("button", { name: "提交审核" }).click();
    await editor.locator(".ant-drawer").getByText("待审核", { exact: true }).waitFor();
    await screenshot(editor, "publishing-cover-uploaded");

    const list = await api<PublicationStaffView[]>(server, "GET", "/publishing/publications", reviewerToken);
    const item = list.find((candidate) => candidate.title === title)!;
    expect(item.coverUrl).toMatch(/^\/api\/v1\/publishing\/uploads\/[0-9a-f-]{36}$/);
    // The stored cover was shrunk and lost its metadata.
    const stored = Buffer.from(await (await fetch(`${server.baseUrl}${item.coverUrl}`)).arrayBuffer());
    expect((await sharp(stored).metadata()).width).toBe(1600);
    expect(stored.includes(Buffer.from("cover-owner-name"))).toBe(false);
    await api(server, "POST", `/publishing/publications/${item.id}/review`, reviewerToken, { decision: "approve" });
    await api(server, "POST", `/publishing/publications/${item.id}/publish`, reviewerToken, {});

    const student = await openH5Student(suite.track(await newPhoneContext(suite.browser)), server);
    const phone = student.page;
    await phone.goto(`${server.baseUrl}/h5/#/packages/articles/index?id=${item.id}`);
    await phone.getByText(body).waitFor();
    const shown = phone.locator("#article-cover img");
    await shown.waitFor();
    expect(await shown.getAttribute("src")).toBe(item.coverUrl); // H5 is served by the API host: same origin
    await phone.waitForFunction(() => {
      const image = document.querySelector<HTMLImageElement>("#article-cover img");
      return Boolean(image?.complete && image.naturalWidth > 0);
    });
    expect(await shown.evaluate((image: HTMLImageElement) => image.naturalWidth)).toBe(1600);
    await phone.getByText("如果你或身边的人需要帮助").waitFor();
    await screenshot(phone, "publishing-h5-article-cover");
    expect(student.pageErrors).toEqual([]);
  });

  it("a school counsellor reports an activity with a photo from the menu; county staff open it, nobody else can", async () => {
    const { server } = suite;
    const photo = await sharp({ create: { width: 1200, height: 900, channels: 3, background: "#e0b890" } }).jpeg().toBuffer();

    const counsellor = await (await suite.newContext(adminViewport())).newPage();
    await signInAdmin(counsellor, server, "counsellor");
    await counsellor.getByRole("menuitem", { name: "宣传月活动上报" }).click();
    await counsellor.getByText("本校还没有上报活动").waitFor();
    await counsellor.getByLabel("活动名称").fill("心理委员培训");
    await counsellor.getByLabel("活动日期").click();
    await counsellor.locator(".ant-picker-dropdown:not(.ant-picker-dropdown-hidden) .ant-picker-cell-today").click();
    await counsellor.getByLabel("参与人数").fill("46");
    await counsellor.getByLabel("简要说明（选填）").fill("各班心理委员参加，学习如何倾听同学");
    await chooseFile(counsellor, "添加照片", { name: "training.jpg", mimeType: "image/jpeg", buffer: photo });
    await counsellor.locator("img[alt='活动照片 1']").waitFor();
    await counsellor.getByRole("button", { name: "上报", exact: true }).click();
    await counsellor.getByRole("cell", { name: "心理委员培训" }).waitFor();
    await screenshot(counsellor, "activity-report-school");

    const counsellorToken = await staffToken(server, "counsellor");
    const [report] = await api<ActivityReportView[]>(server, "GET", "/publishing/activity-reports", counsellorToken);
    expect(report).toMatchObject({ title: "心理委员培训", participants: 46, schoolName: "渠县中学" });
    expect(report!.photoUrls).toHaveLength(1);
    // Not a public file: without a staff token the photo is refused.
    expect((await fetch(`${server.baseUrl}${report!.photoUrls[0]}`)).status).toBe(401);
    const uploadId = report!.photoUrls[0]!.split("/").pop()!;
    expect((await fetch(`${server.baseUrl}/api/v1/publishing/uploads/${uploadId}`)).status).toBe(404);

    const editor = await (await suite.newContext(adminViewport())).newPage();
    await signInAdmin(editor, server, "editor");
    await editor.getByRole("menuitem", { name: "各校宣传月概览" }).click();
    const schoolRow = editor.getByRole("row").filter({ hasText: "渠县中学" }).first();
    await schoolRow.waitFor();
    await expect(schoolRow.getByRole("cell", { name: "46", exact: true }).count()).resolves.toBeGreaterThan(0);
    await editor.getByRole("button", { name: "查看照片（1）" }).click();
    const opened = editor.locator(".ant-modal img[alt='活动照片 1']");
    await opened.waitFor();
    await editor.waitForFunction(() => {
      const image = document.querySelector<HTMLImageElement>(".ant-modal img[alt='活动照片 1']");
      return Boolean(image?.complete && image.naturalWidth > 0 && image.src.startsWith("blob:"));
    });
    await screenshot(editor, "activity-overview-photo");
    const reads = await server.server.services.db.select().from(auditEvents).where(eq(auditEvents.action, "activity_report.photo.read"));
    expect(reads.filter((row) => row.targetId === report!.id).length).toBeGreaterThanOrEqual(1); // the editor's view of the attached photo
  });
});
