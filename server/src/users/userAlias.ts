import { randomBytes } from "node:crypto";

/**
 * Gentle nature words for aliases. An alias is all staff ever see of a user, so it must say nothing about
 * them; 64 words × 65 536 suffixes leave room for a county's students with few collisions.
 */
export const aliasWords = [
  "小树", "青草", "白云", "星光", "溪流", "晨露", "微风", "山雀", "松果", "月光", "海浪", "花瓣", "竹林", "萤火", "彩虹", "雪花",
  "春芽", "麦穗", "蒲公英", "向日葵", "银杏", "枫叶", "柳枝", "荷叶", "小溪", "晚霞", "朝阳", "细雨", "清泉", "云雀", "蝴蝶", "小鹿",
  "海豚", "石榴", "橘子", "樱桃", "梧桐", "桂花", "茉莉", "蓝天", "星辰", "山风", "湖光", "贝壳", "珊瑚", "鸽子", "燕子", "芦苇",
  "青苔", "野菊", "木棉", "稻田", "松针", "流萤", "新月", "晴空", "蔷薇", "兰草", "小荷", "青柠", "山茶", "铃兰", "葡萄", "杏花",
] as const;

const hex = (bytes: number) => randomBytes(bytes).toString("hex").toUpperCase();

/** A random alias such as 小树-7F3A. Uniqueness is the database's job; callers retry on a collision. */
export function randomAlias(): string {
  const word = aliasWords[randomBytes(1)[0]! % aliasWords.length]!;
  return `${word}-${hex(2)}`;
}

/** The alias a deleted account keeps, so detached records still read sensibly without naming anyone. */
export function deletedAlias(): string {
  return `已注销用户-${hex(4)}`;
}
