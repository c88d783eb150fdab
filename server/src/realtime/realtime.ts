/**
 * Fan-out to connected clients. Rooms: staff-<id>, user-<id>, and feature rooms (hotline-queue, …).
 * With no socket server attached (unit tests of commands) emits go nowhere.
 */
export interface Realtime {
  /**
   * One emit to one room or to several at once: several rooms are one broadcast (one adapter publish,
   * a socket in two of the rooms gets the event once), which is what a chat message or receipt needs.
   */
  emit(room: string | readonly string[], event: string, payload: unknown): void;
  /** Whether any process holds a live socket in the room (asks every instance through the adapter). */
  isConnected(room: string): Promise<boolean>;
}

export const silentRealtime: Realtime = { emit: () => undefined, isConnected: async () => false };
