/**
 * Fan-out to connected clients. Rooms: staff-<id>, user-<id>, and feature rooms (hotline-queue, …).
 * With no socket server attached (unit tests of commands) emits go nowhere.
 */
export interface Realtime {
  emit(room: string, event: string, payload: unknown): void;
  /** Whether any process holds a live socket in the room (asks every instance through the adapter). */
  isConnected(room: string): Promise<boolean>;
}

export const silentRealtime: Realtime = { emit: () => undefined, isConnected: async () => false };
