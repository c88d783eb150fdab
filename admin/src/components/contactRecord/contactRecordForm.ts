import type { ContactAction, ContactAgeBand, ContactCategoryTreeView, ContactRecordBody, ContactRepeat, ReferralTarget, RiskLevel, StatedGender } from "@xinyuan/shared";

/** The outcome form's values as antd holds them (the same form for hotline calls and chats). */
export interface ContactRecordValues {
  durationMinutes?: number | null;
  categoryIds?: string[];
  riskLevel?: RiskLevel;
  repeat?: ContactRepeat;
  gender?: StatedGender;
  ageBand?: ContactAgeBand;
  actions?: ContactAction[];
  referralTargets?: ReferralTarget[];
  followUpNeeded?: boolean;
  summary?: string;
}

export interface CategoryTreeNode {
  value: string;
  title: string;
  children?: CategoryTreeNode[];
}

/** The taxonomy as TreeSelect data: active 大类 with their active 小类, in the county's order. */
export function categoryTreeData(tree: readonly ContactCategoryTreeView[]): CategoryTreeNode[] {
  return tree
    .filter((group) => group.active)
    .map((group) => ({
      value: group.id,
      title: group.name,
      children: group.children.filter((child) => child.active).map((child) => ({ value: child.id, title: child.name })),
    }));
}

/** Turns the form's values into the contact record body; referral targets only count when referral is ticked. */
export function toContactRecordBody(values: ContactRecordValues): ContactRecordBody {
  const actions = values.actions ?? [];
  return {
    categoryIds: values.categoryIds ?? [],
    repeat: values.repeat ?? "unknown",
    ...(values.ageBand ? { ageBand: values.ageBand } : {}),
    gender: values.gender ?? "not_stated",
    riskLevel: values.riskLevel ?? "none",
    actions,
    referralTargets: actions.includes("referral") ? (values.referralTargets ?? []) : [],
    followUpNeeded: values.followUpNeeded ?? false,
    durationMinutes: Math.max(0, Math.round(values.durationMinutes ?? 0)),
    summary: (values.summary ?? "").trim(),
  };
}

/** Whole minutes since `startedAt` (at least 1), to prefill the duration of a call or chat. */
export function minutesSince(startedAt: string | null | undefined, now: Date = new Date()): number {
  if (!startedAt) return 0;
  return Math.max(1, Math.round((now.getTime() - new Date(startedAt).getTime()) / 60_000));
}
