import { desc } from "drizzle-orm";
import { apiRoutes, type CampaignView } from "@xinyuan/shared";
import { mountRoute, type AppRouter } from "../../../http/mountRoute";
import { idOf } from "../../../http/routeParams";
import { originOf } from "../../../audit/recordAudit";
import { campaigns } from "../../../db/schema";
import { campaignSaver } from "../../../publishing/campaignSaver";
import { presentCampaign } from "../../../publishing/presentPublication";
import { staffOf } from "./staffOf";

/** Campaigns (May Mental Health Month, exam season …), county editors and reviewers. */
export function mountCampaignRoutes(router: AppRouter): void {
  mountRoute(router, apiRoutes.listCampaigns, async (ctx): Promise<CampaignView[]> => {
    const rows = await ctx.services.db.select().from(campaigns).orderBy(desc(campaigns.startsAt)).limit(100);
    return rows.map(presentCampaign);
  });
  mountRoute(router, apiRoutes.createCampaign, async (ctx, { body }): Promise<CampaignView> => {
    const row = await campaignSaver({ services: ctx.services, actor: staffOf(ctx), body, origin: originOf(ctx) });
    ctx.status = 201;
    return presentCampaign(row);
  });
  mountRoute(router, apiRoutes.updateCampaign, async (ctx, { params, body }): Promise<CampaignView> =>
    presentCampaign(await campaignSaver({ services: ctx.services, actor: staffOf(ctx), id: idOf(params), body, origin: originOf(ctx) })),
  );
}
