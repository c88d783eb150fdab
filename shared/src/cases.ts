/**
 * Crisis cases (预防、预警、干预、转介, county plan measures 11 and 12). A case follows one student (by
 * alias) from a risk signal to closure: level, owner and team, status, priority-group flags, the next
 * follow-up date, linked contacts, actions, referrals, the centre's emergency checklist, and a timeline.
 */
import { z } from "zod";
import { uuid, trimmedText } from "./schemas/common";
import type { RiskLevel } from "./contacts";
import { riskTextSource, type RiskTextSource, type StoredRiskSignalCategory } from "./risk";

export const caseLevels = ["attention", "warning", "crisis"] as const;
export type CaseLevel = (typeof caseLevels)[number];
export const caseLevelLabels: Record<CaseLevel, string> = { attention: "关注", warning: "预警", crisis: "危机" };
export const caseLevelRank: Record<CaseLevel, number> = { attention: 0, warning: 1, crisis: 2 };

/** The level a counsellor's risk judgement opens a case at: imminent → 危机, high → 预警, else 关注. */
export function caseLevelForRisk(risk: RiskLevel): CaseLevel {
  if (risk === "imminent") return "crisis";
  if (risk === "high") return "warning";
  return "attention";
}

export const caseStatuses = ["open", "following_up", "referred", "closed"] as const;
export type CaseStatus = (typeof caseStatuses)[number];
export const caseStatusLabels: Record<CaseStatus, string> = { open: "待处理", following_up: "跟进中", referred: "已转介", closed: "已结案" };

export const caseTeamModes = ["one_to_one", "many_to_one"] as const;
export type CaseTeamMode = (typeof caseTeamModes)[number];
export const caseTeamModeLabels: Record<CaseTeamMode, string> = { one_to_one: "一对一", many_to_one: "多对一" };

/** The plan's priority groups (measure 11) and a psychiatric history. */
export const caseFlags = ["mental_health", "troubled_family", "left_behind", "psychiatric_history"] as const;
export type CaseFlag = (typeof caseFlags)[number];
export const caseFlagLabels: Record<CaseFlag, string> = { mental_health: "心理问题", troubled_family: "困境家庭", left_behind: "留守儿童", psychiatric_history: "精神病史" };

export const caseCloseReasons = ["resolved", "referred_completed", "moved_away", "no_contact", "duplicate", "other"] as const;
export type CaseCloseReason = (typeof caseCloseReasons)[number];
export const caseCloseReasonLabels: Record<CaseCloseReason, string> = {
  resolved: "风险解除，状态稳定",
  referred_completed: "转介完成，由机构持续跟进",
  moved_away: "转学或离开本县",
  no_contact: "多次联系不上",
  duplicate: "重复建档",
  other: "其他",
};

/** Where a case came from (发现途径). */
export const caseSourceKinds = ["contact_record", "alert", "missed_callback", "manual"] as const;
export type CaseSourceKind = (typeof caseSourceKinds)[number];
export const caseSourceLabels: Record<CaseSourceKind, string> = { contact_record: "咨询记录", alert: "风险预警", missed_callback: "紧急回拨未接通", manual: "人工建档" };

/** Contacts a case links to. */
export const caseLinkKinds = ["contact_record", "chat_conversation", "hotline_ticket", "letter", "alert"] as const;
export type CaseLinkKind = (typeof caseLinkKinds)[number];

/** Actions recorded on a case, each with its actor and time. */
export const caseActionKinds = ["guardian_contacted", "school_notified", "called_110", "called_120", "follow_up_contact", "note"] as const;
export type CaseActionKind = (typeof caseActionKinds)[number];
export const caseActionLabels: Record<CaseActionKind, string> = {
  guardian_contacted: "已联系监护人",
  school_notified: "已通知学校",
  called_110: "已拨打 110",
  called_120: "已拨打 120",
  follow_up_contact: "跟进联系",
  note: "备注",
};

/** Everything a timeline can show. */
export const caseEventKinds = [
  "opened",
  "joined",
  "level_changed",
  "taken",
  "handed_over",
  "team_changed",
  "status_changed",
  "flags_changed",
  "follow_up_set",
  "checklist_ticked",
  "referral_created",
  "referral_updated",
  "identity_recorded",
  "identity_approved",
  "identity_rejected",
  "ownerless_escalated",
  "follow_up_overdue",
  "key_period_reminder",
  ...caseActionKinds,
] as const;
export type CaseEventKind = (typeof caseEventKinds)[number];

export const referralStates = ["proposed", "sent", "accepted", "declined", "completed"] as const;
export type ReferralState = (typeof referralStates)[number];
export const referralStateLabels: Record<ReferralState, string> = { proposed: "拟转介", sent: "已转出", accepted: "机构已接收", declined: "机构未接收", completed: "已完成" };

/** Legal bases for recording who a child is (PIPL art. 13, 28, 31; 未成年人保护法 art. 11 mandatory reporting). */
export const identityLegalBases = ["vital_interest", "mandatory_report", "guardian_consent", "own_consent"] as const;
export type IdentityLegalBasis = (typeof identityLegalBases)[number];
export const identityLegalBasisLabels: Record<IdentityLegalBasis, string> = {
  vital_interest: "紧急情况下为保护其生命健康所必需（个人信息保护法第十三条第四项）",
  mandatory_report: "发现未成年人遭受或疑似遭受侵害、面临危险的强制报告（未成年人保护法第十一条）",
  guardian_consent: "已取得监护人同意（未满十四周岁，个人信息保护法第三十一条）",
  own_consent: "已取得本人单独同意（已满十四周岁）",
};
export const identityStates = ["pending", "approved", "rejected"] as const;
export type IdentityState = (typeof identityStates)[number];

export const keyPeriodKinds = ["exam", "school_start", "holiday", "graduation", "other"] as const;
export type KeyPeriodKind = (typeof keyPeriodKinds)[number];
export const keyPeriodKindLabels: Record<KeyPeriodKind, string> = { exam: "考试", school_start: "开学", holiday: "假期前后", graduation: "毕业", other: "其他" };

const countyDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: "日期格式应为 年-月-日" });
const note = z.string().trim().max(2000, { error: "说明不能超过 2000 字" }).default("");

export const listCasesQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
  status: z.enum([...caseStatuses, "active"]).optional(),
  level: z.enum(caseLevels).optional(),
  mine: z.enum(["1", "0"]).optional(),
  unowned: z.enum(["1", "0"]).optional(),
  schoolId: uuid.optional(),
  flag: z.enum(caseFlags).optional(),
});
export type ListCasesQuery = z.infer<typeof listCasesQuery>;

export const caseFromAlertBody = z.object({
  alertId: uuid,
  /** The alert's source; the server reads the student from it, never from the request. */
  source: z.object({ kind: z.enum(["chat", "hotline", "letter"]), id: uuid }),
  level: z.enum(["warning", "crisis"]).default("crisis"),
  note,
});
export type CaseFromAlertBody = z.infer<typeof caseFromAlertBody>;

export const caseActionBody = z.object({
  kind: z.enum(caseActionKinds),
  note,
  /** For a follow-up contact: when to follow up next (county date); null clears it. */
  nextFollowUpOn: countyDate.nullable().optional(),
});
export type CaseActionBody = z.infer<typeof caseActionBody>;

export const updateCaseBody = z.object({
  level: z.enum(caseLevels).optional(),
  flags: z.array(z.enum(caseFlags)).max(caseFlags.length).optional(),
  teamMode: z.enum(caseTeamModes).optional(),
  nextFollowUpOn: countyDate.nullable().optional(),
  status: z.enum(["open", "following_up", "referred"]).optional(),
});
export type UpdateCaseBody = z.infer<typeof updateCaseBody>;

export const closeCaseBody = z.object({ reason: z.enum(caseCloseReasons), note });
export type CloseCaseBody = z.infer<typeof closeCaseBody>;

export const handoverCaseBody = z.object({ toStaffId: uuid, note });
export type HandoverCaseBody = z.infer<typeof handoverCaseBody>;

export const caseTeamBody = z.object({ staffIds: z.array(uuid).max(10) });
export type CaseTeamBody = z.infer<typeof caseTeamBody>;

export const tickChecklistBody = z.object({ itemId: uuid, ticked: z.boolean() });
export type TickChecklistBody = z.infer<typeof tickChecklistBody>;

export const createReferralBody = z.object({ institutionId: uuid, note });
export type CreateReferralBody = z.infer<typeof createReferralBody>;

export const updateReferralBody = z.object({
  state: z.enum(referralStates),
  /** The institution's feedback (encrypted at rest). */
  feedback: z.string().trim().max(2000, { error: "反馈不能超过 2000 字" }).optional(),
});
export type UpdateReferralBody = z.infer<typeof updateReferralBody>;

export const recordIdentityBody = z.object({
  name: trimmedText(40, "姓名"),
  grade: z.string().trim().max(40).default(""),
  className: z.string().trim().max(40).default(""),
  guardianContact: z.string().trim().max(80).default(""),
  how: z.string().trim().max(400, { error: "来源说明不能超过 400 字" }).default(""),
  legalBasis: z.enum(identityLegalBases),
  /** Emergency: recorded and shown at once, reviewed by a second person afterwards. */
  emergency: z.boolean().default(false),
});
export type RecordIdentityBody = z.infer<typeof recordIdentityBody>;

export const reviewIdentityBody = z.object({ approve: z.boolean(), note });
export type ReviewIdentityBody = z.infer<typeof reviewIdentityBody>;

export const institutionBody = z.object({
  name: trimmedText(60, "机构名称"),
  kind: z.enum(["hospital", "mental_health_centre", "clinic", "social_service", "other"]).default("hospital"),
  phone: z.string().trim().max(40).default(""),
  address: z.string().trim().max(120).default(""),
  active: z.boolean().default(true),
});
export type InstitutionBody = z.infer<typeof institutionBody>;

export const checklistItemBody = z.object({ level: z.enum(caseLevels), label: trimmedText(80, "检查项"), sortOrder: z.number().int().min(0).max(1000).default(100), active: z.boolean().default(true) });
export type ChecklistItemBody = z.infer<typeof checklistItemBody>;

export const schoolPlanBody = z.object({
  planText: z.string().trim().max(20_000, { error: "预案内容不能超过 20000 字" }),
  contacts: z.array(z.object({ role: trimmedText(30, "职务"), name: trimmedText(30, "姓名"), phone: trimmedText(30, "电话") })).max(30),
});
export type SchoolPlanBody = z.infer<typeof schoolPlanBody>;

export const keyPeriodBody = z
  .object({ name: trimmedText(40, "名称"), kind: z.enum(keyPeriodKinds), startsOn: countyDate, endsOn: countyDate, remindDaysBefore: z.number().int().min(0).max(30).default(3) })
  .refine((b) => b.endsOn >= b.startsOn, { error: "结束日期不能早于开始日期", path: ["endsOn"] });
export type KeyPeriodBody = z.infer<typeof keyPeriodBody>;

export const caseExportQuery = z.object({
  minLevel: z.enum(caseLevels).default("warning"),
  from: countyDate.optional(),
  to: countyDate.optional(),
  includeClosed: z.enum(["1", "0"]).default("0"),
});
export type CaseExportQuery = z.infer<typeof caseExportQuery>;

export interface CaseSummaryView {
  id: string;
  number: number;
  subjectAlias: string;
  level: CaseLevel;
  status: CaseStatus;
  ownerId: string | null;
  ownerName: string | null;
  teamMode: CaseTeamMode;
  flags: CaseFlag[];
  schoolName: string | null;
  nextFollowUpOn: string | null;
  source: CaseSourceKind;
  openedAt: string;
  updatedAt: string;
}

export interface CaseEventView {
  id: string;
  kind: CaseEventKind;
  actorName: string | null;
  at: string;
  note: string | null;
  detail: Record<string, unknown>;
}

export interface CaseReferralView {
  id: string;
  institutionId: string;
  institutionName: string;
  state: ReferralState;
  feedback: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface CaseChecklistItemView {
  id: string;
  label: string;
  tickedBy: string | null;
  tickedAt: string | null;
}

export interface CaseIdentityView {
  id: string;
  state: IdentityState;
  emergency: boolean;
  legalBasis: IdentityLegalBasis;
  recordedBy: string | null;
  recordedAt: string;
  reviewedBy: string | null;
  /** Present only when the reader may see it (approved, or an emergency record); every view is audited. */
  person?: { name: string; grade: string; className: string; guardianContact: string; how: string };
}

export interface SchoolPlanView {
  schoolId: string;
  schoolName: string;
  planText: string;
  contacts: Array<{ role: string; name: string; phone: string }>;
  updatedAt: string | null;
}

/**
 * 引发关注的内容: a flagged student line, letter (or writer reply) or call-back topic linked to the case,
 * WITHOUT its text. Only what the detector flagged (level above "none") or a counsellor marked 标记为风险;
 * nothing around it. `source` is where it lives (read its text, or give feedback, with the case's permission).
 */
export interface CaseConcernView {
  source: RiskTextSource;
  at: string;
  detectedLevel: RiskLevel;
  detectedCategories: StoredRiskSignalCategory[];
  /** detector: the detector flagged it; counsellor: only a counsellor's 标记为风险 did. */
  flaggedBy: "detector" | "counsellor";
}

export interface CaseConcernsView {
  items: CaseConcernView[];
  /** May this reader open one item's text (查看原文) and mark it: the owner, the team, supervisors in scope; not centre admins. */
  canReadText: boolean;
}

/** 查看原文 of one item under 引发关注的内容. */
export const readCaseConcernBody = z.object({ source: riskTextSource });
export type ReadCaseConcernBody = z.infer<typeof readCaseConcernBody>;
export interface CaseConcernTextView {
  text: string;
}

export interface CaseDetailView extends CaseSummaryView {
  team: Array<{ staffId: string; name: string }>;
  closeReason: CaseCloseReason | null;
  links: Array<{ kind: CaseLinkKind; id: string; at: string; riskLevel: RiskLevel | null }>;
  timeline: CaseEventView[];
  referrals: CaseReferralView[];
  checklist: CaseChecklistItemView[];
  identity: CaseIdentityView | null;
  schoolPlan: SchoolPlanView | null;
  /** Whether an encrypted call-back number was kept (an unsafe caller's missed call-back). */
  hasPhone: boolean;
  can: { act: boolean; take: boolean; handover: boolean; reviewIdentity: boolean };
}

export interface InstitutionView {
  id: string;
  name: string;
  kind: string;
  phone: string;
  address: string;
  active: boolean;
}

export interface ChecklistItemView {
  id: string;
  level: CaseLevel;
  label: string;
  sortOrder: number;
  active: boolean;
}

export interface KeyPeriodView {
  id: string;
  name: string;
  kind: KeyPeriodKind;
  startsOn: string;
  endsOn: string;
  remindDaysBefore: number;
}

export interface FollowUpDueView {
  today: string;
  items: Array<CaseSummaryView & { overdue: boolean }>;
  keyPeriods: KeyPeriodView[];
}
