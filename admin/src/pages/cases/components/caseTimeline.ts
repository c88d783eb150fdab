import { caseActionLabels, caseCloseReasonLabels, caseLevelLabels, caseSourceLabels, caseStatusLabels, referralStateLabels, type CaseActionKind, type CaseCloseReason, type CaseEventKind, type CaseEventView, type CaseLevel, type CaseSourceKind, type CaseStatus, type ReferralState } from "@xinyuan/shared";

const fixed: Partial<Record<CaseEventKind, string>> = {
  taken: "认领个案",
  handed_over: "移交个案",
  team_changed: "调整跟进小组",
  flags_changed: "更新重点关注类别",
  follow_up_set: "设置下次跟进日期",
  identity_recorded: "登记学生身份",
  identity_approved: "身份登记审核通过",
  identity_rejected: "身份登记被驳回",
  ownerless_escalated: "危机个案超过 5 分钟无人认领，已升级提醒督导",
  follow_up_overdue: "跟进已逾期，已提醒督导",
};

/** One line for a timeline entry, in plain words. */
export function describeEvent(event: CaseEventView): string {
  const detail = event.detail as Record<string, string | boolean | undefined>;
  switch (event.kind) {
    case "opened":
      return `建档（${caseSourceLabels[detail.source as CaseSourceKind] ?? "人工"}，${caseLevelLabels[detail.level as CaseLevel] ?? ""}）`;
    case "joined":
      return `同一学生的新信号并入本个案（${caseSourceLabels[detail.source as CaseSourceKind] ?? ""}）`;
    case "level_changed":
      return `等级 ${caseLevelLabels[detail.from as CaseLevel] ?? ""} → ${caseLevelLabels[detail.to as CaseLevel] ?? ""}`;
    case "status_changed":
      return detail.to === "closed" ? `结案：${caseCloseReasonLabels[detail.reason as CaseCloseReason] ?? ""}` : `状态改为${caseStatusLabels[detail.to as CaseStatus] ?? ""}`;
    case "checklist_ticked":
      return `${detail.ticked ? "完成" : "取消"}检查项：${String(detail.item ?? "")}`;
    case "referral_created":
      return `转介至 ${String(detail.institution ?? "")}`;
    case "referral_updated":
      return `${String(detail.institution ?? "")}：${referralStateLabels[detail.to as ReferralState] ?? ""}`;
    case "key_period_reminder":
      return `重点时段提醒：${String(detail.period ?? "")}（${String(detail.startsOn ?? "")} 起），请主动联系学生`;
    default:
      return fixed[event.kind] ?? caseActionLabels[event.kind as CaseActionKind] ?? event.kind;
  }
}
