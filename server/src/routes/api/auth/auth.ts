import { apiRoutes, type StaffSessionView } from "@xinyuan/shared";
import { mountRoute, type AppRouter } from "../../../http/mountRoute";
import { staffAuthenticator } from "../../../account/staffAuthenticator";
import { presentStaffSession } from "../../../staff/presentStaff";
import { revokeSession } from "../../../auth/sessionStore";
import { originOf, recordAudit } from "../../../audit/recordAudit";
import type { Config } from "../../../config";

/**
 * Sign-in attempts per client address per minute, whatever the username: a high ceiling (a school or the
 * centre signs in from one NAT address); guessing at one account is slowed per (username, address) pair
 * in staffAuthenticator (auth/signInThrottle.ts).
 */
const staffLoginRateLimit = (config: Config) => ({ name: "staff-login", limit: config.signIn.perAddressPerMinute, windowSeconds: 60 });

/** Staff sign-in (password, then the TOTP code when enrolled) and sign-out for staff and users alike. */
export function mountAuthRoutes(router: AppRouter): void {
  mountRoute(
    router,
    apiRoutes.staffLogin,
    async (ctx, { body }): Promise<StaffSessionView> => {
      const request = { ip: ctx.ip || null, requestId: ctx.state.requestId };
      const outcome = await ctx.services.db.transaction((tx) => staffAuthenticator({ tx, services: ctx.services, ...body, request }));
      if (!outcome.ok) throw outcome.error;
      return presentStaffSession(outcome.session, outcome.record, outcome.pending);
    },
    { rateLimit: staffLoginRateLimit },
  );

  mountRoute(router, apiRoutes.logout, async (ctx) => {
    const { actor, sessionId } = ctx.state;
    if (actor && sessionId) {
      await ctx.services.db.transaction(async (tx) => {
        await revokeSession(tx, sessionId, ctx.services.clock.now());
        if (actor.type === "staff") await recordAudit(tx, originOf(ctx), { action: "staff.logout", targetType: "staff", targetId: actor.id });
      });
    }
    ctx.status = 204;
  });
}
