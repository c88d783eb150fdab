import { apiRoutes, type UserSessionView } from "@xinyuan/shared";
import { mountRoute, type AppRouter } from "../../../http/mountRoute";
import { wechatUserAuthenticator } from "../../../users/wechatUserAuthenticator";
import { loadMeView } from "../../../users/loadMeView";

/** Per client IP. Generous, because a whole school may sit behind one address. */
const wechatLoginRateLimit = { name: "wechat-login", limit: 30, windowSeconds: 60 };

/** Mini-program sign-in: a wx.login code in, a user session (token + alias + consents) out. */
export function mountWechatAuthRoutes(router: AppRouter): void {
  mountRoute(
    router,
    apiRoutes.wechatLogin,
    async (ctx, { body }): Promise<UserSessionView> => {
      const { services } = ctx;
      const session = await wechatUserAuthenticator({ services, code: body.code, origin: { ip: ctx.ip || null, requestId: ctx.state.requestId } });
      const me = await loadMeView(services.db, session.userId);
      if (!me) throw new Error("signed-in user vanished");
      return { token: session.token, expiresAt: session.expiresAt.toISOString(), me };
    },
    { rateLimit: wechatLoginRateLimit },
  );
}
