import dayjs from "dayjs";
import { changeText, chartRows, presetRange } from "./statisticsPeriods";

const cell = (count: number | null) => ({ count, suppressed: count === null });
const row = (current: number | null, previous: number | null) => ({ key: "k", label: "项", current: cell(current), previous: cell(previous) });

describe("statistics periods", () => {
  it("knows the county's terms and school years", () => {
    const fmt = (range: [dayjs.Dayjs, dayjs.Dayjs]) => range.map((day) => day.format("YYYY-MM-DD"));
    expect(fmt(presetRange("term", dayjs("2026-05-20")))).toEqual(["2026-02-01", "2026-05-20"]);
    expect(fmt(presetRange("term", dayjs("2026-10-08")))).toEqual(["2026-09-01", "2026-10-08"]);
    expect(fmt(presetRange("term", dayjs("2027-01-10")))).toEqual(["2026-09-01", "2027-01-10"]);
    expect(fmt(presetRange("schoolYear", dayjs("2026-05-20")))).toEqual(["2025-09-01", "2026-05-20"]);
    expect(fmt(presetRange("month", dayjs("2026-05-20")))).toEqual(["2026-05-01", "2026-05-20"]);
  });

  it("compares with the previous period only where both numbers are shown", () => {
    expect(changeText(row(12, 10))).toBe("+20%");
    expect(changeText(row(9, 10))).toBe("−10%");
    expect(changeText(row(7, 0))).toBe("新增");
    expect(changeText(row(null, 10))).toBe("");
    expect(changeText(row(10, 10))).toBe("持平");
  });

  it("leaves suppressed cells out of charts", () => {
    expect(chartRows([row(12, 10), row(null, 6)])).toEqual([{ label: "项", 本期: 12, 上期: 10 }]);
  });
});
