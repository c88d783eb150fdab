import { apiRoutes, type ActivityOverviewRow, type ActivityReportView, type BodyOf, type CampaignView } from "@xinyuan/shared";
import { call } from "../../request";

export const listActivityReports = (campaignId?: string): Promise<ActivityReportView[]> => call(apiRoutes.listActivityReports, { query: campaignId ? { campaignId } : {}, policy: "silent" });
export const createActivityReport = (body: BodyOf<typeof apiRoutes.createActivityReport>): Promise<ActivityReportView> => call(apiRoutes.createActivityReport, { body, policy: "notification" });
export const activityOverview = (campaignId?: string): Promise<ActivityOverviewRow[]> => call(apiRoutes.activityOverview, { query: campaignId ? { campaignId } : {}, policy: "silent" });
export const listCampaigns = (): Promise<CampaignView[]> => call(apiRoutes.listCampaigns, { policy: "silent" });
