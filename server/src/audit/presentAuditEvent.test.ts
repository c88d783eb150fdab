import { maskUserIp, presentAuditEvent } from "./presentAuditEvent";

describe("presentAuditEvent", () => {
  const event = (actorType: string, ip: string | null) =>
    ({ id: 1, at: new Date("2026-11-29T08:00:00Z"), actorType, actorId: null, action: "user.consent.give", targetType: "app_user", targetId: null, ip, requestId: null, detail: {} }) as never;

  it("masks a mini-program user's address, keeps a staff member's", () => {
    expect(presentAuditEvent({ event: event("user", "10.23.45.67"), actorName: "小树-7F3A", targetName: null }).ip).toBe("10.23.*.*");
    expect(presentAuditEvent({ event: event("staff", "10.23.45.67"), actorName: "李老师", targetName: null }).ip).toBe("10.23.45.67");
  });

  it("masks IPv4-mapped and IPv6 addresses to their network part", () => {
    expect(maskUserIp("::ffff:192.168.3.4")).toBe("192.168.*.*");
    expect(maskUserIp("2409:8a00:1234:5678:9abc::1")).toBe("2409:8a00:1234:*");
    expect(maskUserIp(null)).toBeNull();
  });
});
