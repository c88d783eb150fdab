import { apiRoutes, type RiskLexiconTrialView, type RiskSentenceTrialView, type RiskLexiconVersionDetailView, type RiskLexiconVersionView } from "@xinyuan/shared";
import { mountRoute, type AppRouter } from "../../../http/mountRoute";
import { staffActorOf } from "../../../auth/staffActorOf";
import { originOf } from "../../../audit/recordAudit";
import { authorize } from "../../../access/authorize";
import { AppError } from "../../../http/errors";
import { idOf } from "../../../http/routeParams";
import { canEditRiskLexicon } from "../../../risk/riskPolicy";
import { compileRiskLexiconOrRefuse } from "../../../risk/riskLexiconCompiler";
import { evaluateRiskLexicon, riskGateCorpus } from "../../../risk/riskLexiconEvaluator";
import { riskLexiconSaver } from "../../../risk/riskLexiconSaver";
import { riskLexiconActivator } from "../../../risk/riskLexiconActivator";
import { riskLexiconSentenceTester } from "../../../risk/riskLexiconSentenceTester";
import { riskModelRetrainer } from "../../../risk/riskModelRetrainer";
import { refreshRiskLexicon } from "../../../risk/riskLexiconReloader";
import { activeRiskLexiconVersion, findRiskLexiconVersion, listRiskLexiconVersions } from "../../../risk/riskLexiconVersionViews";
import { createRiskDetector, shippedRiskLexicon, shippedRiskModel } from "../../../risk/riskDetector";

/** The risk lexicon's versions: list, read, try on the corpus, save, retrain the model, activate (gated). */
export function mountRiskLexiconRoutes(router: AppRouter): void {
  mountRoute(router, apiRoutes.listRiskLexiconVersions, async (ctx): Promise<RiskLexiconVersionView[]> => {
    authorize(canEditRiskLexicon(ctx.state.actor));
    return listRiskLexiconVersions(ctx.services.db);
  });

  mountRoute(router, apiRoutes.getRiskLexiconVersion, async (ctx, { params }): Promise<RiskLexiconVersionDetailView> => {
    authorize(canEditRiskLexicon(ctx.state.actor));
    const version = await findRiskLexiconVersion(ctx.services.db, idOf(params));
    if (!version) throw new AppError(404, "RISK_LEXICON_NOT_FOUND");
    return version;
  });

  mountRoute(router, apiRoutes.trialRiskLexicon, async (ctx, { body }): Promise<RiskLexiconTrialView> => {
    authorize(canEditRiskLexicon(ctx.state.actor));
    const db = ctx.services.db;
    const [active, corpus] = await Promise.all([activeRiskLexiconVersion(db), riskGateCorpus(db, ctx.services.cipher)]);
    // the edit is tried with the model it would keep (the active one), like the version it would save
    const after = compileRiskLexiconOrRefuse(body.content, active?.model ?? null);
    const before = active ? createRiskDetector(active.content, active.model) : createRiskDetector(shippedRiskLexicon, shippedRiskModel);
    return { before: evaluateRiskLexicon(before, corpus), after: evaluateRiskLexicon(after, corpus), activeVersionId: active?.id ?? null };
  });

  mountRoute(router, apiRoutes.trialRiskLexiconSentence, async (ctx, { body }): Promise<RiskSentenceTrialView> => {
    authorize(canEditRiskLexicon(ctx.state.actor));
    return riskLexiconSentenceTester(body);
  });

  mountRoute(router, apiRoutes.saveRiskLexiconVersion, async (ctx, { body }): Promise<RiskLexiconVersionView> => {
    const actor = staffActorOf(ctx);
    authorize(canEditRiskLexicon(actor));
    const saved = await ctx.services.db.transaction((tx) => riskLexiconSaver({ tx, services: ctx.services, actor, origin: originOf(ctx), input: body }));
    ctx.status = 201;
    return saved;
  });

  mountRoute(router, apiRoutes.retrainRiskModel, async (ctx): Promise<RiskLexiconVersionView> => {
    const actor = staffActorOf(ctx);
    authorize(canEditRiskLexicon(actor));
    // no transaction around it: the retrainer opens two short ones and trains in a worker thread between them
    const saved = await riskModelRetrainer({ services: ctx.services, actor, origin: originOf(ctx) });
    ctx.status = 201;
    return saved;
  });

  mountRoute(router, apiRoutes.activateRiskLexiconVersion, async (ctx, { params }): Promise<RiskLexiconVersionView> => {
    const actor = staffActorOf(ctx);
    authorize(canEditRiskLexicon(actor));
    const versionId = idOf(params);
    const result = await ctx.services.db.transaction((tx) => riskLexiconActivator({ tx, services: ctx.services, actorId: actor.id, origin: originOf(ctx), versionId }));
    if (result.outcome === "refused") throw new AppError(409, "RISK_LEXICON_GATE_FAILED", undefined, { evaluation: result.evaluation });
    await refreshRiskLexicon(ctx.services.db, ctx.services.log);
    return result.version;
  });
}
