import { sortOrderFor, sortParamFrom } from "./tableSort";

describe("server-side sort", () => {
  it("maps antd's sorter to field / -field and back", () => {
    expect(sortParamFrom("createdAt", "ascend")).toBe("createdAt");
    expect(sortParamFrom("createdAt", "descend")).toBe("-createdAt");
    expect(sortParamFrom("createdAt", null)).toBeUndefined();
    expect(sortOrderFor("-createdAt", "createdAt")).toBe("descend");
    expect(sortOrderFor("createdAt", "createdAt")).toBe("ascend");
    expect(sortOrderFor("-lastLoginAt", "createdAt")).toBeNull();
  });
});
