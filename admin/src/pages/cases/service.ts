import {
  apiRoutes,
  type CaseActionBody,
  type CaseConcernsView,
  type CaseConcernTextView,
  type CaseDetailView,
  type CaseSummaryView,
  type ChecklistItemBody,
  type ChecklistItemView,
  type CloseCaseBody,
  type FollowUpDueView,
  type InstitutionBody,
  type InstitutionView,
  type KeyPeriodBody,
  type KeyPeriodView,
  type ListCasesQuery,
  type Page,
  type RecordIdentityBody,
  type ReviewIdentityBody,
  type RiskTextSource,
  type SchoolPlanBody,
  type SchoolPlanView,
  type SchoolView,
  type UpdateCaseBody,
  type UpdateReferralBody,
} from "@xinyuan/shared";
import { call } from "../../request";
import { getToken } from "../../session/sessionStore";

/** The crisis-case page's API calls (answer types from shared/src/cases.ts). */
export const listCases = (query: Partial<ListCasesQuery> & { page: number; pageSize: number }) =>
  call<typeof apiRoutes.listCases, Page<CaseSummaryView>>(apiRoutes.listCases, { query, policy: "silent" });
export const fetchCase = (id: string) => call<typeof apiRoutes.getCase, CaseDetailView>(apiRoutes.getCase, { params: { id }, policy: "silent" });
/** 引发关注的内容 without text; 查看原文 opens one item (audited on the server). */
export const fetchCaseConcerns = (id: string) => call<typeof apiRoutes.listCaseConcerns, CaseConcernsView>(apiRoutes.listCaseConcerns, { params: { id }, policy: "silent" });
export const readCaseConcern = (id: string, source: RiskTextSource) =>
  call<typeof apiRoutes.readCaseConcern, CaseConcernTextView>(apiRoutes.readCaseConcern, { params: { id }, body: { source }, policy: "silent" });
export const fetchDueFollowUps = () => call<typeof apiRoutes.dueFollowUps, FollowUpDueView>(apiRoutes.dueFollowUps, { policy: "silent" });

const onCase = <C extends Parameters<typeof call>[0]>(contract: C) => (id: string, body?: unknown) =>
  call<C, CaseDetailView>(contract, { params: { id }, body: body as never });
export const takeCase = (id: string) => onCase(apiRoutes.takeCase)(id);
export const updateCase = (id: string, body: UpdateCaseBody) => onCase(apiRoutes.updateCase)(id, body);
export const recordAction = (id: string, body: Partial<CaseActionBody> & Pick<CaseActionBody, "kind">) => onCase(apiRoutes.recordCaseAction)(id, body);
export const tickChecklist = (id: string, itemId: string, ticked: boolean) => onCase(apiRoutes.tickCaseChecklist)(id, { itemId, ticked });
export const createReferral = (id: string, institutionId: string, note: string) => onCase(apiRoutes.createReferral)(id, { institutionId, note });
export const updateReferral = (id: string, referralId: string, body: UpdateReferralBody) =>
  call<typeof apiRoutes.updateReferral, CaseDetailView>(apiRoutes.updateReferral, { params: { id, referralId }, body });
export const handoverCase = (id: string, toStaffId: string, note: string) => onCase(apiRoutes.handoverCase)(id, { toStaffId, note });
export const closeCase = (id: string, body: Partial<CloseCaseBody> & Pick<CloseCaseBody, "reason">) => onCase(apiRoutes.closeCase)(id, body);
export const recordIdentity = (id: string, body: Partial<RecordIdentityBody> & Pick<RecordIdentityBody, "name" | "legalBasis">) => onCase(apiRoutes.recordCaseIdentity)(id, body);
export const reviewIdentity = (id: string, body: Partial<ReviewIdentityBody> & Pick<ReviewIdentityBody, "approve">) => onCase(apiRoutes.reviewCaseIdentity)(id, body);
export const revealPhone = (id: string) => call<typeof apiRoutes.revealCasePhone, { phone: string }>(apiRoutes.revealCasePhone, { params: { id } });

export const listInstitutions = () => call<typeof apiRoutes.listInstitutions, InstitutionView[]>(apiRoutes.listInstitutions, { policy: "silent" });
export const createInstitution = (body: InstitutionBody) => call<typeof apiRoutes.createInstitution, InstitutionView>(apiRoutes.createInstitution, { body });
export const updateInstitution = (id: string, body: InstitutionBody) => call<typeof apiRoutes.updateInstitution, InstitutionView>(apiRoutes.updateInstitution, { params: { id }, body });
export const listChecklistItems = () => call<typeof apiRoutes.listChecklistItems, ChecklistItemView[]>(apiRoutes.listChecklistItems, { policy: "silent" });
export const createChecklistItem = (body: ChecklistItemBody) => call<typeof apiRoutes.createChecklistItem, ChecklistItemView>(apiRoutes.createChecklistItem, { body });
export const updateChecklistItem = (id: string, body: ChecklistItemBody) => call<typeof apiRoutes.updateChecklistItem, ChecklistItemView>(apiRoutes.updateChecklistItem, { params: { id }, body });
export const listKeyPeriods = () => call<typeof apiRoutes.listKeyPeriods, KeyPeriodView[]>(apiRoutes.listKeyPeriods, { policy: "silent" });
export const createKeyPeriod = (body: KeyPeriodBody) => call<typeof apiRoutes.createKeyPeriod, KeyPeriodView>(apiRoutes.createKeyPeriod, { body });
export const deleteKeyPeriod = (id: string) => call(apiRoutes.deleteKeyPeriod, { params: { id } });

/** The ledger CSV goes through the same session as every call; the browser saves it as a file. */
export async function downloadLedger(): Promise<void> {
  const token = getToken();
  const response = await fetch("/api/v1/cases/export.csv?minLevel=warning", { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  if (!response.ok) throw new Error("导出没有成功，请稍后再试。");
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = "心理健康档案台账.csv";
  link.click();
  URL.revokeObjectURL(url);
}

export const searchSchools = (q: string) =>
  call<typeof apiRoutes.listSchools, Page<SchoolView>>(apiRoutes.listSchools, { query: { q: q || undefined, page: 1, pageSize: 50 }, policy: "silent" });
export const fetchSchoolPlan = (schoolId: string) => call<typeof apiRoutes.getSchoolPlan, SchoolPlanView>(apiRoutes.getSchoolPlan, { params: { id: schoolId }, policy: "silent" });
export const saveSchoolPlan = (schoolId: string, body: SchoolPlanBody) => call<typeof apiRoutes.putSchoolPlan, SchoolPlanView>(apiRoutes.putSchoolPlan, { params: { id: schoolId }, body });
