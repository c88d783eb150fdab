/**
 * Socket.io event contracts. Every client-sent event is acknowledged with an Ack.
 * Features add their events to these maps (hotline queue, chat).
 */
export type Ack<T = Record<string, never>> = (result: { ok: true; data: T } | { ok: false; error: { code: string; message: string } }) => void;

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ClientToServerEvents {}

export interface ServerToClientEvents {
  /** Small "this changed" notice; the client refetches through the API. */
  changed: (notice: { resource: string; id?: string }) => void;
}
