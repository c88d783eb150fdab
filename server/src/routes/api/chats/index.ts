import type { AppRouter } from "../../../http/mountRoute";
import { mountMyChatRoutes } from "./myChats";
import { mountStaffChatRoutes } from "./staffChats";
import { mountCannedReplyRoutes } from "./cannedReplies";

/** Chat (在线咨询): the student's routes, the counsellors' routes and canned replies. */
export function mountChatRoutes(router: AppRouter): void {
  mountMyChatRoutes(router);
  mountStaffChatRoutes(router);
  mountCannedReplyRoutes(router);
}
