import { apiRoutes, type StatisticsQuery, type StatisticsView } from "@xinyuan/shared";
import { mountRoute, type AppRouter } from "../../../http/mountRoute";
import type { AppContext } from "../../../http/context";
import { staffActorOf } from "../../../auth/staffActorOf";
import { originOf, recordAudit } from "../../../audit/recordAudit";
import { authorize } from "../../../access/authorize";
import { canReadStatistics } from "../../../statistics/statisticsPolicy";
import { statisticsDashboard } from "../../../statistics/statisticsDashboard";
import { reportHeading, reportSections } from "../../../statistics/statisticsReportSections";
import { statisticsReportXlsx } from "../../../statistics/statisticsReportXlsx";
import { statisticsReportPdf } from "../../../statistics/statisticsReportPdf";
import { countyDateTimeOf } from "../../../hotline/countyTime";

/** 统计与督查: the dashboard (aggregates only, in the reader's scope) and the audited report exports. */
export function mountStatisticsRoutes(router: AppRouter): void {
  mountRoute(router, apiRoutes.statisticsDashboard, async (ctx, { query }): Promise<StatisticsView> => {
    const actor = staffActorOf(ctx);
    authorize(canReadStatistics(actor));
    return statisticsDashboard({ db: ctx.services.db, services: ctx.services, scope: actor.scope, query });
  });

  mountRoute(router, apiRoutes.statisticsReportXlsx, async (ctx, { query }) => {
    const { view, heading } = await auditedReport(ctx, query, "xlsx");
    sendFile(ctx, await statisticsReportXlsx(heading, reportSections(view)), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", `${fileStem(view)}.xlsx`);
  });

  mountRoute(router, apiRoutes.statisticsReportPdf, async (ctx, { query }) => {
    const { view, heading } = await auditedReport(ctx, query, "pdf");
    sendFile(ctx, await statisticsReportPdf(heading, reportSections(view)), "application/pdf", `${fileStem(view)}.pdf`);
  });
}

/** Builds the report's figures and records the export (who, which scope, which period, which format). */
async function auditedReport(ctx: AppContext, query: StatisticsQuery, format: "xlsx" | "pdf") {
  const actor = staffActorOf(ctx);
  authorize(canReadStatistics(actor));
  const { services } = ctx;
  return services.db.transaction(async (tx) => {
    const view = await statisticsDashboard({ db: tx, services, scope: actor.scope, query });
    await recordAudit(tx, originOf(ctx), { action: "statistics.export", detail: { format, from: query.from, to: query.to, scope: actor.scope.level } });
    return { view, heading: reportHeading(view, services.config.county.name, countyDateTimeOf(services.clock.now())) };
  });
}

const fileStem = (view: StatisticsView) => `心援统计报表_${view.period.from}_${view.period.to}`;

function sendFile(ctx: AppContext, body: Buffer, type: string, filename: string): void {
  ctx.set("Content-Disposition", `attachment; filename="report"; filename*=UTF-8''${encodeURIComponent(filename)}`);
  ctx.set("Cache-Control", "no-store");
  ctx.type = type;
  ctx.body = body;
}
