import { apiRoutes, type SettingsView } from "@xinyuan/shared";
import { call } from "../../request";

export function getSettings(): Promise<SettingsView> {
  return call(apiRoutes.getSettings, { policy: "silent" });
}

export function updateSettings(body: Partial<SettingsView>): Promise<SettingsView> {
  return call(apiRoutes.updateSettings, { body, policy: "notification" });
}
