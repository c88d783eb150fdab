/** Socket rooms the hotline emits to: names defined once in shared/src/realtimeRooms.ts. */
export { hotlineStaffRoom, userRoom, staffRoom, chatCounsellorsRoom } from "@xinyuan/shared";
