import { defineRoute } from "./contract";
import { handleAlertBody, listAlertsQuery } from "../alerts";

/**
 * The alert inbox (预警). County supervisors see and act on every alert; on-duty county counsellors see
 * and may acknowledge the alerts that escalated to them. See ../alerts.ts.
 */
export const alertRoutes = {
  listAlerts: defineRoute({ method: "get", path: "/alerts", summary: "风险预警（未处理的在前）", tag: "alerts", audience: "staff", roles: ["supervisor", "counsellor"], query: listAlertsQuery }),
  getAlert: defineRoute({ method: "get", path: "/alerts/:id", summary: "一条风险预警及其处理经过", tag: "alerts", audience: "staff", roles: ["supervisor", "counsellor"] }),
  /** AlertView. Errors: ALERT_ALREADY_ACKNOWLEDGED (someone else was first; the body names them), ALERT_NOT_FOUND. */
  acknowledgeAlert: defineRoute({ method: "post", path: "/alerts/:id/acknowledge", summary: "确认预警（我来处理）", tag: "alerts", audience: "staff", roles: ["supervisor", "counsellor"] }),
  /** AlertView. Errors: ALERT_NOT_ACKNOWLEDGED, ALERT_ALREADY_HANDLED, ALERT_NOT_FOUND. */
  handleAlert: defineRoute({ method: "post", path: "/alerts/:id/handle", summary: "标记预警已处理（附处理说明）", tag: "alerts", audience: "staff", roles: ["supervisor", "counsellor"], body: handleAlertBody }),
} as const;
