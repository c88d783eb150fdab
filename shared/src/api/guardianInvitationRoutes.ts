import { defineRoute } from "./contract";
import { confirmGuardianInvitationBody } from "../guardianInvitation";

/** Guardian consent by invitation: the child creates and watches it; the guardian opens it in their own WeChat. */
export const guardianInvitationRoutes = {
  createGuardianInvitation: defineRoute({ method: "post", path: "/me/guardian-invitations", summary: "请监护人同意：生成一次性邀请", tag: "me", audience: "user" }),
  getMyGuardianInvitation: defineRoute({ method: "get", path: "/me/guardian-invitations/:id", summary: "我发出的监护人邀请的状态", tag: "me", audience: "user" }),
  openGuardianInvitation: defineRoute({ method: "get", path: "/guardian-invitations/:token", summary: "监护人打开邀请：看清要同意什么", tag: "me", audience: "user" }),
  confirmGuardianInvitation: defineRoute({ method: "post", path: "/guardian-invitations/:token/confirm", summary: "监护人同意", tag: "me", audience: "user", body: confirmGuardianInvitationBody }),
  declineGuardianInvitation: defineRoute({ method: "post", path: "/guardian-invitations/:token/decline", summary: "监护人暂不同意", tag: "me", audience: "user" }),
};
