import type { RiskLexicon, RiskLexiconEntry, RiskSignalCategory } from "@xinyuan/shared";

/** Where an entry sits in a draft: its category and index in that category's list. */
export interface EntryPlace {
  category: RiskSignalCategory;
  index: number;
}

const termReference = /\{\{([a-zA-Z0-9]+)\}\}/g;

/** {{name}} → its term, as the server does (terms may use terms); an unknown name is an error in Chinese. */
export function expandTerms(pattern: string, terms: Record<string, string>, depth = 0): string {
  if (depth > 4) throw new Error("引用的片段嵌套太深，请检查 {{名称}} 是否互相引用。");
  return pattern.replace(termReference, (_, name: string) => {
    const term = terms[name];
    if (term === undefined) throw new Error(`没有名为 {{${name}}} 的片段，请检查拼写（可用的片段见下方列表）。`);
    return expandTerms(term, terms, depth + 1);
  });
}

/**
 * Why a pattern cannot be used, in plain Chinese, or null when it can: it must compile (flag u, after
 * {{name}} expansion) and must not match empty text (a stray "|" would flag every message).
 * The server refuses the same things; this says so before a round trip.
 */
export function patternProblem(pattern: string, terms: Record<string, string>, what = "规则"): string | null {
  if (!pattern.trim()) return `请填写${what}。`;
  let expanded: string;
  try {
    expanded = expandTerms(pattern, terms);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  let whole: RegExp;
  try {
    whole = new RegExp(`^(?:${expanded})$`, "u");
  } catch {
    return `这条${what}写法有误，无法使用：请检查括号、方括号是否成对，特殊符号前是否需要加 \\。`;
  }
  if (whole.test("")) return `这条${what}会匹配空文本（例如开头或末尾多了一个“|”），那样每条消息都会被标记：请修改。`;
  return null;
}

/** The draft's entries of one category (never undefined). */
export function entriesOf(content: RiskLexicon, category: RiskSignalCategory): RiskLexiconEntry[] {
  return (content.categories[category] ?? []) as RiskLexiconEntry[];
}

/** Drops empty optional fields so the saved JSON stays as tidy as the shipped file. */
export function tidyEntry(entry: RiskLexiconEntry): RiskLexiconEntry {
  const tidy: RiskLexiconEntry = { pattern: entry.pattern, level: entry.level };
  if (entry.negatable) tidy.negatable = true;
  if (entry.near?.trim()) {
    tidy.near = entry.near.trim();
    if (entry.within) tidy.within = entry.within;
  }
  if (entry.note?.trim()) tidy.note = entry.note.trim();
  return tidy;
}

/** A new draft with `entry` put in `category`: replacing the entry at `place` (moved if the category changed), or appended. */
export function putEntry(content: RiskLexicon, category: RiskSignalCategory, entry: RiskLexiconEntry, place: EntryPlace | null): RiskLexicon {
  const without = place ? removeEntry(content, place) : content;
  const list = [...entriesOf(without, category)];
  const tidy = tidyEntry(entry);
  if (place && place.category === category) list.splice(place.index, 0, tidy);
  else list.push(tidy);
  return { ...without, categories: { ...without.categories, [category]: list } };
}

export function removeEntry(content: RiskLexicon, place: EntryPlace): RiskLexicon {
  const list = entriesOf(content, place.category).filter((_, index) => index !== place.index);
  return { ...content, categories: { ...content.categories, [place.category]: list } };
}
