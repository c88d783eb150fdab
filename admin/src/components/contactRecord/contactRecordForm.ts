import type { ContactAction, ContactAgeBand, ContactCategoryTreeView, ContactChannel, ContactRecordBody, ContactRepeat, ReferralTarget, RiskLevel, StatedGender } from "@xinyuan/shared";

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

/** How the record form speaks of the contact: a chat is not a call, a letter is neither. */
export interface ContactRecordWording {
  categoryLabel: string;
  repeatLabels: Record<ContactRepeat, string>;
}

const contactNouns: Record<ContactChannel, string> = { hotline: "来电", callback: "来电", online: "咨询", mailbox: "来信", in_person: "面询" };

export function contactRecordWording(channel: ContactChannel): ContactRecordWording {
  const noun = contactNouns[channel];
  return { categoryLabel: `${noun}原因分类`, repeatLabels: { first: `首次${noun}`, repeat: `再次${noun}`, unknown: "不确定" } };
}

/**
 * Follow-up is switched on when the risk is assessed high or imminent, unless the counsellor already
 * chose for themselves: a high-risk contact must not end without an owned follow-up by default.
 */
export function followUpForRisk(risk: RiskLevel | undefined, followUpTouched: boolean): boolean | undefined {
  if (followUpTouched) return undefined;
  return risk === "high" || risk === "imminent" ? true : undefined;
}
