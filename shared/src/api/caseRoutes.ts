import { defineRoute } from "./contract";
import {
  caseActionBody,
  caseExportQuery,
  caseFromAlertBody,
  caseTeamBody,
  checklistItemBody,
  closeCaseBody,
  createReferralBody,
  handoverCaseBody,
  institutionBody,
  keyPeriodBody,
  listCasesQuery,
  readCaseConcernBody,
  recordIdentityBody,
  reviewIdentityBody,
  schoolPlanBody,
  tickChecklistBody,
  updateCaseBody,
  updateReferralBody,
} from "../cases";

const caseWorkers = ["counsellor", "supervisor", "centre_admin"] as const;
const caseActors = ["counsellor", "supervisor"] as const;
const centreAdmin = ["centre_admin"] as const;

/**
 * Crisis cases. Owners, the team, supervisors (in scope) and the county centre read a case; owners, the
 * team and supervisors act on it. Every read of a case is audited. Answer types from shared/src/cases.ts.
 */
export const caseRoutes = {
  /** Page<CaseSummaryView> */
  listCases: defineRoute({ method: "get", path: "/cases", summary: "危机个案列表", tag: "cases", audience: "staff", roles: caseWorkers, query: listCasesQuery }),
  /** FollowUpDueView: the reader's cases due for follow-up today or overdue, and key periods coming up. */
  dueFollowUps: defineRoute({ method: "get", path: "/cases/follow-ups/due", summary: "今日待跟进个案", tag: "cases", audience: "staff", roles: caseWorkers }),
  /** CaseDetailView (201 when opened, 200 when the alert joined the student's open case). */
  caseFromAlert: defineRoute({ method: "post", path: "/cases/from-alert", summary: "由风险预警建立个案", tag: "cases", audience: "staff", roles: ["supervisor"], body: caseFromAlertBody }),
  /** text/csv: 四川省中小学生心理健康档案台账 layout. Audited. */
  exportCases: defineRoute({ method: "get", path: "/cases/export.csv", summary: "导出高风险个案台账（CSV）", tag: "cases", audience: "staff", roles: ["supervisor", "centre_admin"], query: caseExportQuery }),
  /** CaseDetailView. Audited (case.view). */
  getCase: defineRoute({ method: "get", path: "/cases/:id", summary: "个案详情", tag: "cases", audience: "staff", roles: caseWorkers }),
  /** CaseConcernsView: 引发关注的内容, the flagged lines/letters/topics linked to the case, without text. */
  listCaseConcerns: defineRoute({ method: "get", path: "/cases/:id/concerns", summary: "个案引发关注的内容（不含原文）", tag: "cases", audience: "staff", roles: caseWorkers }),
  /** CaseConcernTextView: one item's text for the owner, the team or a supervisor in scope. Audited (case.source_read). Errors: CASE_SOURCE_NOT_FOUND. */
  readCaseConcern: defineRoute({ method: "post", path: "/cases/:id/concerns/read", summary: "查看引发关注内容的原文（留痕）", tag: "cases", audience: "staff", roles: caseActors, body: readCaseConcernBody }),
  /** CaseDetailView */
  updateCase: defineRoute({ method: "patch", path: "/cases/:id", summary: "修改个案（等级、标记、跟进日期）", tag: "cases", audience: "staff", roles: caseActors, body: updateCaseBody }),
  /** CaseDetailView. The reader becomes the owner of an unowned case. */
  takeCase: defineRoute({ method: "post", path: "/cases/:id/take", summary: "认领个案", tag: "cases", audience: "staff", roles: caseActors }),
  handoverCase: defineRoute({ method: "post", path: "/cases/:id/handover", summary: "移交个案", tag: "cases", audience: "staff", roles: caseActors, body: handoverCaseBody }),
  setCaseTeam: defineRoute({ method: "put", path: "/cases/:id/team", summary: "设置跟进小组（多对一）", tag: "cases", audience: "staff", roles: caseActors, body: caseTeamBody }),
  recordCaseAction: defineRoute({ method: "post", path: "/cases/:id/actions", summary: "记录处置动作", tag: "cases", audience: "staff", roles: caseActors, body: caseActionBody }),
  tickCaseChecklist: defineRoute({ method: "post", path: "/cases/:id/checklist", summary: "勾选应急检查项", tag: "cases", audience: "staff", roles: caseActors, body: tickChecklistBody }),
  createReferral: defineRoute({ method: "post", path: "/cases/:id/referrals", summary: "转介到机构", tag: "cases", audience: "staff", roles: caseActors, body: createReferralBody }),
  updateReferral: defineRoute({ method: "patch", path: "/cases/:id/referrals/:referralId", summary: "更新转介状态与机构反馈", tag: "cases", audience: "staff", roles: caseActors, body: updateReferralBody }),
  closeCase: defineRoute({ method: "post", path: "/cases/:id/close", summary: "结案", tag: "cases", audience: "staff", roles: caseActors, body: closeCaseBody }),
  /** { phone }: the owner reads an unsafe caller's kept call-back number. Audited (case.phone.reveal). */
  revealCasePhone: defineRoute({ method: "post", path: "/cases/:id/phone/reveal", summary: "查看保留的回拨号码（仅负责人，留痕）", tag: "cases", audience: "staff", roles: caseActors }),
  /** CaseDetailView. Errors: CASE_IDENTITY_EXISTS. */
  recordCaseIdentity: defineRoute({ method: "post", path: "/cases/:id/identity", summary: "登记学生身份", tag: "cases", audience: "staff", roles: caseActors, body: recordIdentityBody }),
  /** A second person (supervisor, not the recorder) approves or rejects. Errors: CASE_IDENTITY_SELF_REVIEW. */
  reviewCaseIdentity: defineRoute({ method: "post", path: "/cases/:id/identity/review", summary: "审核学生身份登记", tag: "cases", audience: "staff", roles: ["supervisor"], body: reviewIdentityBody }),

  /** InstitutionView[] */
  listInstitutions: defineRoute({ method: "get", path: "/referral-institutions", summary: "转介机构名录", tag: "cases", audience: "staff", roles: caseWorkers }),
  createInstitution: defineRoute({ method: "post", path: "/referral-institutions", summary: "新增转介机构", tag: "cases", audience: "staff", roles: centreAdmin, body: institutionBody }),
  updateInstitution: defineRoute({ method: "put", path: "/referral-institutions/:id", summary: "修改转介机构", tag: "cases", audience: "staff", roles: centreAdmin, body: institutionBody }),
  /** ChecklistItemView[] */
  listChecklistItems: defineRoute({ method: "get", path: "/case-checklist-items", summary: "应急检查项设置", tag: "cases", audience: "staff", roles: caseWorkers }),
  createChecklistItem: defineRoute({ method: "post", path: "/case-checklist-items", summary: "新增应急检查项", tag: "cases", audience: "staff", roles: centreAdmin, body: checklistItemBody }),
  updateChecklistItem: defineRoute({ method: "put", path: "/case-checklist-items/:id", summary: "修改应急检查项", tag: "cases", audience: "staff", roles: centreAdmin, body: checklistItemBody }),
  /** KeyPeriodView[] */
  listKeyPeriods: defineRoute({ method: "get", path: "/key-periods", summary: "重点时段日历", tag: "cases", audience: "staff", roles: caseWorkers }),
  createKeyPeriod: defineRoute({ method: "post", path: "/key-periods", summary: "新增重点时段", tag: "cases", audience: "staff", roles: centreAdmin, body: keyPeriodBody }),
  deleteKeyPeriod: defineRoute({ method: "delete", path: "/key-periods/:id", summary: "删除重点时段", tag: "cases", audience: "staff", roles: centreAdmin }),
  /** SchoolPlanView */
  getSchoolPlan: defineRoute({ method: "get", path: "/schools/:id/emergency-plan", summary: "学校应急预案", tag: "cases", audience: "staff", roles: caseWorkers }),
  putSchoolPlan: defineRoute({ method: "put", path: "/schools/:id/emergency-plan", summary: "保存学校应急预案", tag: "cases", audience: "staff", roles: centreAdmin, body: schoolPlanBody }),
} as const;
