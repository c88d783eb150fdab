import type { AppRouter } from "../../../http/mountRoute";
import { mountPublicationRoutes } from "./publications";
import { mountCampaignRoutes } from "./campaigns";
import { mountReadingRoutes } from "./reading";
import { mountUploadRoutes } from "./uploads";
import { mountActivityReportRoutes } from "./activityReports";

/** Content publishing and campaigns (宣传月): one mount for the whole feature. */
export function mountPublishingRoutes(router: AppRouter): void {
  mountPublicationRoutes(router);
  mountCampaignRoutes(router);
  mountReadingRoutes(router);
  mountUploadRoutes(router);
  mountActivityReportRoutes(router);
}
