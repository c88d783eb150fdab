/**
 * 统计与督查 in the real admin build: the county centre admin opens the dashboard from the menu, sees the
 * figures with small cells hidden, and downloads the Excel report, which opens with the county heading.
 * Needs the admin build: npm run build -w admin.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";
import ExcelJS from "exceljs";
import { contactRecords, schools, staff } from "../../server/src/db/schema";
import { screenshot } from "../support/browser";
import { adminViewport, browserSuite, signInAdmin } from "./support/browserSuite";

describe("statistics: the centre admin reads the dashboard and downloads the Excel report", () => {
  const suite = browserSuite({ admin: true });

  it("opens 统计与督查, shows this term's figures and downloads the report", async () => {
    const { db } = suite.server.server.services;
    const [school] = await db.select().from(schools).limit(1);
    const [member] = await db.select().from(staff).limit(1);
    const now = suite.server.clock.now();
    // seven contacts at one school this term (shown), two at no school (hidden as <5)
    await db.insert(contactRecords).values([
      ...Array.from({ length: 7 }, () => ({ channel: "hotline", staffId: member!.id, schoolId: school!.id, areaId: school!.areaId, riskLevel: "none", recordedAt: now })),
      ...Array.from({ length: 2 }, () => ({ channel: "online", staffId: member!.id, schoolId: null, areaId: null, riskLevel: "low", recordedAt: now })),
    ]);

    // county staff work on county time, as the periods (本学期, 本月) are counted
    const context = await suite.newContext({ ...adminViewport(), acceptDownloads: true, timezoneId: "Asia/Shanghai" });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    try {
      await signInAdmin(page, suite.server, "admin");
      await page.getByRole("menuitem", { name: /统计与督查/ }).click();
      const dashboard = page.getByTestId("statistics");
      await dashboard.waitFor();
      await page.getByTestId("by-school").getByText(school!.name).first().waitFor();
      await page.getByTestId("by-channel").getByRole("cell", { name: "<5" }).first().waitFor();
      // letters by box, crisis cases with the ownership share, the plan's indicators school by school
      // no letter was written this term or the last: the card says so rather than drawing empty bars
      await page.getByTestId("letters").getByText("这段时间没有收到来信").waitFor();
      await page.getByTestId("cases").getByText(/5 分钟内有人负责/).first().waitFor();
      await page.getByTestId("school-indicators").getByRole("cell", { name: school!.name }).waitFor();
      await screenshot(page, "statistics-dashboard");

      const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: /导出 Excel/ }).click()]);
      expect(download.suggestedFilename()).toMatch(/^心援统计报表_\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.xlsx$/);
      const path = join(tmpdir(), `xinyuan-report-${process.pid}.xlsx`);
      await download.saveAs(path);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(readFileSync(path) as unknown as ArrayBuffer);
      const sheet = workbook.getWorksheet("统计报表")!;
      expect(String(sheet.getCell("A1").value)).toContain("中小学心理援助服务统计报表");
      const rows: string[][] = [];
      sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((value) => String(value ?? ""))));
      expect(rows.find((row) => row[0] === school!.name)?.[1]).toBe("7");
      expect(rows.find((row) => row[0] === "在线")?.[1]).toBe("<5");
      expect(rows.some((row) => row[0] === "危机个案")).toBe(true);
      const schoolRows = rows.slice(rows.findIndex((row) => row[0] === "各校工作指标"));
      expect(schoolRows.find((row) => row[0] === school!.name)).toHaveLength(5);
      expect(errors).toEqual([]);
    } catch (error) {
      await screenshot(page, "statistics-failure").catch(() => undefined);
      throw error;
    }
  });
});
