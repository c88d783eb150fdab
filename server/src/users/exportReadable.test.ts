import { features } from "../features/registry";
import { withAuditTrail, type ExportSection } from "./exportSections";
import { exportSectionsOf } from "../features/featureParts";
import { guardianInvitationExportSection } from "./guardianInvitations";

/**
 * Every section of the data export has a Chinese heading and a renderer, and renders representative data
 * without English keys, internal ids or UTC timestamps. A feature that registers a new section fails here
 * until it has a sample below (and so a renderer that was looked at).
 */
const at = "2026-12-06T11:30:00.000Z"; // 19:30 in county time
const later = "2026-12-06T12:05:00.000Z"; // 20:05

const samples: Record<string, { data: unknown; expect: string[] }> = {
  chats: {
    data: [{ startedAt: at, status: "closed", closedAt: later, rating: 5, ratingComment: "谢谢老师", replyReminderSet: true, messages: [
      { seq: 1, from: "me", text: "最近考试压力好大", at },
      { seq: 2, from: "counsellor", text: "我在，慢慢说", at: later },
      { seq: 3, from: "system", text: "咨询已结束", at: later },
    ] }],
    expect: ["第 1 次咨询：2026-12-06 19:30 开始，已结束（2026-12-06 20:05 结束）", "  2026-12-06 19:30  我：最近考试压力好大", "  2026-12-06 20:05  老师：我在，慢慢说", "  2026-12-06 20:05  系统提示：咨询已结束", "  我的评价：5 星，谢谢老师"],
  },
  hotline: {
    data: [{ number: 12, kind: "callback", status: "waiting", joinedAt: at, window: { start: at, end: later }, phone: "13800138000", topic: "睡不着", attempts: 1, closedAt: null }],
    expect: ["2026-12-06 19:30  请老师回电，排队号 12，排队中", "  希望回电的时间：2026-12-06 19:30 至 2026-12-06 20:05", "  留下的电话：13800138000", "  想聊的事：睡不着", "  老师已尝试回电 1 次"],
  },
  letters: {
    data: [{ sentAt: at, to: "城关中学心理信箱", subject: "同桌", body: "我和同桌闹翻了", category: null, contactPreference: "可以在学校找我", status: "replied", closedAt: null, messages: [
      { seq: 1, from: "teacher", text: "收到你的信了", at: later },
      { seq: 2, from: "me", text: "谢谢", at: later },
    ] }],
    expect: ["2026-12-06 19:30  写给：城关中学心理信箱，已回复", "  标题：同桌", "  正文：我和同桌闹翻了", "  希望的联系方式：可以在学校找我", "  2026-12-06 20:05  老师：收到你的信了", "  2026-12-06 20:05  我：谢谢"],
  },
  appointments: {
    data: [{ status: "paid", startsAt: later, endsAt: "2026-12-06T12:55:00.000Z", amountFen: 5000, forChild: true, note: "孩子不爱说话", bookedAt: at }],
    expect: ["2026-12-06 19:30 预约了 2026-12-06 20:05 至 20:55 的咨询（为孩子预约），已付款，费用 50.00 元", "  我的留言：孩子不爱说话"],
  },
  eventSignups: {
    data: [{ event: "考前减压团体辅导", status: "cancelled", note: "想和同学一起", createdAt: at, cancelledAt: later }],
    expect: ["2026-12-06 19:30 报名「考前减压团体辅导」，已取消（2026-12-06 20:05）", "  我的备注：想和同学一起"],
  },
  crisisCases: {
    data: { note: "这里列出心理中心为关心你的安全而建立的跟进记录。", cases: [{ openedAt: at, open: true, closedAt: null, identityRecorded: { legalBasis: "vital_interest" }, callbackNumberKept: true }] },
    expect: ["这里列出心理中心为关心你的安全而建立的跟进记录。", "2026-12-06 19:30 建立，仍在跟进", "  记录了你的身份信息，依据：紧急情况下为保护其生命健康所必需（个人信息保护法第十三条第四项）", "  保存了一个回电号码"],
  },
  guardianInvitations: {
    data: [
      { role: "sent", createdAt: at, expiresAt: later, status: "confirmed", guardianRelation: "mother", decidedAt: later },
      { role: "answered", createdAt: at, expiresAt: later, status: "declined", guardianRelation: null, decidedAt: later },
    ],
    expect: ["2026-12-06 19:30  我发给监护人的邀请：监护人已同意（母亲），2026-12-06 20:05 处理", "2026-12-06 19:30  我作为监护人处理的邀请：监护人暂不同意，2026-12-06 20:05 处理"],
  },
  auditTrail: {
    data: [{ at, action: "user.login", by: "user" }, { at: later, action: "some.unlabelled.action", by: "staff" }],
    expect: ["2026-12-06 19:30  我：小程序用户登录", "2026-12-06 20:05  工作人员：其他操作"],
  },
};

describe("readable export", () => {
  // The users layer's own section (guardian invitations) comes before the features' sections, the audit trail last.
  const sections = withAuditTrail([guardianInvitationExportSection as ExportSection, ...exportSectionsOf(features)]);

  it("has a sample for every registered section (a new section must be rendered in Chinese too)", () => {
    expect(sections.map((section) => section.key).filter((key) => !(key in samples))).toEqual([]);
  });

  it.each(sections.map((section) => [section.key, section] as const))("renders %s with a Chinese heading, Chinese labels and county times", (key, section) => {
    expect(section.title).toMatch(/^[\u4e00-\u9fff（）]+$/);
    expect(typeof section.render).toBe("function");
    const sample = samples[key]!;
    const lines = section.render(sample.data);
    for (const line of sample.expect) expect(lines).toContain(line);
    const text = lines.join("\n");
    expect(text).not.toMatch(/[A-Za-z]{2,}/);
    expect(text).not.toMatch(/\d{4}-\d\d-\d\dT/);
  });

  it("renders an empty section as no lines (shown as （没有记录）)", () => {
    for (const section of sections) expect(section.render(section.key === "crisisCases" ? { note: "说明", cases: [] } : [])).toEqual([]);
  });
});
