import { and, asc, count, desc, eq, inArray, isNull, lte, sql, type SQL } from "drizzle-orm";
import type {
  CaseChecklistItemView,
  CaseDetailView,
  CaseEventKind,
  CaseIdentityView,
  CaseLinkKind,
  CaseSummaryView,
  FollowUpDueView,
  IdentityLegalBasis,
  IdentityState,
  ListCasesQuery,
  Page,
  ReferralState,
  RiskLevel,
  CaseCloseReason,
} from "@xinyuan/shared";
import {
  caseChecklistItems,
  caseChecklistTicks,
  caseEvents,
  caseIdentities,
  caseLinks,
  caseReferrals,
  crisisCases,
  keyPeriods,
  referralInstitutions,
  schoolEmergencyPlans,
  schools,
  staff,
} from "../db/schema";
import type { DbOrTx } from "../db/database";
import type { Services } from "../services";
import type { StaffActor } from "../auth/actor";
import { recordAudit, type AuditOrigin } from "../audit/recordAudit";
import { countyDateOf, addDays } from "../hotline/countyTime";
import { AppError } from "../http/errors";
import { canActOnCase, canHandOverCase, canReadCase, canReviewCaseIdentity, canSeeCaseIdentity, canTakeCase, caseListCondition, notClosed, ownOrTeamCondition } from "./casePolicy";
import { loadCase, type CaseRow } from "./caseQueries";
import { presentCaseSummary } from "./presentCase";
import { presentKeyPeriod } from "./presentCaseSettings";
import { sealed } from "../crypto/sealedColumns";

async function namesOf(db: DbOrTx, staffIds: Array<string | null>): Promise<Map<string, string>> {
  const ids = [...new Set(staffIds.filter((id): id is string => id !== null))];
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: staff.id, name: staff.displayName }).from(staff).where(inArray(staff.id, ids));
  return new Map(rows.map((row) => [row.id, row.name]));
}

async function schoolNamesOf(db: DbOrTx, schoolIds: Array<string | null>): Promise<Map<string, string>> {
  const ids = [...new Set(schoolIds.filter((id): id is string => id !== null))];
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: schools.id, name: schools.name }).from(schools).where(inArray(schools.id, ids));
  return new Map(rows.map((row) => [row.id, row.name]));
}

export async function presentCaseRows(db: DbOrTx, rows: CaseRow[]): Promise<CaseSummaryView[]> {
  const owners = await namesOf(db, rows.map((row) => row.ownerId));
  const schoolNames = await schoolNamesOf(db, rows.map((row) => row.schoolId));
  return rows.map((row) => presentCaseSummary(row, { ownerName: row.ownerId ? owners.get(row.ownerId) ?? null : null, schoolName: row.schoolId ? schoolNames.get(row.schoolId) ?? null : null }));
}

/** The cases the actor may read, filtered, most urgent first (危机 unowned on top). */
export async function listCases(db: DbOrTx, actor: StaffActor, query: ListCasesQuery): Promise<Page<CaseSummaryView>> {
  const conditions: SQL[] = [caseListCondition(actor)];
  if (query.status === "active") conditions.push(notClosed);
  else if (query.status) conditions.push(eq(crisisCases.status, query.status));
  if (query.level) conditions.push(eq(crisisCases.level, query.level));
  if (query.mine === "1") conditions.push(eq(crisisCases.ownerId, actor.id));
  if (query.unowned === "1") conditions.push(isNull(crisisCases.ownerId));
  if (query.schoolId) conditions.push(eq(crisisCases.schoolId, query.schoolId));
  if (query.flag) conditions.push(sql`${query.flag} = ANY(${crisisCases.flags})`);
  const where = and(...conditions);
  const [total] = await db.select({ n: count() }).from(crisisCases).where(where);
  const rows = await db
    .select()
    .from(crisisCases)
    .where(where)
    .orderBy(sql`(${crisisCases.status} = 'closed')`, sql`case ${crisisCases.level} when 'crisis' then 0 when 'warning' then 1 else 2 end`, desc(crisisCases.updatedAt))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  return { items: await presentCaseRows(db, rows), total: total?.n ?? 0, page: query.page, pageSize: query.pageSize };
}


/** Cases the reader owns or follows, due for follow-up today or overdue, and the key periods under way. */
export async function dueFollowUps(db: DbOrTx, actor: StaffActor, now: Date): Promise<FollowUpDueView> {
  const today = countyDateOf(now);
  const rows = await db
    .select()
    .from(crisisCases)
    .where(and(notClosed, lte(crisisCases.nextFollowUpOn, today), ownOrTeamCondition(actor)))
    .orderBy(asc(crisisCases.nextFollowUpOn));
  const items = (await presentCaseRows(db, rows)).map((item) => ({ ...item, overdue: item.nextFollowUpOn !== null && item.nextFollowUpOn < today }));
  const periods = await db.select().from(keyPeriods).where(lte(keyPeriods.startsOn, addDays(today, 30))).orderBy(asc(keyPeriods.startsOn));
  const current = periods.filter((period) => period.endsOn >= today && addDays(period.startsOn, -period.remindDaysBefore) <= today);
  return { today, items, keyPeriods: current.map(presentKeyPeriod) };
}


/**
 * The whole case for one reader. The open is audited (case.view); a visible identity is audited again
 * (case.identity.view). Notes and feedback are decrypted here, for readers the policy allowed.
 */
export async function loadCaseDetail(props: { db: DbOrTx; services: Services; actor: StaffActor; caseId: string; origin: AuditOrigin }): Promise<CaseDetailView> {
  const { db, services, actor, caseId } = props;
  const row = await loadCase(db, caseId);
  if (!canReadCase(actor, row)) throw new AppError(404, "CASE_NOT_FOUND");
  const cipher = services.cipher;
  const [summary] = await presentCaseRows(db, [row]);
  const events = await db.select().from(caseEvents).where(eq(caseEvents.caseId, caseId)).orderBy(asc(caseEvents.id));
  const referrals = await db
    .select({ referral: caseReferrals, institutionName: referralInstitutions.name })
    .from(caseReferrals)
    .innerJoin(referralInstitutions, eq(referralInstitutions.id, caseReferrals.institutionId))
    .where(eq(caseReferrals.caseId, caseId))
    .orderBy(asc(caseReferrals.createdAt));
  const items = await db
    .select()
    .from(caseChecklistItems)
    .where(and(eq(caseChecklistItems.level, row.level), eq(caseChecklistItems.active, true)))
    .orderBy(asc(caseChecklistItems.sortOrder));
  const ticks = await db.select().from(caseChecklistTicks).where(eq(caseChecklistTicks.caseId, caseId));
  const links = await db.select().from(caseLinks).where(eq(caseLinks.caseId, caseId)).orderBy(asc(caseLinks.at));
  const [identity] = await db.select().from(caseIdentities).where(eq(caseIdentities.caseId, caseId)).limit(1);
  const plan = row.schoolId ? (await db.select().from(schoolEmergencyPlans).where(eq(schoolEmergencyPlans.schoolId, row.schoolId)).limit(1))[0] : undefined;
  const names = await namesOf(db, [...events.map((event) => event.actorId), ...row.teamIds, ...ticks.map((tick) => tick.tickedBy), identity?.recordedBy ?? null, identity?.reviewedBy ?? null]);
  const nameOf = (id: string | null) => (id ? names.get(id) ?? null : null);

  const checklist: CaseChecklistItemView[] = items.map((item) => {
    const tick = ticks.find((candidate) => candidate.itemId === item.id);
    return { id: item.id, label: item.label, tickedBy: tick ? nameOf(tick.tickedBy) : null, tickedAt: tick?.tickedAt.toISOString() ?? null };
  });

  let identityView: CaseIdentityView | null = null;
  if (identity) {
    const visible = identity.personEnc !== null && canSeeCaseIdentity(actor, row) && (identity.state === "approved" || (identity.emergency && identity.state === "pending"));
    identityView = {
      id: identity.id,
      state: identity.state as IdentityState,
      emergency: identity.emergency,
      legalBasis: identity.legalBasis as IdentityLegalBasis,
      recordedBy: nameOf(identity.recordedBy),
      recordedAt: identity.recordedAt.toISOString(),
      reviewedBy: nameOf(identity.reviewedBy),
    };
    if (visible) {
      identityView.person = JSON.parse(cipher.decrypt(identity.personEnc!, sealed.caseIdentityPerson.at(identity))) as NonNullable<CaseIdentityView["person"]>;
      await recordAudit(db, props.origin, { action: "case.identity.view", targetType: "crisis_case", targetId: caseId, detail: { identityId: identity.id } });
    }
  }
  await recordAudit(db, props.origin, { action: "case.view", targetType: "crisis_case", targetId: caseId });

  return {
    ...summary!,
    team: row.teamIds.map((staffId) => ({ staffId, name: nameOf(staffId) ?? "" })),
    closeReason: (row.closeReason as CaseCloseReason | null) ?? null,
    links: links.map((link) => ({ kind: link.kind as CaseLinkKind, id: link.targetId, at: link.at.toISOString(), riskLevel: (link.riskLevel as RiskLevel | null) ?? null })),
    timeline: events.map((event) => ({
      id: String(event.id),
      kind: event.kind as CaseEventKind,
      actorName: nameOf(event.actorId),
      at: event.at.toISOString(),
      note: event.noteEnc ? cipher.decrypt(event.noteEnc, sealed.caseEventNote.at(event)) : null,
      detail: event.detail,
    })),
    referrals: referrals.map(({ referral, institutionName }) => ({
      id: referral.id,
      institutionId: referral.institutionId,
      institutionName,
      state: referral.state as ReferralState,
      feedback: referral.feedbackEnc ? cipher.decrypt(referral.feedbackEnc, sealed.caseReferralFeedback.at(referral)) : null,
      createdAt: referral.createdAt.toISOString(),
      updatedAt: referral.updatedAt.toISOString(),
    })),
    checklist,
    identity: identityView,
    schoolPlan: plan && row.schoolId ? { schoolId: row.schoolId, schoolName: summary!.schoolName ?? "", planText: plan.planText, contacts: plan.contacts, updatedAt: plan.updatedAt.toISOString() } : null,
    hasPhone: row.phoneEnc !== null,
    can: {
      act: row.status !== "closed" && canActOnCase(actor, row),
      take: row.status !== "closed" && row.ownerId === null && canTakeCase(actor, row),
      handover: row.status !== "closed" && canHandOverCase(actor, row),
      reviewIdentity: identity?.state === "pending" && identity.recordedBy !== actor.id && canReviewCaseIdentity(actor, row),
    },
  };
}
