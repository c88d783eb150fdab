import { randomUUID } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import type { ContactAgeBand, ContactChannel, ContactRecordBody } from "@xinyuan/shared";
import { appUsers, contactCategories, contactRecordCategories, contactRecords, schools } from "../db/schema";
import type { DbOrTx } from "../db/database";
import type { FieldCipher } from "../crypto/fieldCipher";
import { recordAudit, type AuditEntry, type AuditOrigin } from "../audit/recordAudit";
import { AppError } from "../http/errors";
import { caseFromContactRecord } from "../cases/caseFromContactRecord";
import { sealed } from "../crypto/sealedColumns";

export interface ContactRecorderProps {
  /** The caller's transaction: the record, its categories and the audit row commit together with the caller's change. */
  tx: DbOrTx;
  cipher: FieldCipher;
  origin: AuditOrigin;
  channel: ContactChannel;
  staffId: string;
  /** The alias's account when known (a ticket, a chat); null for an anonymous inbound call. */
  userId: string | null;
  /** What the record came from, e.g. { type: "hotline_ticket", id }. */
  source?: { type: string; id: string };
  body: ContactRecordBody;
  now: Date;
  /**
   * When given, the audit entry is added here instead of written: the caller writes it with its own, as
   * the last statement before its commit (every audit row holds the audit chain head until the commit).
   */
  auditLater?: AuditEntry[];
}

/**
 * Writes one structured contact record, whatever the channel (hotline and call-back now, chat and
 * mailbox later). Categories must exist and be active; the school defaults to the user's profile school
 * and the age band to their stated band. The summary is encrypted; the audit row never holds it.
 * High or imminent risk, or follow-up needed, opens a crisis case in the same transaction (cases/).
 */
export async function contactRecorder(props: ContactRecorderProps): Promise<{ id: string; caseId: string | null }> {
  const { tx, body } = props;
  const categoryIds = [...new Set(body.categoryIds)];
  const found = await tx
    .select({ id: contactCategories.id })
    .from(contactCategories)
    .where(and(inArray(contactCategories.id, categoryIds), eq(contactCategories.active, true)));
  if (found.length !== categoryIds.length) throw new AppError(400, "CONTACT_CATEGORY_INVALID");

  const user = props.userId
    ? (await tx.select({ schoolId: appUsers.schoolId, ageBand: appUsers.ageBand }).from(appUsers).where(eq(appUsers.id, props.userId)).limit(1))[0]
    : undefined;
  const schoolId = body.schoolId === undefined ? user?.schoolId ?? null : body.schoolId;
  let areaId: string | null = null;
  if (schoolId) {
    const [school] = await tx.select({ areaId: schools.areaId }).from(schools).where(eq(schools.id, schoolId)).limit(1);
    if (!school) throw new AppError(404, "SCHOOL_NOT_FOUND");
    areaId = school.areaId;
  }
  const ageBand: ContactAgeBand = body.ageBand ?? ((user?.ageBand as ContactAgeBand | null | undefined) ?? "unknown");

  const recordId = randomUUID();
  const [record] = await tx
    .insert(contactRecords)
    .values({
      id: recordId,
      channel: props.channel,
      userId: props.userId,
      staffId: props.staffId,
      sourceType: props.source?.type ?? null,
      sourceId: props.source?.id ?? null,
      repeat: body.repeat,
      ageBand,
      gender: body.gender,
      schoolId,
      areaId,
      riskLevel: body.riskLevel,
      actions: body.actions,
      referralTargets: body.referralTargets,
      followUpNeeded: body.followUpNeeded,
      durationMinutes: body.durationMinutes,
      summaryEnc: body.summary ? props.cipher.encrypt(body.summary, sealed.contactSummary.at({ id: recordId })) : null,
      recordedAt: props.now,
    })
    .returning({ id: contactRecords.id });
  const id = record!.id;
  await tx.insert(contactRecordCategories).values(categoryIds.map((categoryId) => ({ recordId: id, categoryId })));
  const audit: AuditEntry = {
    action: "contact.record",
    targetType: "contact_record",
    targetId: id,
    detail: { channel: props.channel, riskLevel: body.riskLevel, source: props.source ?? null },
  };
  if (props.auditLater) props.auditLater.push(audit);
  else await recordAudit(tx, props.origin, audit);
  const opened = await caseFromContactRecord({ tx, cipher: props.cipher, origin: props.origin, now: props.now, recordId: id, staffId: props.staffId, userId: props.userId, schoolId, source: props.source, body });
  return { id, caseId: opened?.caseId ?? null };
}
