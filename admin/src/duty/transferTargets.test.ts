import { transferTargetOptions } from "./transferTargets";

describe("transferTargetOptions", () => {
  const free = { id: "a", name: "王老师", load: 1, capacity: 3, canTake: true };
  const full = { id: "b", name: "李老师", load: 3, capacity: 3, canTake: false };

  it("shows a chat colleague's load and greys out one who is full", () => {
    expect(transferTargetOptions([free, full], "chat")).toEqual([
      { value: "a", disabled: false, label: "王老师 · 接待 1/3" },
      { value: "b", disabled: true, label: "李老师 · 已满 3/3" },
    ]);
  });

  it("says who is on a call for the hotline", () => {
    expect(transferTargetOptions([{ ...free, load: 0, capacity: 1 }, { ...full, load: 1, capacity: 1 }], "hotline").map((option) => option.label)).toEqual(["王老师 · 空闲", "李老师 · 通话中"]);
  });
});
