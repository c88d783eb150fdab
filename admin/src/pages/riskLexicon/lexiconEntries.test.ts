import type { RiskLexicon } from "@xinyuan/shared";
import { patternProblem, putEntry, removeEntry } from "./lexiconEntries";

const terms = { family: "(?:爸爸|妈妈|继父)", act: "(?:打|摸)", both: "{{family}}{{act}}" };

describe("lexicon entry editing", () => {
  it("accepts a pattern that compiles and names what is wrong otherwise, in Chinese", () => {
    expect(patternProblem("想去彩虹桥", terms)).toBeNull();
    expect(patternProblem("{{both}}我", terms)).toBeNull();
    expect(patternProblem("(催吐", terms)).toMatch(/写法有误/);
    expect(patternProblem("彩虹桥|", terms)).toMatch(/匹配空文本/);
    expect(patternProblem("(?:想死)?", terms)).toMatch(/匹配空文本/);
    expect(patternProblem("{{friend}}打我", terms)).toMatch(/没有名为 \{\{friend\}\}/);
    expect(patternProblem("  ", terms)).toMatch(/请填写/);
  });

  it("adds, edits in place, moves between categories and removes, leaving other entries alone", () => {
    const base: RiskLexicon = { version: "t", negationBefore: "不", ignore: [], categories: { suicide: [{ pattern: "自杀", level: "high" }, { pattern: "轻生", level: "high" }] } };
    const added = putEntry(base, "suicide", { pattern: "想去彩虹桥", level: "high", negatable: false, near: " ", note: "" }, null);
    expect(added.categories.suicide).toEqual([{ pattern: "自杀", level: "high" }, { pattern: "轻生", level: "high" }, { pattern: "想去彩虹桥", level: "high" }]);
    expect(base.categories.suicide).toHaveLength(2);
    const edited = putEntry(added, "suicide", { pattern: "寻死", level: "imminent", negatable: true }, { category: "suicide", index: 0 });
    expect(edited.categories.suicide?.map((entry) => entry.pattern)).toEqual(["寻死", "轻生", "想去彩虹桥"]);
    expect(edited.categories.suicide?.[0]).toEqual({ pattern: "寻死", level: "imminent", negatable: true });
    const moved = putEntry(edited, "eating", { pattern: "催吐", level: "medium" }, { category: "suicide", index: 1 });
    expect(moved.categories.suicide?.map((entry) => entry.pattern)).toEqual(["寻死", "想去彩虹桥"]);
    expect(moved.categories.eating).toEqual([{ pattern: "催吐", level: "medium" }]);
    expect(removeEntry(moved, { category: "suicide", index: 0 }).categories.suicide?.map((entry) => entry.pattern)).toEqual(["想去彩虹桥"]);
  });
});
