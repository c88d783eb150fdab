/**
 * Socket.io room names, defined once. The server joins sockets to them and emits to them; clients never
 * join rooms themselves, but tests and docs name them. Personal rooms span processes via the adapter.
 */
/** A mini-program user's every connection. */
export const userRoom = (userId: string) => `user-${userId}`;
/** A staff member's every admin tab. */
export const staffRoom = (staffId: string) => `staff-${staffId}`;
/** Supervisors following a conversation read-only. */
export const chatWatchRoom = (conversationId: string) => `chat-watch-${conversationId}`;
/** Every connected counsellor and supervisor: chat queue notices. */
export const chatCounsellorsRoom = "chat-counsellors";
/** Hotline staff watching the queue (joined with "hotline:watch"). */
export const hotlineStaffRoom = "hotline-staff";
/** The room every connection of this person joins on connect. */
export const personalRoom = (actor: { type: "user" | "staff"; id: string }) => (actor.type === "user" ? userRoom(actor.id) : staffRoom(actor.id));
