import { apiRoutes, type RiskFeedbackDetailView, type RiskFeedbackView } from "@xinyuan/shared";
import { mountRoute, type AppRouter } from "../../../http/mountRoute";
import { staffActorOf } from "../../../auth/staffActorOf";
import { originOf, recordAudit } from "../../../audit/recordAudit";
import { authorize } from "../../../access/authorize";
import { AppError } from "../../../http/errors";
import { idOf } from "../../../http/routeParams";
import { canGiveRiskFeedback, canReviewRiskFeedback } from "../../../risk/riskPolicy";
import { riskFeedbackGiver } from "../../../risk/riskFeedbackGiver";
import { riskFeedbackResolver } from "../../../risk/riskFeedbackResolver";
import { findRiskFeedback, listRiskFeedback, presentRiskFeedback } from "../../../risk/riskFeedbackViews";
import { sealed } from "../../../crypto/sealedColumns";

/** Counsellors' 标记为风险 / 误报, and the supervisors' review queue that turns them into corpus rows. */
export function mountRiskFeedbackRoutes(router: AppRouter): void {
  mountRoute(router, apiRoutes.giveRiskFeedback, async (ctx, { body }): Promise<RiskFeedbackView> => {
    const actor = staffActorOf(ctx);
    authorize(canGiveRiskFeedback(actor));
    const { feedback, created } = await ctx.services.db.transaction((tx) => riskFeedbackGiver({ tx, cipher: ctx.services.cipher, actor, origin: originOf(ctx), input: body }));
    ctx.status = created ? 201 : 200;
    return feedback;
  });

  mountRoute(router, apiRoutes.listRiskFeedback, async (ctx): Promise<RiskFeedbackView[]> => {
    authorize(canReviewRiskFeedback(ctx.state.actor));
    return listRiskFeedback(ctx.services.db);
  });

  mountRoute(router, apiRoutes.getRiskFeedback, async (ctx, { params }): Promise<RiskFeedbackDetailView> => {
    authorize(canReviewRiskFeedback(ctx.state.actor));
    const id = idOf(params);
    const found = await findRiskFeedback(ctx.services.db, id);
    if (!found) throw new AppError(404, "RISK_FEEDBACK_NOT_FOUND");
    await recordAudit(ctx.services.db, originOf(ctx), { action: "risk_feedback.read", targetType: "risk_feedback", targetId: id, detail: { sourceKind: found.row.sourceKind, sourceId: found.row.sourceId } });
    return { ...presentRiskFeedback(found.row, found.staffName), text: ctx.services.cipher.decrypt(found.row.textEnc, sealed.riskFeedbackText.at(found.row)) };
  });

  mountRoute(router, apiRoutes.resolveRiskFeedback, async (ctx, { params, body }): Promise<RiskFeedbackView> => {
    const actor = staffActorOf(ctx);
    authorize(canReviewRiskFeedback(actor));
    const feedbackId = idOf(params);
    return ctx.services.db.transaction((tx) => riskFeedbackResolver({ tx, services: ctx.services, actor, origin: originOf(ctx), feedbackId, input: body }));
  });
}
