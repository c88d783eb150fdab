import { emergencyLines, fallbackHelplines, type StartChatResult } from "@xinyuan/shared";
import type { Services } from "../services";

/** Lines a student can call when no counsellor is there: the county line (with its hours), 12356, 110, 120. */
export function chatHelplines(services: Services): StartChatResult["helplines"] {
  const { county } = services.config;
  return [{ number: county.hotlineNumber, name: `${county.name}心理援助热线`, note: county.hotlineHours }, ...fallbackHelplines, ...emergencyLines];
}
