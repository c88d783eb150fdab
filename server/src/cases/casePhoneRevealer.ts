import type { Services } from "../services";
import type { StaffActor } from "../auth/actor";
import { recordAudit, type AuditOrigin } from "../audit/recordAudit";
import { AppError } from "../http/errors";
import { canRevealCasePhone } from "./casePolicy";
import { writeCase } from "./caseWrite";
import { sealed } from "../crypto/sealedColumns";

/** The owner reads the kept call-back number of an unsafe caller to call them back; every reveal is audited. */
export async function casePhoneRevealer(props: { services: Services; actor: StaffActor; caseId: string; origin: AuditOrigin }): Promise<{ phone: string }> {
  const { services, actor, caseId, origin } = props;
  return writeCase({ services, actor, caseId, allowed: canRevealCasePhone }, async (tx, row) => {
    if (!row.phoneEnc) throw new AppError(404, "NOT_FOUND");
    await recordAudit(tx, origin, { action: "case.phone.reveal", targetType: "crisis_case", targetId: caseId });
    return { phone: services.cipher.decrypt(row.phoneEnc, sealed.casePhone.at(row)) };
  });
}
