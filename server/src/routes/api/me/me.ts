import { apiRoutes, type GuardianInvitationForGuardianView, type GuardianInvitationView, type MeView, type UserExportView } from "@xinyuan/shared";
import { mountRoute, type AppRouter } from "../../../http/mountRoute";
import type { AppContext } from "../../../http/context";
import { originOf } from "../../../audit/recordAudit";
import { userActorOf } from "../../../auth/userActorOf";
import { AuthenticationError } from "../../../http/errors";
import { loadMeView } from "../../../users/loadMeView";
import { userProfileUpdater } from "../../../users/userProfileUpdater";
import { consentRecorder } from "../../../users/consentRecorder";
import { userExporter } from "../../../users/userExporter";
import { userDeleter } from "../../../users/userDeleter";
import { accountDeletionStepsOf, exportSectionsOf } from "../../../features/featureParts";
import { consumeRateLimit } from "../../../http/rateLimit";
import { guardianInvitationCreator, guardianInvitationRateLimit, guardianInvitationDecider, guardianInvitationOpener, loadMyGuardianInvitation } from "../../../users/guardianInvitations";
import { idOf } from "../../../http/routeParams";

async function currentMe(ctx: AppContext): Promise<MeView> {
  const me = await loadMeView(ctx.services.db, userActorOf(ctx).id);
  if (!me) throw AuthenticationError();
  return me;
}

/** The mini-program user's own profile, consents, data export and account deletion. */
export function mountMeRoutes(router: AppRouter): void {
  mountRoute(router, apiRoutes.getMe, async (ctx): Promise<MeView> => currentMe(ctx));

  mountRoute(router, apiRoutes.updateProfile, async (ctx, { body }): Promise<MeView> => {
    await userProfileUpdater({ db: ctx.services.db, userId: userActorOf(ctx).id, changes: body, origin: originOf(ctx) });
    return currentMe(ctx);
  });

  mountRoute(router, apiRoutes.giveConsent, async (ctx, { body }): Promise<MeView> => {
    await consentRecorder({ services: ctx.services, userId: userActorOf(ctx).id, consent: body, origin: originOf(ctx) });
    return currentMe(ctx);
  });

  mountRoute(router, apiRoutes.exportMe, async (ctx): Promise<UserExportView> => {
    ctx.set("Cache-Control", "no-store");
    return userExporter({ services: ctx.services, sections: exportSectionsOf(ctx.features), userId: userActorOf(ctx).id, origin: originOf(ctx) });
  });

  mountRoute(router, apiRoutes.deleteMe, async (ctx): Promise<undefined> => {
    await userDeleter({ services: ctx.services, steps: accountDeletionStepsOf(ctx.features), userId: userActorOf(ctx).id, origin: originOf(ctx) });
    ctx.status = 204;
    return undefined;
  });

  // Guardian consent by invitation: the child creates and watches; the guardian opens it in their own WeChat.
  mountRoute(router, apiRoutes.createGuardianInvitation, async (ctx): Promise<GuardianInvitationView> => {
    ctx.set("Cache-Control", "no-store");
    // Per child, not per address: each new invitation cancels the last, so a child who resends a few times is
    // fine; a script creating them endlessly is not.
    await consumeRateLimit(ctx.services.db, ctx.services.clock, guardianInvitationRateLimit, userActorOf(ctx).id);
    return guardianInvitationCreator({ services: ctx.services, userId: userActorOf(ctx).id, origin: originOf(ctx) });
  });

  mountRoute(router, apiRoutes.getMyGuardianInvitation, async (ctx, { params }): Promise<GuardianInvitationView> =>
    loadMyGuardianInvitation({ services: ctx.services, userId: userActorOf(ctx).id, invitationId: idOf(params) }),
  );

  mountRoute(router, apiRoutes.openGuardianInvitation, async (ctx, { params }): Promise<GuardianInvitationForGuardianView> =>
    guardianInvitationOpener({ services: ctx.services, guardianUserId: userActorOf(ctx).id, token: params.token ?? "" }),
  );

  mountRoute(router, apiRoutes.confirmGuardianInvitation, async (ctx, { params, body }): Promise<GuardianInvitationForGuardianView> =>
    guardianInvitationDecider({ services: ctx.services, guardianUserId: userActorOf(ctx).id, token: params.token ?? "", decision: { confirm: true, guardianRelation: body.guardianRelation }, origin: originOf(ctx) }),
  );

  mountRoute(router, apiRoutes.declineGuardianInvitation, async (ctx, { params }): Promise<GuardianInvitationForGuardianView> =>
    guardianInvitationDecider({ services: ctx.services, guardianUserId: userActorOf(ctx).id, token: params.token ?? "", decision: { confirm: false }, origin: originOf(ctx) }),
  );
}
