import { apiRoutes, type TotpSetupView } from "@xinyuan/shared";
import { mountRoute, type AppRouter } from "../../../http/mountRoute";
import type { AppContext } from "../../../http/context";
import type { StaffActor } from "../../../auth/actor";
import { staffActorOf } from "../../../auth/staffActorOf";
import { originOf } from "../../../audit/recordAudit";
import { passwordChanger } from "../../../account/passwordChanger";
import { totpEnrolmentStarter } from "../../../account/totpEnrolmentStarter";
import { totpEnroller } from "../../../account/totpEnroller";
import { findStaffRecord } from "../../../staff/staffViews";
import { presentAccount, type AccountView } from "../../../staff/presentStaff";
import { AuthenticationError } from "../../../http/errors";

/** Guessing the current password or a TOTP code from a stolen session is slowed to this per IP. */
const accountRateLimit = { name: "account-secrets", limit: 10, windowSeconds: 60 };

/** The signed-in staff member's own account; usable before the first password change and TOTP enrolment. */
export function mountAccountRoutes(router: AppRouter): void {
  mountRoute(router, apiRoutes.getAccount, async (ctx): Promise<AccountView> => {
    const actor = staffActorOf(ctx);
    return accountView(ctx, actor.id, actor.pending);
  }, { allowPending: true });

  mountRoute(
    router,
    apiRoutes.changePassword,
    async (ctx, { body }): Promise<AccountView> => {
      const actor = staffActorOf(ctx);
      const outcome = await ctx.services.db.transaction((tx) =>
        passwordChanger({ tx, now: ctx.services.clock.now(), actor, sessionId: ctx.state.sessionId!, ...body, origin: originOf(ctx) }),
      );
      if (!outcome.ok) throw outcome.error;
      return accountView(ctx, actor.id, outcome.pending);
    },
    { allowPending: true, rateLimit: accountRateLimit },
  );

  mountRoute(router, apiRoutes.startTotp, async (ctx): Promise<TotpSetupView> => {
    const actor = staffActorOf(ctx);
    const { cipher, clock } = ctx.services;
    return ctx.services.db.transaction((tx) => totpEnrolmentStarter({ tx, cipher, now: clock.now(), actor, origin: originOf(ctx) }));
  }, { allowPending: true });

  mountRoute(
    router,
    apiRoutes.confirmTotp,
    async (ctx, { body }): Promise<AccountView> => {
      const actor = staffActorOf(ctx);
      const { cipher, clock } = ctx.services;
      const { pending } = await ctx.services.db.transaction((tx) => totpEnroller({ tx, cipher, now: clock.now(), actor, code: body.code, origin: originOf(ctx) }));
      return accountView(ctx, actor.id, pending);
    },
    { allowPending: true, rateLimit: accountRateLimit },
  );
}

async function accountView(ctx: AppContext, id: string, pending: StaffActor["pending"]): Promise<AccountView> {
  const record = await findStaffRecord(ctx.services.db, id);
  if (!record) throw AuthenticationError();
  return presentAccount(record, pending);
}
