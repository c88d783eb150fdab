import { z } from "zod";
import { riskLevelRank, riskLevels, riskSignalCategories, type RiskLevel, type RiskSignalCategory } from "@xinyuan/shared";
import lexiconData from "./riskLexicon.zh.json";

const lexiconEntry = z.object({ pattern: z.string().min(1), level: z.enum(riskLevels), negatable: z.boolean().optional(), note: z.string().optional() });
const lexiconSchema = z.object({
  version: z.string(),
  about: z.string().optional(),
  negationBefore: z.string().min(1),
  /** Text right before a negation that cancels it (没有一天[不]想死): double negation is affirmation. */
  affirmBeforeNegation: z.array(z.string().min(1)).default([]),
  ignore: z.array(z.string().min(1)),
  categories: z.record(z.enum(riskSignalCategories), z.array(lexiconEntry)),
});
export type RiskLexicon = z.input<typeof lexiconSchema>;

/** How far before a match a negation may start, and how far before a negation an affirmation may start. */
const negationWindow = 8;
const affirmationWindow = 10;

export interface RiskMatch {
  category: RiskSignalCategory;
  level: RiskLevel;
  /** The matched words, for the counsellor's highlight. */
  text: string;
  index: number;
}

export interface RiskAssessment {
  /** "none" when nothing matched. */
  level: RiskLevel;
  categories: RiskSignalCategory[];
  matches: RiskMatch[];
}

export type RiskDetector = (text: string) => RiskAssessment;

/** NFKC (full-width to half-width), lower case, no spaces or zero-width characters that split words. */
export function normaliseForRisk(text: string): string {
  return text.normalize("NFKC").toLowerCase().replace(/[\s\u200b-\u200d\u2060\ufeff]+/g, "");
}

/**
 * Builds a detector from lexicon data (validated, so a broken lexicon stops start-up rather than
 * silently missing a student in danger). Used for chat messages now, letters and call notes later.
 */
export function createRiskDetector(data: unknown): RiskDetector {
  const lexicon = lexiconSchema.parse(data);
  const negation = new RegExp(lexicon.negationBefore, "u");
  const affirmations = lexicon.affirmBeforeNegation.map((pattern) => new RegExp(pattern, "u"));
  /** True when a negation ends right at start and nothing before it cancels it (我不想死, not 我没有一天不想死). */
  const negatedAt = (text: string, start: number): boolean => {
    const from = Math.max(0, start - negationWindow);
    const found = negation.exec(text.slice(from, start));
    if (!found) return false;
    const negationStart = from + found.index;
    const before = text.slice(Math.max(0, negationStart - affirmationWindow), negationStart);
    return !affirmations.some((affirmation) => affirmation.test(before));
  };
  const ignores = lexicon.ignore.map((pattern) => new RegExp(pattern, "gu"));
  const entries = Object.entries(lexicon.categories).flatMap(([category, list]) =>
    list.map((entry) => ({ category: category as RiskSignalCategory, level: entry.level, negatable: entry.negatable ?? false, regex: new RegExp(entry.pattern, "gu") })),
  );

  return (raw) => {
    const text = normaliseForRisk(raw);
    const ignored: Array<[number, number]> = [];
    for (const regex of ignores) for (const match of text.matchAll(regex)) ignored.push([match.index, match.index + match[0].length]);
    const matches: RiskMatch[] = [];
    for (const entry of entries) {
      for (const match of text.matchAll(entry.regex)) {
        const start = match.index;
        const end = start + match[0].length;
        if (ignored.some(([from, to]) => start < to && end > from)) continue;
        if (entry.negatable && negatedAt(text, start)) continue;
        matches.push({ category: entry.category, level: entry.level, text: match[0], index: start });
      }
    }
    const level = matches.reduce<RiskLevel>((highest, match) => (riskLevelRank[match.level] > riskLevelRank[highest] ? match.level : highest), "none");
    const categories = riskSignalCategories.filter((category) => matches.some((match) => match.category === category));
    return { level, categories, matches: matches.sort((a, b) => a.index - b.index) };
  };
}

/** The county's maintained lexicon (riskLexicon.zh.json). */
export const detectRisk: RiskDetector = createRiskDetector(lexiconData);
export const riskLexiconVersion: string = (lexiconData as { version: string }).version;
