import { foundationRoutes } from "./routes";
import { dutyRoutes } from "./dutyRoutes";

export * from "./contract";
export { foundationRoutes };

/** Every route of the API. The server refuses to start if a registered route is missing here. */
export const apiRoutes = {
  ...foundationRoutes,
  ...dutyRoutes,
} as const;

export type ApiRouteName = keyof typeof apiRoutes;
