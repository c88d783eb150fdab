import { z } from "zod";

/**
 * What the county centre's retention periods cover. Each kind erases text, never the row: counts, times,
 * risk levels and ratings stay, so the statistics are the same after erasure as before.
 */
export const retentionKinds = ["chats", "letters", "contactSummaries", "callbackTopics", "riskFeedback", "appointmentNotes"] as const;
export type RetentionKind = (typeof retentionKinds)[number];

export interface RetentionKindInfo {
  label: string;
  /** What is erased and what stays, in plain words for the settings page. */
  erases: string;
  /** Default period in days, counted from when the record ended. */
  defaultDays: number;
}

export const retentionKindInfo: Record<RetentionKind, RetentionKindInfo> = {
  chats: { label: "已结束的在线咨询", erases: "结束满期限后清除对话内容、老师笔记和评价留言；保留时间、评分和风险等级用于统计。", defaultDays: 1095 },
  letters: { label: "已结束的来信", erases: "结束满期限后清除主题、正文、回信和老师笔记；保留时间和回复时效用于统计。", defaultDays: 1095 },
  contactSummaries: { label: "通话与咨询记录摘要", erases: "记录满期限后清除摘要文字；保留渠道、分类、风险等级和时长用于统计。", defaultDays: 1095 },
  callbackTopics: { label: "回拨电话号码与话题", erases: "回拨结束满期限后清除电话号码、想聊的话题和提醒地址（通常结束时已清除）。", defaultDays: 30 },
  riskFeedback: { label: "风险识别反馈与语料", erases: "处理完满期限后清除反馈里抄录的原话，并删除由反馈加入的语料行；保留反馈类型和处理结果。", defaultDays: 730 },
  appointmentNotes: { label: "预约备注", erases: "预约满期限后清除预约时写的备注；保留预约、出席和付款记录。", defaultDays: 365 },
};

/** Never shorter than 30 days (a closed chat may still be reopened for a case), never longer than 30 years. */
export const retentionDays = z.number().int().min(30, { error: "保存期限至少 30 天。" }).max(10950, { error: "保存期限最长 30 年。" });

export const updateRetentionBody = z.object({
  kinds: z
    .array(z.object({ kind: z.enum(retentionKinds), days: retentionDays, enabled: z.boolean() }))
    .min(1)
    .max(retentionKinds.length),
});
export type UpdateRetentionBody = z.infer<typeof updateRetentionBody>;

export interface RetentionKindView {
  kind: RetentionKind;
  label: string;
  erases: string;
  days: number;
  defaultDays: number;
  enabled: boolean;
  /** The last dry run that counted this kind at its current period (enabling needs one from the last 30 days). */
  lastDryRun: { at: string; count: number } | null;
}

export interface RetentionRunView {
  id: string;
  mode: "dry_run" | "erase";
  startedAt: string;
  finishedAt: string | null;
  counts: Partial<Record<RetentionKind, number>>;
}

export interface RetentionView {
  kinds: RetentionKindView[];
  runs: RetentionRunView[];
}
