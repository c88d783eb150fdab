import type { RiskLexicon } from "@xinyuan/shared";
import { expandTerms, patternProblem } from "./lexiconEntries";

/**
 * The lexicon's other editable parts, one at a time: named terms (片段, used as {{name}} in rules) and
 * ignore phrases (忽略短语, everyday hyperbole whose matches are dropped). Pure: each returns a new draft,
 * or says in plain Chinese why a value cannot be used (the server refuses the same on 试运行 and save).
 */

const termName = /^[a-z][a-zA-Z0-9]*$/;

export const termsOf = (content: RiskLexicon): Record<string, string> => (content.terms ?? {}) as Record<string, string>;

/** Every rule, ignore phrase and other term that writes {{name}}: a term in use may be edited, not renamed or removed. */
export function termUses(content: RiskLexicon, name: string): number {
  const reference = `{{${name}}}`;
  const patterns = [
    ...Object.values(content.categories).flatMap((entries) => (entries ?? []).flatMap((entry) => [entry.pattern, entry.near ?? ""])),
    ...content.ignore,
    ...Object.entries(termsOf(content))
      .filter(([other]) => other !== name)
      .map(([, value]) => value),
  ];
  return patterns.filter((pattern) => pattern.includes(reference)).length;
}

/** Why a term's name cannot be used, or null. `previous`: the name it had when edited (null: new). */
export function termNameProblem(content: RiskLexicon, name: string, previous: string | null): string | null {
  if (!name.trim()) return "请填写片段名称。";
  if (!termName.test(name)) return "片段名称只能用英文字母和数字，并以小写字母开头（例如 family、place2）。";
  if (name !== previous && termsOf(content)[name] !== undefined) return `已经有名为 {{${name}}} 的片段了，请换一个名称。`;
  if (previous !== null && name !== previous && termUses(content, previous) > 0) return `{{${previous}}} 正在被 ${termUses(content, previous)} 处引用，不能改名；可以新增一个片段。`;
  return null;
}

/**
 * Why a term's value cannot be used, or null. A term may match empty text on its own (a look-behind, a
 * clause gap {0,6}); it must compile and name only terms that exist (itself excluded: no loops).
 */
export function termValueProblem(content: RiskLexicon, name: string, value: string, previous: string | null): string | null {
  if (!value.trim()) return "请填写片段内容。";
  const withThis = { ...termsOf(content), [name]: value };
  if (previous !== null && previous !== name) delete withThis[previous];
  let expanded: string;
  try {
    expanded = expandTerms(value, withThis, 1);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  try {
    new RegExp(expanded, "u");
  } catch {
    return "这个片段写法有误，无法使用：请检查括号、方括号是否成对，特殊符号前是否需要加 \\。";
  }
  return null;
}

/** Why a term (name and value) cannot be saved, or null. */
export function termProblem(content: RiskLexicon, name: string, value: string, previous: string | null): string | null {
  return termNameProblem(content, name, previous) ?? termValueProblem(content, name, value, previous);
}

/** A new draft with the term set (renamed from `previous` when it changed and nothing uses the old name). */
export function putTerm(content: RiskLexicon, name: string, value: string, previous: string | null): RiskLexicon {
  const terms = { ...termsOf(content) };
  if (previous !== null && previous !== name) delete terms[previous];
  terms[name] = value;
  return { ...content, terms };
}

/** Why a term cannot be removed (it is in use), or null. */
export function termRemovalProblem(content: RiskLexicon, name: string): string | null {
  const uses = termUses(content, name);
  return uses > 0 ? `{{${name}}} 正在被 ${uses} 处引用，先修改或删除引用它的规则，再删除这个片段。` : null;
}

export function removeTerm(content: RiskLexicon, name: string): RiskLexicon {
  const terms = { ...termsOf(content) };
  delete terms[name];
  return { ...content, terms };
}

/** Why an ignore phrase cannot be saved, or null. `index`: the phrase being edited (null: new). */
export function ignoreProblem(content: RiskLexicon, phrase: string, index: number | null): string | null {
  const problem = patternProblem(phrase, termsOf(content), "忽略短语");
  if (problem) return problem;
  if (content.ignore.some((existing, at) => existing === phrase && at !== index)) return "这个忽略短语已经在列表里了。";
  return null;
}

export function putIgnore(content: RiskLexicon, phrase: string, index: number | null): RiskLexicon {
  const ignore = [...content.ignore];
  if (index === null) ignore.push(phrase);
  else ignore[index] = phrase;
  return { ...content, ignore };
}

export function removeIgnore(content: RiskLexicon, index: number): RiskLexicon {
  return { ...content, ignore: content.ignore.filter((_, at) => at !== index) };
}
