import { countyDateOf, countyInstant, countyRfc3339Of } from "./countyTime";

/** County time is UTC+8 whatever the server's own zone (payments, appointments and the roster all read it here). */
describe("county time", () => {
  it("starts a county day at 16:00 UTC the day before", () => {
    expect(countyInstant("2026-05-20").toISOString()).toBe("2026-05-19T16:00:00.000Z");
    expect(countyInstant("2026-05-20", "24:00").toISOString()).toBe("2026-05-20T16:00:00.000Z");
  });

  it("writes WeChat Pay's RFC 3339 time at +08:00, seconds precision", () => {
    expect(countyRfc3339Of(new Date("2026-05-20T06:30:15.789Z"))).toBe("2026-05-20T14:30:15+08:00");
    expect(countyRfc3339Of(new Date("2026-12-31T16:00:00.000Z"))).toBe("2027-01-01T00:00:00+08:00");
  });

  it("names the county date of an instant just before and after county midnight", () => {
    expect(countyDateOf(new Date("2026-05-19T15:59:59.999Z"))).toBe("2026-05-19");
    expect(countyDateOf(new Date("2026-05-19T16:00:00.000Z"))).toBe("2026-05-20");
  });
});
