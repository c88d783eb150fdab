import { apiRoutes, type CaseConcernsView, type CaseConcernTextView, type CaseDetailView, type CaseSummaryView, type FollowUpDueView, type Page } from "@xinyuan/shared";
import { mountRoute, type AppRouter } from "../../../http/mountRoute";
import type { AppContext } from "../../../http/context";
import { idOf } from "../../../http/routeParams";
import { ValidationError } from "../../../http/errors";
import { originOf } from "../../../audit/recordAudit";
import { staffActorOf } from "../../../auth/staffActorOf";
import { authorize } from "../../../access/authorize";
import { canExportCases } from "../../../cases/casePolicy";
import { dueFollowUps, listCases, loadCaseDetail } from "../../../cases/caseViews";
import { caseFromAlertOpener } from "../../../cases/caseFromAlertOpener";
import { caseTaker } from "../../../cases/caseTaker";
import { caseTransferer } from "../../../cases/caseTransferer";
import { caseTeamSetter } from "../../../cases/caseTeamSetter";
import { caseActionRecorder } from "../../../cases/caseActionRecorder";
import { caseUpdater } from "../../../cases/caseUpdater";
import { caseCloser } from "../../../cases/caseCloser";
import { caseChecklistTicker } from "../../../cases/caseChecklistTicker";
import { referralCreator } from "../../../cases/referralCreator";
import { referralUpdater } from "../../../cases/referralUpdater";
import { caseIdentityRecorder } from "../../../cases/caseIdentityRecorder";
import { caseIdentityReviewer } from "../../../cases/caseIdentityReviewer";
import { casePhoneRevealer } from "../../../cases/casePhoneRevealer";
import { caseLedgerExporter } from "../../../cases/caseLedgerExporter";
import { listCaseConcerns } from "../../../cases/caseConcerns";
import { caseConcernReader } from "../../../cases/caseConcernReader";
import { idParam } from "@xinyuan/shared";

/** The case as the reader may see it; every open is audited inside loadCaseDetail. */
function detail(ctx: AppContext, caseId: string): Promise<CaseDetailView> {
  return loadCaseDetail({ db: ctx.services.db, services: ctx.services, actor: staffActorOf(ctx), caseId, origin: originOf(ctx) });
}

/** Crisis cases: thin handlers, validate → authorize (in the command, against the case) → command → present. */
export function mountCaseRoutes(router: AppRouter): void {
  // fixed paths before /cases/:id
  mountRoute(router, apiRoutes.dueFollowUps, async (ctx): Promise<FollowUpDueView> => dueFollowUps(ctx.services.db, staffActorOf(ctx), ctx.services.clock.now()));

  mountRoute(router, apiRoutes.exportCases, async (ctx, { query }): Promise<string> => {
    const actor = staffActorOf(ctx);
    authorize(canExportCases(actor));
    const { csv } = await caseLedgerExporter({ services: ctx.services, actor, query, origin: originOf(ctx) });
    ctx.type = "text/csv; charset=utf-8";
    ctx.set("Content-Disposition", `attachment; filename="cases-ledger.csv"; filename*=UTF-8''${encodeURIComponent("心理健康档案台账.csv")}`);
    ctx.set("Cache-Control", "no-store");
    return csv;
  });

  mountRoute(router, apiRoutes.caseFromAlert, async (ctx, { body }): Promise<CaseDetailView> => {
    const { caseId, created } = await caseFromAlertOpener({ services: ctx.services, actor: staffActorOf(ctx), input: body, origin: originOf(ctx) });
    ctx.status = created ? 201 : 200;
    return detail(ctx, caseId);
  });

  mountRoute(router, apiRoutes.listCases, async (ctx, { query }): Promise<Page<CaseSummaryView>> => listCases(ctx.services.db, staffActorOf(ctx), query));

  mountRoute(router, apiRoutes.getCase, async (ctx, { params }): Promise<CaseDetailView> => detail(ctx, idOf(params)));

  mountRoute(router, apiRoutes.listCaseConcerns, async (ctx, { params }): Promise<CaseConcernsView> => listCaseConcerns({ db: ctx.services.db, actor: staffActorOf(ctx), caseId: idOf(params) }));

  mountRoute(router, apiRoutes.readCaseConcern, async (ctx, { params, body }): Promise<CaseConcernTextView> => {
    ctx.set("Cache-Control", "no-store");
    return caseConcernReader({ services: ctx.services, actor: staffActorOf(ctx), caseId: idOf(params), source: body.source, origin: originOf(ctx) });
  });

  const act = (run: (props: { ctx: AppContext; caseId: string }) => Promise<unknown>) => async (ctx: AppContext, input: { params: Record<string, string> }): Promise<CaseDetailView> => {
    const caseId = idOf(input.params);
    await run({ ctx, caseId });
    return detail(ctx, caseId);
  };
  const base = (ctx: AppContext, caseId: string) => ({ services: ctx.services, actor: staffActorOf(ctx), caseId, origin: originOf(ctx) });

  mountRoute(router, apiRoutes.updateCase, (ctx, input) => act(({ caseId }) => caseUpdater({ ...base(ctx, caseId), input: input.body }))(ctx, input));
  mountRoute(router, apiRoutes.takeCase, (ctx, input) => act(({ caseId }) => caseTaker(base(ctx, caseId)))(ctx, input));
  mountRoute(router, apiRoutes.handoverCase, (ctx, input) => act(({ caseId }) => caseTransferer({ ...base(ctx, caseId), input: input.body }))(ctx, input));
  mountRoute(router, apiRoutes.setCaseTeam, (ctx, input) => act(({ caseId }) => caseTeamSetter({ ...base(ctx, caseId), input: input.body }))(ctx, input));
  mountRoute(router, apiRoutes.recordCaseAction, (ctx, input) => act(({ caseId }) => caseActionRecorder({ ...base(ctx, caseId), input: input.body }))(ctx, input));
  mountRoute(router, apiRoutes.tickCaseChecklist, (ctx, input) => act(({ caseId }) => caseChecklistTicker({ ...base(ctx, caseId), input: input.body }))(ctx, input));
  mountRoute(router, apiRoutes.closeCase, (ctx, input) => act(({ caseId }) => caseCloser({ ...base(ctx, caseId), input: input.body }))(ctx, input));
  mountRoute(router, apiRoutes.recordCaseIdentity, (ctx, input) => act(({ caseId }) => caseIdentityRecorder({ ...base(ctx, caseId), input: input.body }))(ctx, input));
  mountRoute(router, apiRoutes.reviewCaseIdentity, (ctx, input) => act(({ caseId }) => caseIdentityReviewer({ ...base(ctx, caseId), input: input.body }))(ctx, input));
  mountRoute(router, apiRoutes.createReferral, async (ctx, input): Promise<CaseDetailView> => {
    const view = await act(({ caseId }) => referralCreator({ ...base(ctx, caseId), input: input.body }))(ctx, input);
    ctx.status = 201;
    return view;
  });
  mountRoute(router, apiRoutes.updateReferral, (ctx, input) => {
    const referral = idParam.safeParse({ id: input.params.referralId });
    if (!referral.success) throw ValidationError({ fields: [{ path: "referralId", message: "编号格式不正确" }] }, "编号格式不正确");
    return act(({ caseId }) => referralUpdater({ ...base(ctx, caseId), referralId: referral.data.id, input: input.body }))(ctx, input);
  });
  mountRoute(router, apiRoutes.revealCasePhone, async (ctx, { params }): Promise<{ phone: string }> => casePhoneRevealer(base(ctx, idOf(params))));
}
