import { hasUnsafeCharacters } from "@xinyuan/shared";
import { unsafeTextPath } from "./unsafeText";

describe("unsafe text", () => {
  it("finds NUL bytes and lone surrogates, and lets whole emoji and Chinese through", () => {
    expect(hasUnsafeCharacters("我今天有点难过😢")).toBe(false);
    expect(hasUnsafeCharacters("a\u0000b")).toBe(true);
    expect(hasUnsafeCharacters("half \ud83d")).toBe(true);
    expect(hasUnsafeCharacters("\ude22 tail")).toBe(true);
    expect(hasUnsafeCharacters("\ud83d\ude22\ud83d")).toBe(true);
  });

  it("names the first unsafe value or key in a nested body", () => {
    expect(unsafeTextPath({ name: "好", items: [{ note: "ok" }, { note: "x\u0000" }] })).toBe("items.1.note");
    expect(unsafeTextPath({ ["k\ud800"]: 1 })).toBe("(key)");
    expect(unsafeTextPath({ name: "好", count: 3, nested: { fine: true } })).toBeNull();
  });
});
