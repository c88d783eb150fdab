import { countyInstant, countyInstantOfPicked, countyPickerValue, countyToday, formatCountyTime } from "./countyTime";

/**
 * Run with another zone (the admin jest config sets TZ=America/New_York): the pages must still show
 * county time, the time the service and the county keep.
 */
describe("county time in the admin", () => {
  it("runs in a zone other than the county's (the test means something only then)", () => {
    expect(new Date("2026-12-07T00:30:00Z").getTimezoneOffset()).not.toBe(-480);
  });

  it("formats an instant in Asia/Shanghai whatever the browser's zone", () => {
    // 00:30 UTC is 08:30 in 渠县 on the same day, but 19:30 of the day before in New York.
    expect(formatCountyTime("2026-12-07T00:30:00Z", "YYYY-MM-DD HH:mm")).toBe("2026-12-07 08:30");
    expect(formatCountyTime("2026-12-06T17:10:00Z", "M月D日 HH:mm")).toBe("12月7日 01:10");
    expect(formatCountyTime(new Date("2026-05-25T12:00:00Z"), "HH:mm")).toBe("20:00");
  });

  it("knows the county's today and the instant of a county wall-clock time", () => {
    expect(countyToday("2026-12-06T16:30:00Z")).toBe("2026-12-07");
    expect(countyInstant("2026-12-07", "08:00").toISOString()).toBe("2026-12-07T00:00:00.000Z");
    expect(countyInstant("2026-12-07").toISOString()).toBe("2026-12-06T16:00:00.000Z");
  });

  it("lets a date picker show and take county wall-clock time", () => {
    // A shift stored as 08:00 in the county reads 08:00 in the picker, and 08:00 picked means 08:00 in the county.
    const shown = countyPickerValue("2026-12-07T00:00:00Z");
    expect(shown.format("YYYY-MM-DD HH:mm")).toBe("2026-12-07 08:00");
    expect(countyInstantOfPicked(shown)).toBe("2026-12-07T00:00:00.000Z");
    expect(countyInstantOfPicked(shown.hour(22).minute(30))).toBe("2026-12-07T14:30:00.000Z");
  });
});
