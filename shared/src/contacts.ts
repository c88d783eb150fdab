/**
 * Contact records: one structured record per contact (a hotline call, a call-back, a chat, a letter, a
 * face-to-face session), classified by the county's reasons-for-contact taxonomy (Child Helpline
 * International's framework adapted to Chinese schools; the categories themselves are data the county
 * centre edits, see GET /contact-categories). Used by the hotline now and by anonymous chat later.
 */
import { z } from "zod";
import { ageBands, type AgeBand } from "./roles";
import { uuid } from "./schemas/common";

/** How the contact happened. */
export const contactChannels = ["hotline", "callback", "online", "mailbox", "in_person"] as const;
export type ContactChannel = (typeof contactChannels)[number];
export const contactChannelLabels: Record<ContactChannel, string> = {
  hotline: "热线",
  callback: "回拨",
  online: "在线",
  mailbox: "信箱",
  in_person: "面询",
};

/** Risk as the counsellor judged it. high and imminent start the crisis procedure. */
export const riskLevels = ["none", "low", "medium", "high", "imminent"] as const;
export type RiskLevel = (typeof riskLevels)[number];
export const riskLevelLabels: Record<RiskLevel, string> = {
  none: "无风险",
  low: "低风险",
  medium: "中风险",
  high: "高风险",
  imminent: "紧急危险",
};
/** Ordering for comparisons ("at least high"). */
export const riskLevelRank: Record<RiskLevel, number> = { none: 0, low: 1, medium: 2, high: 3, imminent: 4 };

/** Whether this is the person's first contact with the service. */
export const contactRepeats = ["first", "repeat", "unknown"] as const;
export type ContactRepeat = (typeof contactRepeats)[number];
export const contactRepeatLabels: Record<ContactRepeat, string> = { first: "首次来电", repeat: "再次来电", unknown: "不确定" };

/** Gender as the contact states it (never inferred). */
export const statedGenders = ["female", "male", "other", "not_stated"] as const;
export type StatedGender = (typeof statedGenders)[number];
export const statedGenderLabels: Record<StatedGender, string> = { female: "女", male: "男", other: "其他", not_stated: "未说明" };

/** Age band as stated; the user's own band when known, "unknown" otherwise. */
export const contactAgeBands = [...ageBands, "unknown"] as const;
export type ContactAgeBand = AgeBand | "unknown";

/** What the counsellor did. */
export const contactActions = ["direct_support", "resources_given", "referral", "safety_plan", "guardian_informed"] as const;
export type ContactAction = (typeof contactActions)[number];
export const contactActionLabels: Record<ContactAction, string> = {
  direct_support: "直接支持（倾听、疏导）",
  resources_given: "提供资源信息",
  referral: "转介",
  safety_plan: "制定安全计划",
  guardian_informed: "告知监护人",
};

/** Where a referral (转介) went. */
export const referralTargets = ["school", "guardian", "medical", "police", "child_protection", "other"] as const;
export type ReferralTarget = (typeof referralTargets)[number];
export const referralTargetLabels: Record<ReferralTarget, string> = {
  school: "学校",
  guardian: "监护人",
  medical: "医疗/精神卫生机构",
  police: "公安机关",
  child_protection: "未成年人保护机构",
  other: "其他",
};

/** One category of the taxonomy: a 大类 (parentId null) or a 小类 under one. */
export interface ContactCategoryView {
  id: string;
  /** Stable code for statistics across renames, e.g. "mental_health.self_harm". */
  code: string;
  name: string;
  parentId: string | null;
  sortOrder: number;
  active: boolean;
}

/** The taxonomy as a tree: 大类 with their 小类, in display order. */
export interface ContactCategoryTreeView extends ContactCategoryView {
  children: ContactCategoryView[];
}

export const createContactCategoryBody = z.object({
  name: z.string().trim().min(1, { error: "请填写分类名称" }).max(40, { error: "分类名称不能超过 40 个字" }),
  /** A 小类 names its 大类; leave out for a new 大类. */
  parentId: uuid.optional(),
  sortOrder: z.number().int().min(0).max(10_000).optional(),
});
export type CreateContactCategoryBody = z.infer<typeof createContactCategoryBody>;

/** Categories are never deleted (old records keep pointing at them): deactivate instead. */
export const updateContactCategoryBody = z.object({
  name: z.string().trim().min(1, { error: "请填写分类名称" }).max(40, { error: "分类名称不能超过 40 个字" }).optional(),
  sortOrder: z.number().int().min(0).max(10_000).optional(),
  active: z.boolean().optional(),
});
export type UpdateContactCategoryBody = z.infer<typeof updateContactCategoryBody>;

/** The structured record a counsellor fills in after a contact. */
export const contactRecordBody = z
  .object({
    /** One or several categories (大类 or 小类). */
    categoryIds: z.array(uuid).min(1, { error: "请至少选择一个来电原因分类" }).max(12),
    repeat: z.enum(contactRepeats).default("unknown"),
    ageBand: z.enum(contactAgeBands).optional(),
    gender: z.enum(statedGenders).default("not_stated"),
    /** Overrides the school the user gave in their profile (what the contact said). */
    schoolId: uuid.nullable().optional(),
    riskLevel: z.enum(riskLevels),
    actions: z.array(z.enum(contactActions)).max(contactActions.length).default([]),
    referralTargets: z.array(z.enum(referralTargets)).max(referralTargets.length).default([]),
    followUpNeeded: z.boolean().default(false),
    durationMinutes: z.number().int().min(0).max(600),
    /** Encrypted at rest; only the recording counsellor, supervisors and later claimants of the same alias read it. */
    summary: z.string().trim().max(4000, { error: "记录摘要不能超过 4000 字" }).default(""),
  })
  .refine((body) => body.referralTargets.length === 0 || body.actions.includes("referral"), {
    error: "选择了转介去向时，请同时勾选“转介”",
    path: ["referralTargets"],
  });
export type ContactRecordBody = z.infer<typeof contactRecordBody>;

/** A contact record as staff see it. `summary` is present only where the reader may see it. */
export interface ContactRecordView {
  id: string;
  channel: ContactChannel;
  alias: string | null;
  staffId: string;
  staffName: string | null;
  categories: Array<{ id: string; code: string; name: string }>;
  repeat: ContactRepeat;
  ageBand: ContactAgeBand;
  gender: StatedGender;
  schoolName: string | null;
  riskLevel: RiskLevel;
  actions: ContactAction[];
  referralTargets: ReferralTarget[];
  followUpNeeded: boolean;
  durationMinutes: number;
  summary?: string;
  recordedAt: string;
}
