import { z } from "zod";

/** What a counsellor can be on duty for. One notion of "on duty" for the hotline and chat. */
export const dutyChannels = ["hotline", "chat"] as const;
export type DutyChannel = (typeof dutyChannels)[number];
export const dutyChannelLabels: Record<DutyChannel, string> = { hotline: "热线", chat: "在线咨询" };

export const setDutyBody = z.object({
  onDuty: z.boolean(),
  channels: z.array(z.enum(dutyChannels)).max(2).default(["hotline", "chat"]),
  chatCapacity: z.number().int().min(1).max(8).optional(),
});
export type SetDutyBody = z.infer<typeof setDutyBody>;

export interface DutyView {
  onDuty: boolean;
  channels: DutyChannel[];
  chatCapacity: number;
  /** Has at least one live connection (an open admin tab) right now. */
  connected: boolean;
  changedAt: string | null;
}

/** A connection counts as live while its heartbeat is younger than this. */
export const presenceStaleAfterMs = 30_000;
export const presenceHeartbeatMs = 10_000;
