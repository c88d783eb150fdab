import dayjs from "dayjs";
import type { ShiftView } from "@xinyuan/shared";
import { gapMinutesByDay, shiftDeleteQuestion, shiftLabel, shiftsOn, upcomingGaps, weekDays, weekStartOf } from "./rosterWeek";

describe("roster week", () => {
  it("starts weeks on Monday, also from a Sunday", () => {
    expect(weekStartOf(dayjs("2025-05-04T15:00:00")).format("YYYY-MM-DD")).toBe("2025-04-28");
    expect(weekStartOf(dayjs("2025-04-28T00:00:00")).format("YYYY-MM-DD")).toBe("2025-04-28");
    expect(weekDays(dayjs("2025-04-28")).map((day) => day.format("DD"))).toEqual(["28", "29", "30", "01", "02", "03", "04"]);
  });

  it("groups shifts by counsellor and county day, also a shift starting just after county midnight", () => {
    const shift = (id: string, staffId: string, startsAt: string): ShiftView => ({ id, staffId, staffName: "", startsAt, endsAt: startsAt, note: null, onLeave: false });
    const shifts = [shift("a", "s1", "2025-04-28T08:00:00+08:00"), shift("b", "s2", "2025-04-28T08:00:00+08:00"), shift("c", "s1", "2025-04-29T08:00:00+08:00")];
    expect(shiftsOn(shifts, "s1", dayjs("2025-04-28")).map((item) => item.id)).toEqual(["a"]);
    // 00:30 in the county is still the day before in a browser west of it: the grid puts it on the county day.
    expect(shiftsOn([shift("d", "s1", "2025-04-28T00:30:00+08:00")], "s1", dayjs("2025-04-28")).map((item) => item.id)).toEqual(["d"]);
  });

  it("adds up uncovered minutes per day", () => {
    const gaps = [
      { startsAt: "2025-04-28T08:00:00+08:00", endsAt: "2025-04-28T09:00:00+08:00", minutes: 60 },
      { startsAt: "2025-04-28T20:00:00+08:00", endsAt: "2025-04-28T22:00:00+08:00", minutes: 120 },
    ];
    expect(gapMinutesByDay({ gaps }).get("2025-04-28")).toBe(180);
  });

  it("names whose shift and which hours before deleting it", () => {
    expect(shiftDeleteQuestion("王老师", { startsAt: "2025-04-28T08:00:00+08:00", endsAt: "2025-04-28T12:00:00+08:00" })).toBe("删除 王老师 4月28日 08:00–12:00 的班次？");
    expect(shiftDeleteQuestion("王老师", { startsAt: "2025-04-28T22:00:00+08:00", endsAt: "2025-04-29T06:00:00+08:00" })).toBe("删除 王老师 4月28日 22:00–4月29日 06:00 的班次？");
  });

  it("shows a round-the-clock shift as 24 hours and a night shift as ending the next day", () => {
    expect(shiftLabel({ startsAt: "2025-04-28T08:00:00+08:00", endsAt: "2025-04-29T08:00:00+08:00" })).toBe("08:00 起 24 小时");
    expect(shiftLabel({ startsAt: "2025-04-28T22:00:00+08:00", endsAt: "2025-04-29T06:00:00+08:00" })).toBe("22:00–次日06:00");
    expect(shiftLabel({ startsAt: "2025-04-28T08:00:00+08:00", endsAt: "2025-04-28T12:00:00+08:00" })).toBe("08:00–12:00");
    expect(shiftLabel({ startsAt: "2025-04-28T20:00:00+08:00", endsAt: "2025-04-30T08:00:00+08:00" })).toBe("20:00–4月30日 08:00");
  });

  it("lists only gaps that have not ended", () => {
    const gaps = [
      { startsAt: "2025-04-28T08:00:00+08:00", endsAt: "2025-04-28T09:00:00+08:00", minutes: 60 },
      { startsAt: "2025-04-30T20:00:00+08:00", endsAt: "2025-04-30T22:00:00+08:00", minutes: 120 },
    ];
    expect(upcomingGaps(gaps, dayjs("2025-04-29T10:00:00+08:00")).map((gap) => gap.minutes)).toEqual([120]);
  });
});
