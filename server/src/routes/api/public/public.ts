import { apiRoutes, currentConsentVersions, emergencyLines, fallbackHelplines, type PublicConfigView } from "@xinyuan/shared";
import { mountRoute, type AppRouter } from "../../../http/mountRoute";
import { hotlineOpenState } from "../../../hotline/hotlineSchedule";
import { availableStaffIds } from "../../../presence/dutyState";

/** What the mini-program shows before anyone signs in: hotline, helplines, consent versions. */
export function mountPublicRoutes(router: AppRouter): void {
  mountRoute(router, apiRoutes.publicConfig, async (ctx): Promise<PublicConfigView> => {
    const { county } = ctx.services.config;
    const { db, clock, config } = ctx.services;
    const now = clock.now();
    const openNow = (await hotlineOpenState(db, config.hotline, now)).open && (await availableStaffIds(db, "hotline", now)).length > 0;
    return {
      countyName: county.name,
      hotline: { number: county.hotlineNumber, hoursText: county.hotlineHours, openNow },
      fallbackHelplines,
      emergencyLines,
      consentVersions: currentConsentVersions,
      demo: ctx.services.config.demo,
    };
  });
}
