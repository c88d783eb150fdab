import type { CaseConcernTextView, RiskTextSource } from "@xinyuan/shared";
import type { Services } from "../services";
import type { StaffActor } from "../auth/actor";
import { recordAudit, type AuditOrigin } from "../audit/recordAudit";
import { AppError } from "../http/errors";
import { canReadCase, canReadCaseSources } from "./casePolicy";
import { loadCase } from "./caseQueries";
import { findCaseConcern } from "./caseConcerns";

/**
 * 查看原文: decrypts one item of the case's 引发关注的内容 for its owner, team or a supervisor in scope
 * (others who may not read the case: 404; a centre admin: 403), and only an item the case shows (a flagged
 * line, letter or topic: anything else is CASE_CONCERN_NOT_FOUND, so the route cannot open the rest of a
 * chat). Audited `case.source_read` with the case and the source, never the text.
 */
export async function caseConcernReader(props: { services: Services; actor: StaffActor; caseId: string; source: RiskTextSource; origin: AuditOrigin }): Promise<CaseConcernTextView> {
  const { services, actor, caseId, source, origin } = props;
  return services.db.transaction(async (tx) => {
    const row = await loadCase(tx, caseId);
    if (!canReadCase(actor, row)) throw new AppError(404, "CASE_NOT_FOUND");
    if (!canReadCaseSources(actor, row)) throw new AppError(403, "FORBIDDEN");
    const concern = await findCaseConcern(tx, actor, caseId, source);
    if (!concern) throw new AppError(404, "CASE_CONCERN_NOT_FOUND");
    const text = services.cipher.decrypt(concern.textEnc, concern.place);
    await recordAudit(tx, origin, { action: "case.source_read", targetType: "crisis_case", targetId: caseId, detail: { sourceKind: concern.sourceKind, sourceId: concern.sourceId } });
    return { text };
  });
}
