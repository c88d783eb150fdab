/** Socket rooms the chat emits to. Personal rooms (staff-<id>, user-<id>) span processes via the adapter. */
export const userRoom = (userId: string) => `user-${userId}`;
export const staffRoom = (staffId: string) => `staff-${staffId}`;
/** Supervisors following a conversation read-only. */
export const watchRoom = (conversationId: string) => `chat-watch-${conversationId}`;
/** Every connected counsellor and supervisor: queue notices. */
export const counsellorsRoom = "chat-counsellors";
