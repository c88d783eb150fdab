import type { AlertNotice, AlertState, RiskLevel } from "@xinyuan/shared";
import type { Services } from "../services";
import { riskAlerts } from "../db/schema";
import { alertStaffRoom, alertSupervisorsRoom } from "./alertRooms";

type AlertRow = typeof riskAlerts.$inferSelect;

/** The socket notice: ids, level and state only (it crosses processes; clients load the rest through the API). */
export function alertNoticeOf(row: Pick<AlertRow, "id" | "level" | "state" | "escalatedAt">): AlertNotice {
  return { alertId: row.id, level: row.level as RiskLevel, state: row.state as AlertState, escalated: row.escalatedAt !== null };
}

/** Tells the supervisors (and the on-duty counsellors it escalated to) that an alert appeared or changed. */
export function emitAlert(services: Services, event: "alert:new" | "alert:changed", row: AlertRow, counsellorIds: string[] = []): void {
  const notice = alertNoticeOf(row);
  // one broadcast: a supervisor who is also a named counsellor gets the notice once
  services.realtime.emit([alertSupervisorsRoom, ...counsellorIds.map(alertStaffRoom)], event, notice);
}
