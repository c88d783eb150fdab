import { apiRoutes, currentConsentVersions, emergencyLines, fallbackHelplines, type PublicConfigView } from "@xinyuan/shared";
import { mountRoute, type AppRouter } from "../../../http/mountRoute";

/** What the mini-program shows before anyone signs in: hotline, helplines, consent versions. */
export function mountPublicRoutes(router: AppRouter): void {
  mountRoute(router, apiRoutes.publicConfig, async (ctx): Promise<PublicConfigView> => {
    const { county } = ctx.services.config;
    return {
      countyName: county.name,
      hotline: { number: county.hotlineNumber, hoursText: county.hotlineHours },
      fallbackHelplines,
      emergencyLines,
      consentVersions: currentConsentVersions,
      demo: ctx.services.config.demo,
    };
  });
}
