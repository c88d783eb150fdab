import { asc, desc, eq, inArray } from "drizzle-orm";
import type { ContactAction, ContactAgeBand, ContactChannel, ContactRecordView, ContactRepeat, ReferralTarget, RiskLevel, StatedGender } from "@xinyuan/shared";
import { appUsers, contactCategories, contactRecordCategories, contactRecords, schools, staff } from "../db/schema";
import type { DbOrTx } from "../db/database";
import type { FieldCipher } from "../crypto/fieldCipher";
import { sealed } from "../crypto/sealedColumns";

type RecordRow = typeof contactRecords.$inferSelect;

/**
 * Presents records with their categories, alias, school and staff names. `withSummary` decrypts the
 * summary: only for readers a policy allowed (and the caller audits the read).
 */
export async function presentContactRecords(db: DbOrTx, cipher: FieldCipher, rows: RecordRow[], withSummary: boolean): Promise<ContactRecordView[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const categoryRows = await db
    .select({ recordId: contactRecordCategories.recordId, id: contactCategories.id, code: contactCategories.code, name: contactCategories.name })
    .from(contactRecordCategories)
    .innerJoin(contactCategories, eq(contactCategories.id, contactRecordCategories.categoryId))
    .where(inArray(contactRecordCategories.recordId, ids))
    .orderBy(asc(contactCategories.sortOrder));
  const staffIds = [...new Set(rows.map((row) => row.staffId))];
  const staffRows = await db.select({ id: staff.id, name: staff.displayName }).from(staff).where(inArray(staff.id, staffIds));
  const userIds = [...new Set(rows.map((row) => row.userId).filter((id): id is string => id !== null))];
  const aliasRows = userIds.length ? await db.select({ id: appUsers.id, alias: appUsers.alias }).from(appUsers).where(inArray(appUsers.id, userIds)) : [];
  const schoolIds = [...new Set(rows.map((row) => row.schoolId).filter((id): id is string => id !== null))];
  const schoolRows = schoolIds.length ? await db.select({ id: schools.id, name: schools.name }).from(schools).where(inArray(schools.id, schoolIds)) : [];
  const nameOf = <T extends { id: string }>(list: T[], id: string | null, pick: (row: T) => string) => {
    const found = id ? list.find((row) => row.id === id) : undefined;
    return found ? pick(found) : null;
  };
  return rows.map((row) => ({
    id: row.id,
    channel: row.channel as ContactChannel,
    alias: nameOf(aliasRows, row.userId, (found) => found.alias),
    staffId: row.staffId,
    staffName: nameOf(staffRows, row.staffId, (found) => found.name),
    categories: categoryRows.filter((category) => category.recordId === row.id).map(({ id, code, name }) => ({ id, code, name })),
    repeat: row.repeat as ContactRepeat,
    ageBand: row.ageBand as ContactAgeBand,
    gender: row.gender as StatedGender,
    schoolName: nameOf(schoolRows, row.schoolId, (found) => found.name),
    riskLevel: row.riskLevel as RiskLevel,
    actions: row.actions as ContactAction[],
    referralTargets: row.referralTargets as ReferralTarget[],
    followUpNeeded: row.followUpNeeded,
    durationMinutes: row.durationMinutes,
    ...(withSummary ? { summary: row.summaryEnc ? cipher.decrypt(row.summaryEnc, sealed.contactSummary.at(row)) : "" } : {}),
    recordedAt: row.recordedAt.toISOString(),
  }));
}

/** Earlier contacts by the same alias, newest first (the claimant's context for a call). */
export async function contactHistoryOfUser(db: DbOrTx, cipher: FieldCipher, userId: string, limit = 20): Promise<ContactRecordView[]> {
  const rows = await db.select().from(contactRecords).where(eq(contactRecords.userId, userId)).orderBy(desc(contactRecords.recordedAt)).limit(limit);
  return presentContactRecords(db, cipher, rows, true);
}
