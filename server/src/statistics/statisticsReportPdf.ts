import { existsSync } from "node:fs";
import PDFDocument from "pdfkit";
import { AppError } from "../http/errors";
import type { ReportSection } from "./statisticsReportSections";

/** Debian's CJK fonts (fonts-wqy-microhei, fonts-noto-cjk), or STATISTICS_PDF_FONT=path[#postscript name]. */
const knownFonts: Array<{ path: string; name: string }> = [
  { path: "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", name: "WenQuanYiMicroHei" },
  { path: "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", name: "NotoSansCJKsc-Regular" },
];

function chineseFont(): { path: string; name?: string } {
  const configured = process.env.STATISTICS_PDF_FONT;
  if (configured) {
    const [path, name] = configured.split("#");
    if (path && existsSync(path)) return { path, name };
  }
  const found = knownFonts.find((font) => existsSync(font.path));
  if (!found) throw new AppError(503, "REPORT_FONT_MISSING");
  return found;
}

/** The report as an A4 PDF with the county heading and the same tables as the Excel file. */
export async function statisticsReportPdf(heading: string[], sections: ReportSection[]): Promise<Buffer> {
  const font = chineseFont();
  const doc = new PDFDocument({ size: "A4", margin: 48, info: { Title: heading[0] ?? "统计报表", Author: "心援" } });
  doc.registerFont("cjk", font.path, font.name);
  doc.font("cjk");
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  heading.forEach((line, index) => {
    doc.fontSize(index === 0 ? 18 : 9).fillColor(index === 0 ? "#1f1f1f" : "#666666").text(line, { align: index === 0 ? "center" : "left" });
    doc.moveDown(index === 0 ? 0.6 : 0.2);
  });
  const width = doc.page.width - 96;
  for (const section of sections) {
    if (doc.y > doc.page.height - 160) doc.addPage();
    doc.moveDown(0.8).fontSize(12).fillColor("#2f5d50").text(section.title, 48);
    const columnWidth = width / section.columns.length;
    const line = (cells: string[], bold: boolean) => {
      if (doc.y > doc.page.height - 70) doc.addPage();
      const top = doc.y + 3;
      doc.fontSize(9).fillColor(bold ? "#2f5d50" : "#1f1f1f");
      cells.forEach((text, index) => doc.text(text, 48 + index * columnWidth, top, { width: columnWidth - 6, lineBreak: false, ellipsis: true }));
      doc.y = top + 14;
      doc.moveTo(48, doc.y).lineTo(48 + width, doc.y).strokeColor("#e5e5e5").lineWidth(0.5).stroke();
    };
    line(section.columns, true);
    for (const row of section.rows) line(row, false);
  }
  doc.end();
  return done;
}
