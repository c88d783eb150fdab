import { foundationRoutes } from "./routes";
import { dutyRoutes } from "./dutyRoutes";
import { chatRoutes } from "./chatRoutes";
import { contactRoutes } from "./contactRoutes";
import { hotlineRoutes } from "./hotlineRoutes";
import { statisticsRoutes } from "./statisticsRoutes";
import { caseRoutes } from "./caseRoutes";
import { alertRoutes } from "./alertRoutes";
import { letterRoutes } from "./letterRoutes";
import { riskRoutes } from "./riskRoutes";
import { publishingRoutes } from "./publishingRoutes";
import { paymentRoutes } from "./paymentRoutes";
import { appointmentRoutes } from "./appointmentRoutes";
import { retentionRoutes } from "./retentionRoutes";
import { guardianInvitationRoutes } from "./guardianInvitationRoutes";

export * from "./contract";
export * from "./routeUrl";
export { foundationRoutes };

/** Every route of the API. The server refuses to start if a registered route is missing here. */
export const apiRoutes = {
  ...foundationRoutes,
  ...dutyRoutes,
  ...chatRoutes,
  ...contactRoutes,
  ...hotlineRoutes,
  ...statisticsRoutes,
  ...caseRoutes,
  ...alertRoutes,
  ...letterRoutes,
  ...riskRoutes,
  ...retentionRoutes,
  ...guardianInvitationRoutes,
  ...publishingRoutes,
  ...paymentRoutes,
  ...appointmentRoutes,
} as const;

export type ApiRouteName = keyof typeof apiRoutes;
