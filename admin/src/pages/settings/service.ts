import { apiRoutes, type RetentionView, type SettingsView, type UpdateRetentionBody } from "@xinyuan/shared";
import { call } from "../../request";

export function getSettings(): Promise<SettingsView> {
  return call(apiRoutes.getSettings, { policy: "silent" });
}

export function updateSettings(body: Partial<SettingsView>): Promise<SettingsView> {
  return call(apiRoutes.updateSettings, { body, policy: "notification" });
}

export function getRetention(): Promise<RetentionView> {
  return call(apiRoutes.getRetention, { policy: "silent" });
}

export function updateRetention(body: UpdateRetentionBody): Promise<RetentionView> {
  return call(apiRoutes.updateRetention, { body, policy: "notification" });
}

export function runRetentionDryRun(): Promise<RetentionView> {
  return call(apiRoutes.retentionDryRun, { policy: "notification" });
}
