import type { AppRouter } from "../../http/mountRoute";
import { mountPublicRoutes } from "./public/public";
import { mountDutyRoutes } from "./duty/duty";

/**
 * Every API resource mounts its routes here. Each folder under routes/api/ is one resource with its
 * handlers, and its tests beside them.
 */
export const routeModules: Array<(router: AppRouter) => void> = [mountPublicRoutes, mountDutyRoutes];
