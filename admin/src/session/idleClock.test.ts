import { idleLimitMs, isIdle } from "./idleClock";

describe("idle logout clock", () => {
  it("is idle after exactly 30 minutes without activity, not before", () => {
    const last = Date.parse("2025-05-01T08:00:00+08:00");
    expect(idleLimitMs).toBe(30 * 60 * 1000);
    expect(isIdle(last, last + idleLimitMs - 1)).toBe(false);
    expect(isIdle(last, last + idleLimitMs)).toBe(true);
  });
});
