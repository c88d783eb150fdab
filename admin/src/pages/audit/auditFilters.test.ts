import dayjs from "dayjs";
import { auditQueryFrom } from "./auditFilters";

describe("audit search", () => {
  it("turns the form into the API query: trimmed text, empty left out, the picked times as county time (+08:00)", () => {
    const query = auditQueryFrom({
      actor: { value: "0b6c8c8e-52a4-4c4b-a9a4-0c4a0b1c2d3e", label: "李老师" },
      action: "  staff.login ",
      targetType: "",
      range: [dayjs("2025-05-01T08:30:25"), dayjs("2025-05-02T18:00:10")],
    });
    expect(query.actorId).toBe("0b6c8c8e-52a4-4c4b-a9a4-0c4a0b1c2d3e");
    expect(query.action).toBe("staff.login");
    expect(query.targetType).toBeUndefined();
    expect(query.targetId).toBeUndefined();
    expect(query.from).toBe("2025-05-01T08:30:00+08:00");
    expect(query.to).toBe("2025-05-02T18:00:59+08:00");
  });

  it("allows an open-ended range", () => {
    const query = auditQueryFrom({ range: [null, dayjs("2025-05-02T18:00:00")] });
    expect(query.from).toBeUndefined();
    expect(query.to).toBeDefined();
  });
});
