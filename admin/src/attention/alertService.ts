import { apiRoutes, type AlertView, type HandleAlertBody } from "@xinyuan/shared";
import { call } from "../request";

/** The alert inbox's API calls (shared/src/alerts.ts). */
export const fetchOpenAlerts = () => call<typeof apiRoutes.listAlerts, AlertView[]>(apiRoutes.listAlerts, { query: { state: "open" }, policy: "silent" });
export const fetchAllAlerts = () => call<typeof apiRoutes.listAlerts, AlertView[]>(apiRoutes.listAlerts, { query: { state: "all" }, policy: "silent" });
export const acknowledgeAlert = (id: string) => call<typeof apiRoutes.acknowledgeAlert, AlertView>(apiRoutes.acknowledgeAlert, { params: { id }, policy: "notification" });
export const handleAlert = (id: string, body: HandleAlertBody) => call<typeof apiRoutes.handleAlert, AlertView>(apiRoutes.handleAlert, { params: { id }, body, policy: "notification" });
