import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import { adjacencyGraphs, dictionary as commonDictionary } from "@zxcvbn-ts/language-common";
import { dictionary as englishDictionary } from "@zxcvbn-ts/language-en";

/** Shortest staff password: 12 characters (issue 14; NIST 800-63B asks for at least 8, we ask more of staff who read children's chats). */
export const minPasswordLength = 12;
/** zxcvbn score (0-4) a new password must reach: 3 is "safely unguessable" (about 10^8 guesses and up). */
const minScore = 3;

/**
 * No Chinese language pack exists for zxcvbn-ts; these are the pinyin and place words people here
 * build passwords from (common surnames/phrases, the county, the product), added as one more dictionary.
 */
const chineseWords = [
  "woaini", "woaiwojia", "aini", "zhongguo", "beijing", "shanghai", "sichuan", "dazhou", "quxian", "qujiang", "xinyuan",
  "xinli", "laoshi", "xuexiao", "zhongxue", "xiaoxue", "mima", "nihao", "wangluo", "kaixin", "xingfu", "pingan", "jiayou",
  "zhang", "wang", "li", "liu", "chen", "yang", "huang", "zhao", "zhou", "wu", "xu", "sun", "zhu", "ma", "hu", "guo", "lin", "he", "gao", "luo",
  "qwertyuiop", "asdfghjkl", "zxcvbnm", "iloveyou",
];

const zxcvbn = new ZxcvbnFactory({
  dictionary: { ...commonDictionary, ...englishDictionary, chinese: chineseWords },
  graphs: adjacencyGraphs,
});

/**
 * Why a new password is too weak, in words for the person choosing it, or null when it is strong enough.
 * userInputs: the username, display name and anything else an attacker would try first.
 */
export function weakPasswordReason(password: string, userInputs: string[]): string | null {
  if ([...password].length < minPasswordLength) return `新密码至少 ${minPasswordLength} 位。`;
  if (password.trim().length < minPasswordLength) return "新密码不能主要由空格组成。";
  const lowered = password.toLowerCase();
  if (userInputs.some((input) => input.length >= 3 && lowered.includes(input.toLowerCase()))) return "新密码不能包含用户名或姓名，请换一个别人猜不到的。";
  const result = zxcvbn.check(password, userInputs.filter((input) => input.length > 0));
  if (result.score < minScore) return "这个密码太容易被猜到。可以用几个不相关的词加上数字或符号，例如一句只有你知道的话。";
  return null;
}
