import { createRiskDetector, detectRisk, normaliseForRisk } from "./riskDetector";
import lexicon from "./riskLexicon.zh.json";

/** Realistic phrasing from students' messages: [text, expected level, expected first category]. */
const hits: Array<[string, string, string]> = [
  ["我不想活了", "high", "suicide"],
  ["真的不想再活下去了", "high", "suicide"],
  ["我想死", "high", "suicide"],
  ["好想去死啊", "high", "suicide"],
  ["我是不是该去死", "high", "suicide"],
  ["我会不会哪天就自杀了", "high", "suicide"],
  ["我特别想死", "high", "suicide"],
  ["我 想 自 杀", "high", "suicide"],
  ["活着真没意思", "high", "suicide"],
  ["感觉活不下去了", "high", "suicide"],
  ["不想死但也不想活", "high", "suicide"],
  ["死了就解脱了", "high", "suicide"],
  ["我已经写好遗书了", "high", "suicide"],
  ["恨不得去死", "high", "suicide"],
  ["我想紫砂", "high", "suicide"],
  ["我想跳楼", "high", "suicide"],
  ["我打算明天自杀", "imminent", "suicide"],
  ["没有我他们会更好", "high", "suicide"],
  ["我今晚就去跳楼", "imminent", "suicide"],
  ["我攒了很多安眠药", "imminent", "suicide"],
  ["我准备吃安眠药", "imminent", "suicide"],
  ["我现在在天台上，想跳下去", "imminent", "suicide"],
  ["睡着了就不要醒来了", "high", "suicide"],
  ["活着好累", "medium", "suicide"],
  ["我又割自己了", "high", "self_harm"],
  ["昨晚用小刀划了手臂", "high", "self_harm"],
  ["我控制不住想伤害自己", "high", "self_harm"],
  ["我经常自残", "high", "self_harm"],
  ["生气的时候会撞墙", "medium", "self_harm"],
  ["我爸喝了酒就打我", "high", "abuse"],
  ["被后妈关在门外一晚上", "high", "abuse"],
  ["有个叔叔摸我下面", "high", "abuse"],
  ["他逼我发裸照", "high", "abuse"],
  ["我被性侵了", "high", "abuse"],
  ["我想杀了他", "high", "violence"],
  ["明天我要带刀去学校", "high", "violence"],
  ["天天被高年级的人欺负", "medium", "violence"],
  ["班上有人霸凌我", "medium", "violence"],
  ["他们威胁要打我", "high", "violence"],
];

const nonHits: string[] = [
  "我不想死",
  "我没有想过自杀",
  "我从来没想过要自杀",
  "我不会伤害自己的，放心",
  "我并不想死，只是很难过",
  "我没有割自己",
  "我爸从来不打我",
  "想死你了！",
  "笑死我了",
  "今天热死了",
  "作业多得累死了",
  "学校组织了防自杀讲座",
  "我们班在搞反霸凌宣传",
  "考试没考好，心情不好",
  "我和妈妈吵架了",
  "我不想杀人，只是很生气",
  "我才不会想不开呢",
  "最近睡不着，很焦虑",
  "同桌不理我了",
  "想去死海旅游",
];

describe("risk detection (lexicon as data)", () => {
  it("has at least 40 realistic phrases in its table", () => {
    expect(hits.length + nonHits.length).toBeGreaterThanOrEqual(40);
  });

  it.each(hits)("flags %s as %s (%s)", (text, level, category) => {
    const assessment = detectRisk(text);
    expect(assessment.level).toBe(level);
    expect(assessment.categories).toContain(category);
  });

  it.each(nonHits.map((text) => [text]))("does not flag %s", (text) => {
    expect(detectRisk(text)).toEqual({ level: "none", categories: [], matches: [] });
  });

  it("normalises full-width letters, spaces and zero-width characters", () => {
    expect(normaliseForRisk("我\u200b想　死 ＡＢ")).toBe("我想死ab");
  });

  it("refuses a broken lexicon instead of silently missing someone", () => {
    expect(() => createRiskDetector({ ...lexicon, categories: { suicide: [{ pattern: "x", level: "severe" }] } })).toThrow();
  });
});
