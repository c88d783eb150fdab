import { dutyChannels, type DutyChannel } from "@xinyuan/shared";
import type { Access } from "../access";

/**
 * The channels a staff member may be on duty for, as the server decides (server/src/duty/dutySetter.ts): online
 * chat for every counsellor and supervisor, the county hotline only for those who work it (county scope).
 */
export function dutyChannelsFor(rights: Pick<Access, "canWorkHotline">): DutyChannel[] {
  return dutyChannels.filter((channel) => channel === "chat" || rights.canWorkHotline);
}
