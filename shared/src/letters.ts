/**
 * 心理咨询电子邮箱 (letters) contracts shared by the server, the admin and the mini-program.
 *
 * A writer (student or parent) sends a letter to their school's mailbox (default), their 片区's teachers
 * or the county centre. Each submit carries a `clientSubmitId` the app made up and keeps in its outbox
 * until the server answered: resending the same id returns the letter already stored, never a second one.
 * Bodies are plain text written by people in distress: render as escaped text only.
 */
import { z } from "zod";
import { contactRecordBody, type RiskLevel } from "./contacts";
import type { RiskSignalCategory } from "./risk";
import { isoDay, uuid } from "./schemas/common";

export const letterTargets = ["school", "area", "county"] as const;
export type LetterTarget = (typeof letterTargets)[number];
export const letterTargetLabels: Record<LetterTarget, string> = { school: "我的学校", area: "片区心理老师", county: "县心理健康中心" };

export const letterStatuses = ["delivered", "read", "replied", "closed"] as const;
export type LetterStatus = (typeof letterStatuses)[number];
/** A reply is owed while the letter is delivered or read: only then can it be overdue or show a deadline. */
export const letterAwaitsReply = (status: LetterStatus): boolean => status === "delivered" || status === "read";
export const letterStatusLabels: Record<LetterStatus, string> = { delivered: "已送达", read: "老师已读", replied: "已回复", closed: "已结束" };

/** What the letter is about, in the writer's words (optional); the teacher's outcome record uses the full taxonomy. */
export const letterCategories = ["study", "friends", "family", "feelings", "body", "safety", "other"] as const;
export type LetterCategory = (typeof letterCategories)[number];
export const letterCategoryLabels: Record<LetterCategory, string> = {
  study: "学习和考试",
  friends: "同学和朋友",
  family: "家里的事",
  feelings: "心情和情绪",
  body: "身体和成长",
  safety: "有人伤害我",
  other: "其他",
};

export const letterSubjectMaxChars = 60;
export const letterBodyMaxChars = 5000;
export const letterReplyMaxChars = 5000;

/** A client's own id for a submit or a reply: 8-64 of [A-Za-z0-9_-]. */
export const letterClientId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, { error: "编号格式不正确" });

export const writeLetterBody = z.object({
  target: z.enum(letterTargets).default("school"),
  subject: z.string().trim().min(1, { error: "请写一个标题" }).max(letterSubjectMaxChars, { error: `标题不能超过 ${letterSubjectMaxChars} 个字` }),
  body: z.string().trim().min(1, { error: "信的内容不能是空的" }).max(letterBodyMaxChars, { error: `信的内容不能超过 ${letterBodyMaxChars} 个字，可以分几封写` }),
  category: z.enum(letterCategories).optional(),
  /** "你可以通过……联系我" — optional, encrypted. */
  contactPreference: z.string().trim().max(200, { error: "联系方式说明不能超过 200 字" }).optional(),
  /** Only meaningful for area / county: do not show it to my school's staff. */
  keepFromSchool: z.boolean().default(false),
  clientSubmitId: letterClientId,
});
export type WriteLetterBody = z.infer<typeof writeLetterBody>;

export const letterReplyBody = z.object({
  body: z.string().trim().min(1, { error: "回复不能是空的" }).max(letterReplyMaxChars, { error: `回复不能超过 ${letterReplyMaxChars} 字` }),
  clientMessageId: letterClientId,
});
export type LetterReplyBody = z.infer<typeof letterReplyBody>;

export const closeMyLetterBody = z.object({ thanks: z.string().trim().max(500, { error: "留言不能超过 500 字" }).optional() });
export type CloseMyLetterBody = z.infer<typeof closeMyLetterBody>;

export const letterReminderBody = z.object({ code: z.string().min(1).max(200) });
export type LetterReminderBody = z.infer<typeof letterReminderBody>;

/** Staff close a letter with the same outcome record as calls and chats (channel 信箱). */
export const closeLetterBody = z.object({ record: contactRecordBody });
export type CloseLetterBody = z.infer<typeof closeLetterBody>;

/** Assign to a colleague (or oneself). `expectedAssigneeId` is who the client saw: a stale view loses (409). */
export const assignLetterBody = z.object({ staffId: uuid, expectedAssigneeId: uuid.nullable() });
export type AssignLetterBody = z.infer<typeof assignLetterBody>;

export const letterNoteBody = z.object({ body: z.string().trim().min(1, { error: "备注不能是空的" }).max(2000, { error: "备注不能超过 2000 字" }) });
export type LetterNoteBody = z.infer<typeof letterNoteBody>;

export const letterTemplateBody = z.object({
  title: z.string().trim().min(1, { error: "请填写模板标题" }).max(40, { error: "模板标题不能超过 40 字" }),
  body: z.string().trim().min(1, { error: "模板内容不能是空的" }).max(letterReplyMaxChars),
  /** County-wide templates are for centre admins and supervisors. */
  shared: z.boolean().default(false),
});
export type LetterTemplateBody = z.infer<typeof letterTemplateBody>;
/** PATCH /letter-templates/:id: title and text (who it belongs to does not change). */
export const updateLetterTemplateBody = letterTemplateBody.pick({ title: true, body: true });
export type UpdateLetterTemplateBody = z.infer<typeof updateLetterTemplateBody>;

/** 寒暑假 (county-wide): no working days from startsOn to endsOn, both included; at most a year long. */
export const letterTermBody = z
  .object({
    name: z.string().trim().min(1, { error: "请填写假期名称，例如“2027 年寒假”" }).max(40, { error: "假期名称不能超过 40 字" }),
    startsOn: isoDay("请选择开始日期"),
    endsOn: isoDay("请选择结束日期"),
  })
  .refine((term) => term.endsOn >= term.startsOn, { error: "结束日期不能早于开始日期", path: ["endsOn"] })
  .refine((term) => Date.parse(term.endsOn) - Date.parse(term.startsOn) <= 366 * 86_400_000, { error: "一个假期最长一年，请分开填写", path: ["endsOn"] });
export type LetterTermBody = z.infer<typeof letterTermBody>;

export const letterDueFilters = ["overdue", "due_soon"] as const;
export type LetterDueFilter = (typeof letterDueFilters)[number];

export const listLettersQuery = z.object({
  mailboxId: uuid.optional(),
  status: z.enum(letterStatuses).optional(),
  /** open = not closed (the default inbox). */
  open: z.enum(["true", "false"]).optional(),
  due: z.enum(letterDueFilters).optional(),
  urgent: z.enum(["true", "false"]).optional(),
  category: z.enum(letterCategories).optional(),
  /** Alias or subject. */
  q: z.string().trim().max(60).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type ListLettersQuery = z.infer<typeof listLettersQuery>;

export const updateMailboxBody = z.object({
  memberStaffIds: z.array(uuid).max(50).optional(),
  autoAckText: z.string().trim().max(500, { error: "自动回复不能超过 500 字" }).optional(),
  outOfTermNotice: z.string().trim().max(500, { error: "假期提示不能超过 500 字" }).optional(),
  replyWorkingDays: z.number().int().min(1).max(10).optional(),
  active: z.boolean().optional(),
});
export type UpdateMailboxBody = z.infer<typeof updateMailboxBody>;

/** One place a writer may send to, with honest expectations. */
export interface LetterBoxOptionView {
  target: LetterTarget;
  available: boolean;
  mailboxName: string | null;
  /** Who will read it, in plain words. */
  readers: string;
  replyWorkingDays: number;
  /** Set while a 寒暑假 term is on. */
  outOfTermNotice: string | null;
  /** True when the school has no mailbox of its own and this goes to the area or county instead. */
  routedOnward: boolean;
}

export interface LetterBoxOptionsView {
  options: LetterBoxOptionView[];
  /** Letters are read on working days, not watched at night or on holidays. */
  notWatchedNotice: string;
}

export interface LetterMessageView {
  seq: number;
  from: "me" | "teacher" | "system";
  body: string;
  at: string;
}

/** The writer's own view. Never names a teacher. */
export interface MyLetterView {
  id: string;
  target: LetterTarget;
  mailboxName: string;
  subject: string;
  body: string;
  category: LetterCategory | null;
  status: LetterStatus;
  statusLabel: string;
  replyReminder: boolean;
  createdAt: string;
  messages?: LetterMessageView[];
}

export interface WriteLetterResult {
  letter: MyLetterView;
  /** True when this submit id was already stored (an outbox resend). */
  duplicate: boolean;
  /** The mailbox's auto-acknowledgement. */
  acknowledgement: string;
}

export interface StaffLetterMessageView {
  seq: number;
  from: "writer" | "staff" | "system";
  staffName: string | null;
  body: string;
  riskLevel: RiskLevel | null;
  at: string;
}

export interface StaffLetterView {
  id: string;
  alias: string;
  writerRole: "student" | "parent";
  mailboxId: string;
  mailboxName: string;
  handlingMailboxId: string;
  handlingMailboxName: string;
  escalationLevel: number;
  keepFromSchool: boolean;
  originSchoolName: string | null;
  subject: string;
  category: LetterCategory | null;
  status: LetterStatus;
  dueAt: string;
  overdue: boolean;
  urgent: boolean;
  riskLevel: RiskLevel;
  riskCategories: RiskSignalCategory[];
  assignedStaffId: string | null;
  assignedStaffName: string | null;
  contactRecordId: string | null;
  createdAt: string;
  /** Detail only. */
  body?: string;
  contactPreference?: string | null;
  messages?: StaffLetterMessageView[];
}

export interface LetterNoteView {
  id: string;
  staffName: string | null;
  body: string;
  createdAt: string;
}

export interface LetterTermView {
  id: string;
  name: string;
  /** YYYY-MM-DD, county dates, both included. */
  startsOn: string;
  endsOn: string;
}

export interface LetterTemplateView {
  id: string;
  title: string;
  body: string;
  shared: boolean;
}

export interface LetterAssigneeView {
  id: string;
  displayName: string;
}

export interface MailboxView {
  id: string;
  kind: LetterTarget;
  name: string;
  schoolId: string | null;
  areaId: string | null;
  autoAckText: string;
  outOfTermNotice: string;
  replyWorkingDays: number;
  active: boolean;
  members: LetterAssigneeView[];
  openLetters: number;
  /** Whether the reader may change the settings. */
  editable: boolean;
}
