import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { RecordIdentityBody } from "@xinyuan/shared";
import type { Services } from "../services";
import type { StaffActor } from "../auth/actor";
import { caseIdentities } from "../db/schema";
import { recordAudit, type AuditOrigin } from "../audit/recordAudit";
import { AppError } from "../http/errors";
import { appendCaseEvent } from "./caseEvents";
import { canActOnCase } from "./casePolicy";
import { writeCase } from "./caseWrite";
import { sealed } from "../crypto/sealedColumns";

/**
 * Records who the child is: its own action, with a legal basis from the list, encrypted. Not an
 * emergency: it stays hidden until a second person approves it. An emergency: shown to the case's
 * workers at once and reviewed afterwards. A rejected record may be recorded again; otherwise one per case.
 */
export async function caseIdentityRecorder(props: { services: Services; actor: StaffActor; caseId: string; input: RecordIdentityBody; origin: AuditOrigin }): Promise<void> {
  const { services, actor, caseId, input, origin } = props;
  await writeCase({ services, actor, caseId, allowed: canActOnCase }, async (tx, _row, now) => {
    const [existing] = await tx.select().from(caseIdentities).where(eq(caseIdentities.caseId, caseId)).for("update").limit(1);
    if (existing && existing.state !== "rejected") throw new AppError(409, "CASE_IDENTITY_EXISTS");
    const person = { name: input.name, grade: input.grade, className: input.className, guardianContact: input.guardianContact, how: input.how };
    const id = existing?.id ?? randomUUID();
    const values = {
      caseId,
      personEnc: services.cipher.encrypt(JSON.stringify(person), sealed.caseIdentityPerson.at({ id })),
      legalBasis: input.legalBasis,
      emergency: input.emergency,
      state: "pending",
      recordedBy: actor.id,
      recordedAt: now,
      reviewedBy: null,
      reviewedAt: null,
    };
    if (existing) await tx.update(caseIdentities).set(values).where(eq(caseIdentities.id, existing.id));
    else await tx.insert(caseIdentities).values({ id, ...values });
    await appendCaseEvent(tx, services.cipher, { caseId, kind: "identity_recorded", actorId: actor.id, at: now, detail: { legalBasis: input.legalBasis, emergency: input.emergency } });
    await recordAudit(tx, origin, { action: "case.identity.record", targetType: "crisis_case", targetId: caseId, detail: { legalBasis: input.legalBasis, emergency: input.emergency } });
  });
}
