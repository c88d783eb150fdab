import { apiRoutes, type StatisticsQuery, type StatisticsView } from "@xinyuan/shared";
import { call } from "../../request";

/** 统计与督查: the dashboard and the report files (their downloads are audited by the server). */
export const fetchStatistics = (query: StatisticsQuery) => call<typeof apiRoutes.statisticsDashboard, StatisticsView>(apiRoutes.statisticsDashboard, { query, policy: "silent" });

export async function downloadReport(format: "xlsx" | "pdf", query: StatisticsQuery): Promise<void> {
  const contract = format === "xlsx" ? apiRoutes.statisticsReportXlsx : apiRoutes.statisticsReportPdf;
  const file = await call<typeof contract, Blob>(contract, { query, responseType: "blob" });
  const url = URL.createObjectURL(file);
  const link = document.createElement("a");
  link.href = url;
  link.download = `心援统计报表_${query.from}_${query.to}.${format}`;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
