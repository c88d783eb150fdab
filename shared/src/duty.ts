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

/** Colleagues a call or chat can be handed to: on duty for the channel and connected right now. */
export const transferTargetsQuery = z.object({ channel: z.enum(dutyChannels) });
export type TransferTargetsQuery = z.infer<typeof transferTargetsQuery>;

export interface TransferTargetView {
  id: string;
  name: string;
  /** Calls or chats they hold now. */
  load: number;
  /** 1 for the hotline (one call at a time); their chat capacity for chats. */
  capacity: number;
  /** Free to take it now (the transfer itself checks again under a lock). */
  canTake: boolean;
}
