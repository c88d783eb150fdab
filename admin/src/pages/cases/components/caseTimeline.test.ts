import type { CaseEventView } from "@xinyuan/shared";
import { describeEvent } from "./caseTimeline";

const event = (kind: CaseEventView["kind"], detail: Record<string, unknown> = {}): CaseEventView => ({ id: "1", kind, actorName: null, at: "2026-12-06T08:00:00.000Z", note: null, detail });

describe("describeEvent", () => {
  it.each<[CaseEventView, string]>([
    [event("opened", { source: "contact_record", level: "warning" }), "建档（咨询记录，预警）"],
    [event("level_changed", { from: "warning", to: "crisis" }), "等级 预警 → 危机"],
    [event("status_changed", { to: "closed", reason: "resolved" }), "结案：风险解除，状态稳定"],
    [event("referral_updated", { institution: "达州市心理卫生中心", to: "accepted" }), "达州市心理卫生中心：机构已接收"],
    [event("called_120"), "已拨打 120"],
    [event("ownerless_escalated"), "危机个案超过 5 分钟无人认领，已升级提醒督导"],
  ])("says %j as plain words", (input, words) => {
    expect(describeEvent(input)).toBe(words);
  });
});
