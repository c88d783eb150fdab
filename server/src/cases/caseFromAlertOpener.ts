import { eq } from "drizzle-orm";
import type { CaseFromAlertBody, CaseLinkKind } from "@xinyuan/shared";
import type { Services } from "../services";
import type { StaffActor } from "../auth/actor";
import { appUsers, conversations, hotlineTickets, letters, schools } from "../db/schema";
import type { DbOrTx } from "../db/database";
import { type AuditOrigin } from "../audit/recordAudit";
import { AppError } from "../http/errors";
import { scopeCovers } from "../access/scope";
import { caseOpener } from "./caseOpener";
import { noticeCaseChanged } from "./caseNotices";

interface AlertSubject {
  userId: string | null;
  schoolId: string | null;
  linkKind: CaseLinkKind;
}

/**
 * The student behind an alert, read from the alert's source (a chat or a hotline ticket) in this
 * database, never taken from the request. Letters join when the letters feature lands (its source then
 * resolves here too); until then a letter alert answers CASE_SOURCE_NOT_FOUND.
 */
async function subjectOf(tx: DbOrTx, source: CaseFromAlertBody["source"]): Promise<AlertSubject> {
  if (source.kind === "chat") {
    const [row] = await tx.select({ userId: conversations.userId, schoolId: appUsers.schoolId }).from(conversations).leftJoin(appUsers, eq(appUsers.id, conversations.userId)).where(eq(conversations.id, source.id)).limit(1);
    if (row) return { userId: row.userId, schoolId: row.schoolId, linkKind: "chat_conversation" };
  }
  if (source.kind === "hotline") {
    const [row] = await tx.select({ userId: hotlineTickets.userId, schoolId: hotlineTickets.schoolId }).from(hotlineTickets).where(eq(hotlineTickets.id, source.id)).limit(1);
    if (row) return { userId: row.userId, schoolId: row.schoolId, linkKind: "hotline_ticket" };
  }
  if (source.kind === "letter") {
    const [row] = await tx.select({ userId: letters.userId, schoolId: letters.originSchoolId }).from(letters).where(eq(letters.id, source.id)).limit(1);
    if (row) return { userId: row.userId, schoolId: row.schoolId, linkKind: "letter" };
  }
  throw new AppError(404, "CASE_SOURCE_NOT_FOUND");
}

/**
 * A supervisor escalates a risk alert into a case (or into the student's open case). The alert id is
 * linked as given (the alert inbox lives in its own feature); the student comes from the alert's source.
 */
export async function caseFromAlertOpener(props: { services: Services; actor: StaffActor; input: CaseFromAlertBody; origin: AuditOrigin }): Promise<{ caseId: string; created: boolean }> {
  const { services, actor, input, origin } = props;
  const result = await services.db.transaction(async (tx) => {
    const subject = await subjectOf(tx, input.source);
    const areaId = subject.schoolId ? ((await tx.select({ areaId: schools.areaId }).from(schools).where(eq(schools.id, subject.schoolId)).limit(1))[0]?.areaId ?? null) : null;
    if (!scopeCovers(actor.scope, { schoolId: subject.schoolId, areaId })) throw new AppError(404, "CASE_SOURCE_NOT_FOUND");
    return caseOpener({
      tx,
      cipher: services.cipher,
      origin,
      now: services.clock.now(),
      signal: {
        sourceKind: "alert",
        sourceId: input.alertId,
        level: input.level,
        userId: subject.userId,
        subjectAlias: "预警对象",
        schoolId: subject.schoolId,
        links: [
          { kind: "alert", id: input.alertId },
          { kind: subject.linkKind, id: input.source.id },
        ],
        reporterId: actor.id,
        note: input.note,
      },
    });
  });
  noticeCaseChanged(services, result.caseId, [actor.id]);
  return result;
}
