import { chatToWatch, watchKey } from "./chatSelection";

describe("chat opened from a link (risk alert 去查看)", () => {
  it("has a supervisor follow a chat assigned to someone else instead of showing another tab", () => {
    expect(chatToWatch({ selected: "c9", mine: ["c1", "c2"], canSupervise: true })).toBe("c9");
  });

  it("opens my own chat as it is, including one just accepted that the list has not caught up with", () => {
    expect(chatToWatch({ selected: "c1", mine: ["c1", "c2"], canSupervise: true })).toBeNull();
  });

  it("leaves tab keys and an empty address alone", () => {
    expect(chatToWatch({ selected: watchKey("c9"), mine: [], canSupervise: true })).toBeNull();
    expect(chatToWatch({ selected: null, mine: [], canSupervise: true })).toBeNull();
  });

  it("never starts a watch for a counsellor who may not supervise", () => {
    expect(chatToWatch({ selected: "c9", mine: ["c1"], canSupervise: false })).toBeNull();
  });
});
