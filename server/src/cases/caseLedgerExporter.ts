import { and, asc, eq, gte, inArray, lte, ne } from "drizzle-orm";
import {
  caseActionLabels,
  caseCloseReasonLabels,
  caseFlagLabels,
  caseLevelLabels,
  caseLevels,
  caseSourceLabels,
  caseStatusLabels,
  contactChannelLabels,
  referralStateLabels,
  schoolStageLabels,
  statedGenderLabels,
  ageBandLabels,
  type CaseActionKind,
  type CaseCloseReason,
  type CaseExportQuery,
  type CaseFlag,
  type CaseLevel,
  type CaseSourceKind,
  type CaseStatus,
  type ContactChannel,
  type ReferralState,
  type SchoolStage,
  type StatedGender,
  type AgeBand,
} from "@xinyuan/shared";
import { caseEvents, caseIdentities, caseLinks, caseReferrals, contactCategories, contactRecordCategories, contactRecords, crisisCases, referralInstitutions, schools, staff } from "../db/schema";
import type { Services } from "../services";
import type { StaffActor } from "../auth/actor";
import { recordAudit, type AuditOrigin } from "../audit/recordAudit";
import { countyDateOf, countyInstant, addDays } from "../hotline/countyTime";
import { caseScopeCondition } from "./casePolicy";
import { sealed } from "../crypto/sealedColumns";

/** The columns of 四川省中小学生心理健康档案台账 as the centre carries them over, in order. */
export const ledgerColumns = [
  "序号",
  "个案编号",
  "学校",
  "年级/学段",
  "性别",
  "年龄段",
  "学生姓名",
  "风险等级",
  "重点关注类别",
  "主要问题",
  "发现途径",
  "干预措施",
  "转介情况",
  "跟进责任人",
  "建档日期",
  "下次跟进日期",
  "当前状态",
  "结案原因",
] as const;

/** One CSV field: quoted when needed; a leading =, +, -, @ is neutralised so a spreadsheet never runs it. */
function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const interventionKinds: CaseActionKind[] = ["guardian_contacted", "school_notified", "called_110", "called_120", "follow_up_contact"];

/**
 * The high-risk cases the actor's scope covers (预警 and 危机 by default) as CSV with a UTF-8 BOM (Excel
 * opens it as Chinese). Names appear only where an identity was recorded and approved by a second person;
 * every other row carries the alias-free case number. The export itself is audited with its counts.
 */
export async function caseLedgerExporter(props: { services: Services; actor: StaffActor; query: CaseExportQuery; origin: AuditOrigin }): Promise<{ csv: string; rows: number }> {
  const { services, actor, query, origin } = props;
  const db = services.db;
  const levels = caseLevels.filter((level) => caseLevels.indexOf(level) >= caseLevels.indexOf(query.minLevel));
  const conditions = [caseScopeCondition(actor), inArray(crisisCases.level, levels)];
  if (query.includeClosed !== "1") conditions.push(ne(crisisCases.status, "closed"));
  if (query.from) conditions.push(gte(crisisCases.openedAt, countyInstant(query.from)));
  if (query.to) conditions.push(lte(crisisCases.openedAt, countyInstant(addDays(query.to, 1))));
  const cases = await db.select().from(crisisCases).where(and(...conditions)).orderBy(asc(crisisCases.openedAt));
  const ids = cases.map((row) => row.id);
  const none = ["00000000-0000-0000-0000-000000000000"];
  const caseIds = ids.length > 0 ? ids : none;

  const schoolRows = await db.select().from(schools);
  const schoolOf = new Map(schoolRows.map((row) => [row.id, row]));
  const staffRows = await db.select({ id: staff.id, name: staff.displayName }).from(staff);
  const staffName = new Map(staffRows.map((row) => [row.id, row.name]));
  const records = await db
    .select({ caseId: caseLinks.caseId, record: contactRecords })
    .from(caseLinks)
    .innerJoin(contactRecords, eq(contactRecords.id, caseLinks.targetId))
    .where(and(inArray(caseLinks.caseId, caseIds), eq(caseLinks.kind, "contact_record")))
    .orderBy(asc(contactRecords.recordedAt));
  const recordIds = records.map((row) => row.record.id);
  const categories = recordIds.length
    ? await db
        .select({ recordId: contactRecordCategories.recordId, name: contactCategories.name })
        .from(contactRecordCategories)
        .innerJoin(contactCategories, eq(contactCategories.id, contactRecordCategories.categoryId))
        .where(inArray(contactRecordCategories.recordId, recordIds))
    : [];
  const actions = await db.select({ caseId: caseEvents.caseId, kind: caseEvents.kind }).from(caseEvents).where(and(inArray(caseEvents.caseId, caseIds), inArray(caseEvents.kind, interventionKinds)));
  const referrals = await db
    .select({ caseId: caseReferrals.caseId, state: caseReferrals.state, name: referralInstitutions.name })
    .from(caseReferrals)
    .innerJoin(referralInstitutions, eq(referralInstitutions.id, caseReferrals.institutionId))
    .where(inArray(caseReferrals.caseId, caseIds));
  const identities = await db.select().from(caseIdentities).where(and(inArray(caseIdentities.caseId, caseIds), eq(caseIdentities.state, "approved")));
  const identityOf = new Map(identities.filter((row) => row.personEnc).map((row) => [row.caseId, JSON.parse(services.cipher.decrypt(row.personEnc!, sealed.caseIdentityPerson.at(row))) as { name: string; grade: string; className: string }]));

  const lines = [ledgerColumns.join(",")];
  cases.forEach((row, index) => {
    const school = row.schoolId ? schoolOf.get(row.schoolId) : undefined;
    const own = records.filter((linked) => linked.caseId === row.id).map((linked) => linked.record);
    const latest = own[own.length - 1];
    const person = identityOf.get(row.id);
    const problems = [...new Set(categories.filter((category) => own.some((record) => record.id === category.recordId)).map((category) => category.name))];
    const done = [...new Set(actions.filter((action) => action.caseId === row.id).map((action) => caseActionLabels[action.kind as CaseActionKind]))];
    const referred = referrals.filter((referral) => referral.caseId === row.id).map((referral) => `${referral.name}（${referralStateLabels[referral.state as ReferralState]}）`);
    const found = row.sourceKind === "contact_record" && latest ? `${caseSourceLabels.contact_record}·${contactChannelLabels[latest.channel as ContactChannel]}` : caseSourceLabels[row.sourceKind as CaseSourceKind];
    const grade = person?.grade ? `${person.grade}${person.className ? ` ${person.className}` : ""}` : school ? schoolStageLabels[school.stage as SchoolStage] ?? "" : "";
    const fields = [
      String(index + 1),
      String(row.number),
      school?.name ?? "未知",
      grade,
      latest ? statedGenderLabels[latest.gender as StatedGender] : "未说明",
      latest && latest.ageBand !== "unknown" ? ageBandLabels[latest.ageBand as AgeBand] : "不详",
      person?.name ?? "",
      caseLevelLabels[row.level as CaseLevel],
      (row.flags as CaseFlag[]).map((flag) => caseFlagLabels[flag]).join("；"),
      problems.join("；"),
      found,
      done.join("；"),
      referred.length ? referred.join("；") : "未转介",
      row.ownerId ? staffName.get(row.ownerId) ?? "" : "未认领",
      countyDateOf(row.openedAt),
      row.nextFollowUpOn ?? "",
      caseStatusLabels[row.status as CaseStatus],
      row.closeReason ? caseCloseReasonLabels[row.closeReason as CaseCloseReason] : "",
    ];
    lines.push(fields.map(csvField).join(","));
  });
  await recordAudit(db, origin, { action: "case.export", detail: { rows: cases.length, identities: identityOf.size, minLevel: query.minLevel, includeClosed: query.includeClosed === "1" } });
  return { csv: `\uFEFF${lines.join("\r\n")}\r\n`, rows: cases.length };
}
