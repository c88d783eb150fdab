/**
 * The default reasons-for-contact taxonomy (TAXONOMY.md: Child Helpline International's framework adapted
 * to Chinese schools). This is seed DATA: contactTaxonomySeeder inserts the codes a database lacks and
 * never overwrites what the county centre renamed, reordered or deactivated. Codes are stable keys for
 * statistics; add new entries with new codes, never reuse one.
 */
export interface DefaultCategory {
  code: string;
  name: string;
  children: Array<{ code: string; name: string }>;
}

const group = (code: string, name: string, children: Array<[string, string]>): DefaultCategory => ({
  code,
  name,
  children: children.map(([childCode, childName]) => ({ code: `${code}.${childCode}`, name: childName })),
});

export const defaultContactCategories: DefaultCategory[] = [
  group("mental_health", "心理健康", [
    ["low_mood", "情绪低落/抑郁情绪"],
    ["anxiety", "焦虑/恐惧"],
    ["anger", "愤怒"],
    ["self_esteem", "自我认知与自尊"],
    ["sleep", "睡眠"],
    ["eating", "进食问题"],
    ["addiction", "成瘾(游戏/手机/物质)"],
    ["self_harm", "自伤"],
    ["suicidal", "自杀意念/企图"],
    ["trauma", "创伤后反应"],
    ["behaviour", "行为问题"],
  ]),
  group("education", "学业与学校", [
    ["study_pressure", "学习压力/考试焦虑"],
    ["learning_difficulty", "学业困难"],
    ["school_refusal", "厌学/拒学"],
    ["teacher_relationship", "师生关系"],
    ["further_education", "升学与志愿"],
  ]),
  group("family", "家庭关系", [
    ["parent_conflict", "亲子冲突"],
    ["divorce", "父母离异/再婚"],
    ["family_change", "家庭变故"],
    ["left_behind", "留守/与照料者关系"],
    ["siblings", "兄弟姐妹"],
    ["family_health", "家庭成员健康"],
  ]),
  group("peers", "同伴关系", [
    ["classmates", "同学关系"],
    ["friends", "朋友"],
    ["romance", "恋爱/情感"],
    ["social_difficulty", "社交困难"],
  ]),
  group("violence", "暴力与伤害", [
    ["school_bullying", "校园欺凌"],
    ["cyberbullying", "网络欺凌"],
    ["physical_abuse", "家庭暴力(躯体)"],
    ["emotional_abuse", "心理/情感虐待"],
    ["sexual_abuse", "性侵害"],
    ["online_sexual_exploitation", "网络性剥削"],
    ["neglect", "忽视"],
    ["child_labour", "童工"],
    ["early_marriage", "早婚"],
  ]),
  group("physical_health", "身体健康", [
    ["general_medical", "一般医疗"],
    ["puberty", "青春期与性健康"],
    ["pregnancy", "怀孕"],
  ]),
  group("sexuality", "性与性别", [
    ["sexual_behaviour", "性行为困惑"],
    ["orientation_identity", "性取向与性别认同"],
  ]),
  group("discrimination", "歧视与排斥", [
    ["disability", "残障"],
    ["economic", "经济状况"],
    ["gender", "性别"],
    ["ethnicity", "民族"],
    ["health_status", "健康状况"],
  ]),
  group("missing", "失踪与出走", [
    ["runaway", "离家出走"],
    ["lost", "走失"],
    ["abduction", "拐带"],
  ]),
  group("access_to_services", "求助服务", [
    ["education_resources", "教育资源"],
    ["medical_services", "医疗/精神卫生服务"],
    ["legal_aid", "法律援助"],
    ["financial_hardship", "经济困难"],
  ]),
  group("non_counselling", "非咨询来电", [
    ["information", "信息咨询"],
    ["silent", "无声来电"],
    ["hang_up", "挂断"],
    ["abusive_prank", "骚扰/恶作剧"],
    ["wrong_number", "误拨"],
    ["insufficient", "信息不足"],
  ]),
];
