import type { HotlineQueueEntryView } from "@xinyuan/shared";
import { claimByNumberQuestion, describeWait, queueOrder } from "./queueFormat";

const entry = (number: number, joinedAt: string, priority: "urgent" | "normal" = "normal", position: number | null = null): HotlineQueueEntryView => ({
  id: `t${number}`,
  number,
  kind: "inbound",
  status: "waiting",
  alias: `同学${number}`,
  priority,
  position,
  joinedAt,
  waitedMinutes: 0,
  scheduledFor: null,
  window: null,
  attempts: 0,
  claimedBy: null,
});

describe("hotline queue formatting", () => {
  it("puts urgent callers first, then the earliest", () => {
    const ordered = queueOrder([entry(1, "2025-05-01T08:00:00Z"), entry(3, "2025-05-01T08:05:00Z", "urgent"), entry(2, "2025-05-01T08:01:00Z")]);
    expect(ordered.map((item) => item.number)).toEqual([3, 1, 2]);
  });

  it("follows the server's positions when it gives them", () => {
    expect(queueOrder([entry(1, "2025-05-01T08:00:00Z", "normal", 2), entry(2, "2025-05-01T08:01:00Z", "normal", 1)]).map((item) => item.number)).toEqual([2, 1]);
  });

  it("says how long someone has waited in plain words", () => {
    expect(describeWait(0)).toBe("刚刚加入");
    expect(describeWait(12)).toBe("已等 12 分钟");
    expect(describeWait(75)).toBe("已等 1 小时 15 分钟");
  });

  it("reads the typed ticket number back before claiming it", () => {
    expect(claimByNumberQuestion(17)).toEqual({ title: "确认接起 17 号来电？", content: "请先和来电者核对排队号。" });
  });
});
