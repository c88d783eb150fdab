import { defineRoute } from "./contract";
import { statisticsQuery } from "../statistics";

const statisticsReaders = ["centre_admin", "supervisor"] as const;

/** 统计与督查: the dashboard and the term/year reports (county, area or school as the reader's scope). */
export const statisticsRoutes = {
  statisticsDashboard: defineRoute({ method: "get", path: "/statistics/dashboard", summary: "统计看板（按本人范围；小于 5 的数字不显示）", tag: "statistics", audience: "staff", roles: statisticsReaders, query: statisticsQuery }),
  statisticsReportXlsx: defineRoute({ method: "get", path: "/statistics/report.xlsx", summary: "导出统计报表（Excel，留痕）", tag: "statistics", audience: "staff", roles: statisticsReaders, query: statisticsQuery }),
  statisticsReportPdf: defineRoute({ method: "get", path: "/statistics/report.pdf", summary: "导出统计报表（PDF，留痕）", tag: "statistics", audience: "staff", roles: statisticsReaders, query: statisticsQuery }),
};
