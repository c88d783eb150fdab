import type { ContactCategoryTreeView } from "@xinyuan/shared";
import { categoryTreeData, contactRecordWording, followUpForRisk, minutesSince, toContactRecordBody } from "./contactRecordForm";

const category = (id: string, name: string, active = true, parentId: string | null = null) => ({ id, code: id, name, parentId, sortOrder: 0, active });

describe("contact record form", () => {
  it("offers only active categories, 小类 under their 大类", () => {
    const tree: ContactCategoryTreeView[] = [
      { ...category("mh", "心理健康"), children: [category("mh.sh", "自伤", true, "mh"), category("mh.old", "旧分类", false, "mh")] },
      { ...category("gone", "停用大类", false), children: [] },
    ];
    expect(categoryTreeData(tree)).toEqual([{ value: "mh", title: "心理健康", children: [{ value: "mh.sh", title: "自伤" }] }]);
  });

  it("fills defaults and drops referral targets unless referral is ticked", () => {
    expect(toContactRecordBody({ categoryIds: ["a"], riskLevel: "low", referralTargets: ["school"], durationMinutes: 12.4, summary: "  聊了考试  " })).toEqual({
      categoryIds: ["a"],
      repeat: "unknown",
      gender: "not_stated",
      riskLevel: "low",
      actions: [],
      referralTargets: [],
      followUpNeeded: false,
      durationMinutes: 12,
      summary: "聊了考试",
    });
    expect(toContactRecordBody({ categoryIds: ["a"], riskLevel: "high", actions: ["referral"], referralTargets: ["medical"], ageBand: "14_17" })).toMatchObject({
      actions: ["referral"],
      referralTargets: ["medical"],
      ageBand: "14_17",
    });
  });

  it("rounds the duration since the start to whole minutes, at least one", () => {
    const now = new Date("2025-05-01T10:30:00Z");
    expect(minutesSince("2025-05-01T10:00:10Z", now)).toBe(30);
    expect(minutesSince("2025-05-01T10:29:59Z", now)).toBe(1);
    expect(minutesSince(null, now)).toBe(0);
  });

  it("words the form per channel: a chat is 咨询, a letter 来信, a call 来电", () => {
    expect(contactRecordWording("online")).toEqual({ categoryLabel: "咨询原因分类", repeatLabels: { first: "首次咨询", repeat: "再次咨询", unknown: "不确定" } });
    expect(contactRecordWording("mailbox").categoryLabel).toBe("来信原因分类");
    expect(contactRecordWording("hotline").repeatLabels.first).toBe("首次来电");
  });

  it("switches follow-up on for high and imminent risk unless the counsellor chose", () => {
    expect(followUpForRisk("high", false)).toBe(true);
    expect(followUpForRisk("imminent", false)).toBe(true);
    expect(followUpForRisk("low", false)).toBeUndefined();
    expect(followUpForRisk("imminent", true)).toBeUndefined();
  });
});
