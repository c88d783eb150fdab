import type { RiskLexicon } from "@xinyuan/shared";
import { ignoreProblem, putIgnore, putTerm, removeIgnore, removeTerm, termNameProblem, termProblem, termRemovalProblem, termUses, termValueProblem } from "./lexiconParts";

const base: RiskLexicon = {
  version: "t",
  negationBefore: "不",
  terms: { family: "(?:爸爸|妈妈)", notNeg: "(?<!不|没)", hit: "(?:打|揍)" },
  ignore: ["想死(?:你|您)", "笑死"],
  categories: { abuse_physical: [{ pattern: "{{family}}{{hit}}我", level: "high" }], suicide: [{ pattern: "{{notNeg}}想死", level: "high" }] },
};

describe("named terms (片段)", () => {
  it("counts where a term is used: rules, second cues, ignore phrases and other terms", () => {
    expect(termUses(base, "family")).toBe(1);
    expect(termUses(base, "notNeg")).toBe(1);
    expect(termUses({ ...base, ignore: [...base.ignore, "{{family}}说"] }, "family")).toBe(2);
    expect(termUses(base, "place")).toBe(0);
  });

  it("accepts a term that compiles (even one matching empty text) and says in Chinese what is wrong otherwise", () => {
    expect(termProblem(base, "place", "(?:楼顶|天台)", null)).toBeNull();
    expect(termProblem(base, "gap", "[^，。]{0,6}", null)).toBeNull();
    expect(termProblem(base, "both", "{{family}}{{hit}}", null)).toBeNull();
    expect(termProblem(base, "", "x", null)).toMatch(/请填写片段名称/);
    expect(termProblem(base, "Place", "x", null)).toMatch(/小写字母开头/);
    expect(termProblem(base, "地点", "x", null)).toMatch(/英文字母/);
    expect(termProblem(base, "family", "x", null)).toMatch(/已经有名为 \{\{family\}\}/);
    expect(termProblem(base, "place", "(?:楼顶", null)).toMatch(/写法有误/);
    expect(termProblem(base, "place", "{{roof}}", null)).toMatch(/没有名为 \{\{roof\}\}/);
    expect(termProblem(base, "loop", "{{loop}}", null)).toMatch(/嵌套太深/);
    expect(termProblem(base, "place", "  ", null)).toMatch(/请填写片段内容/);
    // editing keeps its own name; renaming a term in use is refused
    expect(termProblem(base, "family", "(?:爸爸|妈妈|继父)", "family")).toBeNull();
    expect(termProblem(base, "parents", "(?:爸爸|妈妈)", "family")).toMatch(/正在被 1 处引用，不能改名/);
  });

  it("says each problem under its own field: the name's under the name, the value's under the value", () => {
    expect(termNameProblem(base, "family", null)).toMatch(/已经有名为/);
    expect(termValueProblem(base, "family", "(?:小狗|小猫)", null)).toBeNull();
    expect(termNameProblem(base, "pet", null)).toBeNull();
    expect(termValueProblem(base, "pet", "(?:小狗", null)).toMatch(/写法有误/);
  });

  it("adds, edits, renames an unused term and removes only what nothing uses, leaving the draft it came from alone", () => {
    const added = putTerm(base, "place", "(?:楼顶|天台)", null);
    expect(added.terms).toMatchObject({ place: "(?:楼顶|天台)", family: "(?:爸爸|妈妈)" });
    expect(base.terms).not.toHaveProperty("place");
    const renamed = putTerm(added, "roof", "(?:楼顶)", "place");
    expect(renamed.terms).not.toHaveProperty("place");
    expect(renamed.terms).toHaveProperty("roof", "(?:楼顶)");
    expect(termRemovalProblem(renamed, "family")).toMatch(/正在被 1 处引用/);
    expect(termRemovalProblem(renamed, "roof")).toBeNull();
    expect(removeTerm(renamed, "roof").terms).not.toHaveProperty("roof");
  });
});

describe("ignore phrases (忽略短语)", () => {
  it("checks a phrase like a rule (compiles, never matches empty text, terms exist) and refuses a duplicate", () => {
    expect(ignoreProblem(base, "累死(?:了|啦)", null)).toBeNull();
    expect(ignoreProblem(base, "{{family}}说笑死", null)).toBeNull();
    expect(ignoreProblem(base, "(笑死", null)).toMatch(/忽略短语写法有误/);
    expect(ignoreProblem(base, "笑死|", null)).toMatch(/匹配空文本/);
    expect(ignoreProblem(base, "", null)).toMatch(/请填写忽略短语/);
    expect(ignoreProblem(base, "笑死", null)).toMatch(/已经在列表里/);
    expect(ignoreProblem(base, "笑死", 1)).toBeNull();
  });

  it("adds, edits in place and removes one phrase", () => {
    const added = putIgnore(base, "累死了", null);
    expect(added.ignore).toEqual(["想死(?:你|您)", "笑死", "累死了"]);
    expect(putIgnore(added, "笑死我了", 1).ignore).toEqual(["想死(?:你|您)", "笑死我了", "累死了"]);
    expect(removeIgnore(added, 0).ignore).toEqual(["笑死", "累死了"]);
    expect(base.ignore).toHaveLength(2);
  });
});
