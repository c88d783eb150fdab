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
  ["我已经写好遗书了", "imminent", "suicide"],
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
  ["我爸喝了酒就打我", "high", "abuse_physical"],
  ["被后妈关在门外一晚上", "medium", "runaway_shut_out"],
  ["有个叔叔摸我下面", "high", "abuse_sexual"],
  ["他逼我发裸照", "high", "abuse_sexual"],
  ["我被性侵了", "high", "abuse_sexual"],
  ["我想杀了他", "high", "violence_to_others"],
  ["明天我要带刀去学校", "imminent", "violence_to_others"],
  ["天天被高年级的人欺负", "medium", "bullying"],
  ["班上有人霸凌我", "medium", "bullying"],
  ["他们威胁要打我", "high", "bullying"],
  // Double negation is affirmation (affirmBeforeNegation cancels the 不).
  ["我没有一天不想死", "high", "suicide"],
  ["我无时无刻不想自杀", "high", "suicide"],
  ["没有哪天不想死", "high", "suicide"],
  ["没有一个晚上不想自杀", "high", "suicide"],
  ["我不得不伤害自己才能冷静下来", "high", "self_harm"],
  // An overdose taken or prepared is the most urgent level.
  ["我吃了安眠药", "imminent", "suicide"],
  ["我吃了一整瓶安眠药", "imminent", "suicide"],
  ["我刚吞了一瓶药", "imminent", "suicide"],
  ["我已经买好了安眠药", "imminent", "suicide"],
  ["我喝了农药", "imminent", "suicide"],
  ["我吞了好多药", "imminent", "suicide"],
  // A general question about a method is flagged on purpose (high, not imminent): the counsellor should look.
  ["吃安眠药对身体不好吗", "high", "suicide"],
  ["吃多少安眠药会死", "high", "suicide"],
  ["我想割腕", "high", "self_harm"],
  ["我割腕了", "high", "self_harm"],
  ["我要去死", "high", "suicide"],
  ["我去死算了", "high", "suicide"],
  ["我不得不去死", "high", "suicide"],
  ["我只有死路一条了", "high", "suicide"],
  ["我应该死的", "high", "suicide"],
  ["我不想被欺负了", "medium", "bullying"],
  ["让我死吧", "high", "suicide"],
  ["一死了之", "high", "suicide"],
  ["我想跳下去", "high", "suicide"],
  ["我想从楼上跳下去", "high", "suicide"],
  ["我不再想活了", "high", "suicide"],
  ["我不想再这样活下去了", "high", "suicide"],
  ["我不在了大家会更好", "high", "suicide"],
  ["老师打我", "high", "abuse_physical"],
  ["我被班主任打了", "high", "abuse_physical"],
  ["我爸喝醉了，就打我", "high", "abuse_physical"],
  ["他说要杀了我", "high", "bullying"],
  // 被 after a factual negation is a negation (我没有被霸凌); being bullied, asking, or not wanting it is a hit.
  ["我被霸凌了", "medium", "bullying"],
  ["他们一直霸凌我", "medium", "bullying"],
  ["我是不是被霸凌了", "medium", "bullying"],
  ["我不想再被霸凌了", "medium", "bullying"],
  // Lexicon 2026-12-07.3: actor + act, secret-keeping, locked out, a night away, cutting slang, revenge.
  ["孩子说被亲戚摸了", "high", "abuse_sexual"],
  ["叔叔说这是我们的秘密，不让我告诉妈妈", "medium", "abuse_sexual"],
  ["昨晚睡的公园", "medium", "runaway_shut_out"],
  ["晚上回去我被锁在外面", "medium", "runaway_shut_out"],
  ["放假了我不想回家", "medium", "runaway_shut_out"],
  ["划的时候不痛 划完才痛", "high", "self_harm"],
  ["我要报复他们", "high", "violence_to_others"],
  ["他喝醉了就是一顿打", "high", "abuse_physical"],
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
  "我没有被霸凌",
  "我从来没被人霸凌过",
  "我没有被欺负",
  "我从来没有被同学欺负过",
  "不得不死记硬背这些公式",
  "只能死记硬背了",
  "这该死的天气",
  // Everyday phrasing that shares characters with the newer patterns.
  "我吃了药感冒好多了",
  "吃了好多药感冒还是没好",
  "感冒吃了一盒感冒药才好",
  "咳嗽喝了一瓶药水",
  "吃了打过农药的菜",
  "好想跳下去游泳",
  "跳水课要从三米板跳下去",
  "跑完八百米累死了",
  "老师打分很严",
  "被老师打分了",
  "老师打我电话了",
  "妈妈打我电话我没接",
  "被妈妈带去打针了",
  "电影终于杀青了",
  "这道题要死记硬背",
  "老师让我死记硬背课文",
  "暑假要去死海玩",
  "今天体育课不想活动",
  "明天我不在，大家自己复习",
  "周末帮爷爷割麦子",
  "考砸了我妈会杀了我的",
  "没事，我不想死",
  "我不想跳下去",
  "我没有吃安眠药",
  "我不会一死了之",
  "挤公交被人碰了一下",
  "电视剧里那个坏人把女主角关在地下室，看得我好气",
  "我不想报复谁，只想好好学习",
  "划船比赛划完好累",
];

/** Whole toneless pinyin, with and without spaces (riskPinyin.ts): [text, expected level, category]. */
const pinyinHits: Array<[string, string, string]> = [
  ["wo zhen de bu xiang huo le", "high", "suicide"],
  ["woxiangsi", "high", "suicide"],
  ["bu xiang huo le", "high", "suicide"],
  ["BuXiangHuoLe", "high", "suicide"],
  ["xiang zi sha", "high", "suicide"],
  ["我真的 wo hao xiang si a", "high", "suicide"],
  ["huo bu xia qu le", "high", "suicide"],
  ["wo xiang tiao lou", "high", "suicide"],
  ["ge wan", "high", "self_harm"],
  ["wo ge wan le", "high", "self_harm"],
  ["wo ba you da wo", "high", "abuse_physical"],
  ["bei xing qin le", "high", "abuse_sexual"],
  ["wo xiang sha le ta", "high", "violence_to_others"],
];

/** Innocent pinyin, names, English that holds the same letters. */
const pinyinNonHits = [
  "wo xiang chi huoguo",
  "xi ge wan",
  "yi ge wan",
  "wo qu xi ge wan",
  "Zhang Xiangsi",
  "xiangsi",
  "wo xiang si ni le",
  "bu xiang huo dong",
  "tiao lou jia",
  "ni xiang sha ne",
  "huge wand",
  "a huge wanderer",
  "stops following when the reader scrolls up",
];

describe("risk detection (lexicon as data)", () => {
  it.each(pinyinHits)("reads the pinyin %s as %s (%s)", (text, level, category) => {
    const assessment = detectRisk(text);
    expect(assessment.level).toBe(level);
    expect(assessment.categories).toContain(category);
  });

  it.each(pinyinNonHits.map((text) => [text]))("leaves the pinyin or English %s alone", (text) => {
    expect(normaliseForRisk(text)).toBe(text.toLowerCase().replace(/\s+/g, ""));
    expect(detectRisk(text).level).toBe("none");
  });

  it("rewrites spelled-out pinyin into characters only where all of the letters are pinyin", () => {
    expect(normaliseForRisk("wo zhen de bu xiang huo le")).toBe("我真的不想活了");
    expect(normaliseForRisk("我 bu xiang huo le")).toBe("我不想活了");
    expect(normaliseForRisk("wo xiang zisha")).toBe("我想自杀");
    expect(normaliseForRisk("hey wo xiang si")).toBe("heywoxiangsi");
  });

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
    expect(() => createRiskDetector({ ...lexicon, affirmBeforeNegation: ["(不"] })).toThrow();
    // A stray "|" makes a pattern match empty text everywhere; merged with its group it would hide the
    // group's other patterns (从六楼跳下去 went unseen that way while the lexicon was edited).
    const strayBar = { ...lexicon, categories: { ...lexicon.categories, suicide: [...lexicon.categories.suicide, { pattern: "解脱|", level: "high" }] } };
    expect(() => createRiskDetector(strayBar)).toThrow(/匹配空文本/);
  });

  it("reads double negation from the lexicon data, not from code", () => {
    const withoutAffirmations = createRiskDetector({ ...lexicon, affirmBeforeNegation: [] });
    expect(withoutAffirmations("我没有一天不想死").level).toBe("none");
    expect(detectRisk("我没有一天不想死").level).toBe("high");
    expect(detectRisk("我不想死").level).toBe("none");
  });
});
