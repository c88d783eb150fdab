/**
 * Socket.io event contracts. Every client-sent event is acknowledged with an Ack.
 * Features add their events to these maps (hotline queue, chat).
 */
import type { DutyView, SetDutyBody } from "./duty";

export type Ack<T = Record<string, never>> = (result: { ok: true; data: T } | { ok: false; error: { code: string; message: string } }) => void;

export interface ClientToServerEvents {
  /** Staff: go on / off duty (the same state the HTTP /duty route sets). */
  "duty:set": (input: SetDutyBody, ack: Ack<DutyView>) => void;
}

export interface ServerToClientEvents {
  /** Small "this changed" notice; the client refetches through the API. */
  changed: (notice: { resource: string; id?: string }) => void;
  /** Staff: own duty state changed (from this or another device). */
  "duty:changed": (view: DutyView) => void;
}
