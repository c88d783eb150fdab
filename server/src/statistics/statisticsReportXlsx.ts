import ExcelJS from "exceljs";
import type { ReportSection } from "./statisticsReportSections";

/** The report as an Excel workbook: the heading on top, one block per section, one sheet. */
export async function statisticsReportXlsx(heading: string[], sections: ReportSection[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "心援";
  const sheet = workbook.addWorksheet("统计报表");
  sheet.columns = [{ width: 32 }, { width: 30 }, { width: 30 }, { width: 14 }, { width: 14 }];
  heading.forEach((line, index) => {
    const row = sheet.addRow([line]);
    row.font = index === 0 ? { bold: true, size: 16 } : { size: 10, color: { argb: "FF666666" } };
    sheet.mergeCells(row.number, 1, row.number, 3);
  });
  for (const section of sections) {
    sheet.addRow([]);
    sheet.addRow([section.title]).font = { bold: true, size: 12 };
    const head = sheet.addRow(section.columns);
    head.font = { bold: true };
    head.eachCell((cell) => {
      cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE8F3EF" } };
    });
    for (const row of section.rows) sheet.addRow(row);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
