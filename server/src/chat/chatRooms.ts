/** Socket rooms the chat emits to: names defined once in shared/src/realtimeRooms.ts. */
export { userRoom, staffRoom, chatWatchRoom as watchRoom, chatCounsellorsRoom as counsellorsRoom } from "@xinyuan/shared";
