import {
  riskLevelRank,
  riskLexiconSchema,
  riskSignalCategories,
  type ParsedRiskLexicon,
  type RiskLexiconEntry,
  type RiskLevel,
  type RiskSignalCategory,
} from "@xinyuan/shared";
import shippedLexicon from "./riskLexicon.zh.json";
import shippedModel from "./riskModel.zh.json";
import { mayMatch, requiredCharactersOf, type RequiredCharacters } from "./riskPrefilter";
import { createRiskModelScorer, riskModelLevels, type RiskModelScorer } from "./riskModel";

/** How far before a match a negation may start, and how far before a negation an affirmation may start. */
const negationWindow = 8;
const affirmationWindow = 10;
/** Default reach of an entry's second cue (`near`), in characters either side. */
const defaultNearWithin = 24;

export interface RiskMatch {
  category: RiskSignalCategory;
  level: RiskLevel;
  /** The matched words (normalised), for the counsellor's highlight; empty for the learned model. */
  text: string;
  /** Where the words start in the normalised text; -1 for the learned model (it reads the whole message). */
  index: number;
  /** "model" when the learned model named this category (it has no words to highlight). */
  source?: "model";
}

export interface RiskAssessment {
  /** "none" when nothing matched. */
  level: RiskLevel;
  categories: RiskSignalCategory[];
  matches: RiskMatch[];
}

export type RiskDetector = (text: string) => RiskAssessment;

interface CompiledEntry {
  category: RiskSignalCategory;
  level: Exclude<RiskLevel, "none">;
  negatable: boolean;
  regex: RegExp;
  /** Characters a match must contain: the entry is skipped on a message without them. */
  required: RequiredCharacters;
  near: RegExp | null;
  within: number;
}

const termReference = /\{\{([a-zA-Z0-9]+)\}\}/g;

/** Replaces {{name}} with its term (terms may use terms); an unknown name is an error, never a silent miss. */
function expandTerms(pattern: string, terms: Record<string, string>, depth = 0): string {
  if (depth > 4) throw new Error(`风险词库的 terms 嵌套过深：${pattern}`);
  return pattern.replace(termReference, (_, name: string) => {
    const term = terms[name];
    if (term === undefined) throw new Error(`风险词库引用了不存在的 term：{{${name}}}`);
    return expandTerms(term, terms, depth + 1);
  });
}

const cjk = "[\\u3400-\\u9fff]";
/** Punctuation students put between characters to dodge filters (不-想-活-了, 想 自.杀, 自*杀). */
const trickPunctuation = new RegExp(`(?<=${cjk})[-_.·*~/\\\\|'"\`^+=、…]+(?=${cjk})`, "gu");
const spacing = /[\s\u200b-\u200d\u2060\ufeff]+/g;

/** Normalisation the lexicon's patterns are written against: see the lexicon's `about`. */
export function createRiskNormaliser(lexicon: ParsedRiskLexicon): (text: string) => string {
  const pairs = [...lexicon.traditional];
  const simplifiedOf = new Map<string, string>();
  for (let i = 0; i + 1 < pairs.length; i += 2) simplifiedOf.set(pairs[i] as string, pairs[i + 1] as string);
  const traditionalChars = simplifiedOf.size ? new RegExp(`[${[...simplifiedOf.keys()].join("")}]`, "gu") : null;
  const rewrites = lexicon.rewrites.map((rewrite) => ({ from: new RegExp(expandTerms(rewrite.from, lexicon.terms), "gu"), to: rewrite.to }));
  return (raw) => {
    let text = raw.normalize("NFKC").toLowerCase().replace(spacing, "");
    if (traditionalChars) text = text.replace(traditionalChars, (char) => simplifiedOf.get(char) ?? char);
    text = text.replace(trickPunctuation, "");
    for (const rewrite of rewrites) text = text.replace(rewrite.from, rewrite.to);
    return text;
  };
}

/**
 * Entries that agree on category, level, negation and cue run as one regular expression (an alternation
 * of their patterns): a hundred small expressions cost a hundred scans of every message, two dozen
 * merged ones far fewer, with the same verdicts.
 */
function compileEntries(lexicon: ParsedRiskLexicon, expand: (pattern: string) => string): CompiledEntry[] {
  const groups = new Map<string, { category: RiskSignalCategory; entry: RiskLexiconEntry; patterns: string[] }>();
  for (const category of riskSignalCategories) {
    for (const entry of lexicon.categories[category] ?? []) {
      const pattern = expand(entry.pattern);
      // each pattern must compile on its own, so an error names it; one that matches nothing at all (a stray
      // "|" at its end) would match everywhere and, merged with others, hide their matches: refused too
      if (new RegExp(`^(?:${pattern})$`, "u").test("")) throw new Error(`风险词库的规则会匹配空文本：${entry.pattern}`);
      const key = [category, entry.level, entry.negatable ?? false, entry.near ?? "", entry.within ?? ""].join("\u0000");
      const group = groups.get(key) ?? { category, entry, patterns: [] };
      group.patterns.push(pattern);
      groups.set(key, group);
    }
  }
  return [...groups.values()].map(({ category, entry, patterns }) => {
    const pattern = patterns.map((one) => `(?:${one})`).join("|");
    return {
      category,
      level: entry.level,
      negatable: entry.negatable ?? false,
      regex: new RegExp(pattern, "gu"),
      required: requiredCharactersOf(pattern),
      near: entry.near ? new RegExp(expand(entry.near), "u") : null,
      within: entry.within ?? defaultNearWithin,
    };
  });
}

/**
 * Builds a detector from lexicon data and, when given, the learned model stored with it (both validated,
 * every pattern compiled, so a broken version is refused where it is loaded rather than silently missing
 * a student in danger). It flags a message when either the lexicon or the model does (unless the model is
 * nearly sure the message needs nothing: riskModelVetoScore): the level is the lexicon's when it fires, else
 * the model's categories' level (riskModelLevels), never "none".
 */
/**
 * The model reads only messages of at least this many characters (after normalisation). A short chat line
 * ("不知道", "再见", "就这样吧") carries too little for the model alone: on 170 everyday chat lines the model
 * flagged 15 (most as high suicide, each an alert to a supervisor), all shorter than this; the words that
 * matter in a short line ("想死", "不想活了") are the lexicon's, which reads every message. The lines are in
 * corpus/riskEveryday.zh.jsonl; on both blind sets the guard costs no recall (checked once, after choosing it).
 */
export const riskModelMinimumLength = 12;

/**
 * When the model is nearly sure a message needs nothing (its "any" score below this), a lexicon match below
 * "imminent" is dropped: most false alarms on text nobody tuned for were the lexicon's words in a harmless
 * context the model reads as a whole (news, a novel, a game, "以前…现在好多了", "哈哈" jokes). Imminent
 * matches always stand, and so do short lines (the model does not read them). Chosen on cross-validated
 * and held-out-by-file figures (README): cross-validated false alarms fell by about a third (10.1 % → 6.3 %)
 * for 0.3 points of recall.
 */
export const riskModelVetoScore = 0.15;

export function createRiskDetector(data: unknown, modelData?: unknown, { modelVetoScore = riskModelVetoScore }: { modelVetoScore?: number } = {}): RiskDetector {
  const lexicon = riskLexiconSchema.parse(data);
  const model: RiskModelScorer | null = modelData ? createRiskModelScorer(modelData) : null;
  const expand = (pattern: string) => expandTerms(pattern, lexicon.terms);
  const normalise = createRiskNormaliser(lexicon);
  const negation = new RegExp(expand(lexicon.negationBefore), "u");
  const affirmations = lexicon.affirmBeforeNegation.map((pattern) => new RegExp(expand(pattern), "u"));
  /** True when a negation ends right at start and nothing before it cancels it (我不想死, not 我没有一天不想死). */
  const negatedAt = (text: string, start: number): boolean => {
    const from = Math.max(0, start - negationWindow);
    const found = negation.exec(text.slice(from, start));
    if (!found) return false;
    const negationStart = from + found.index;
    const before = text.slice(Math.max(0, negationStart - affirmationWindow), negationStart);
    return !affirmations.some((affirmation) => affirmation.test(before));
  };
  const ignores = lexicon.ignore.map((pattern) => ({ regex: new RegExp(expand(pattern), "gu"), required: requiredCharactersOf(expand(pattern)) }));
  const entries = compileEntries(lexicon, expand);
  const hasCue = (entry: CompiledEntry, text: string, start: number, end: number): boolean => {
    const near = entry.near as RegExp;
    return near.test(text.slice(Math.max(0, start - entry.within), start)) || near.test(text.slice(end, end + entry.within));
  };

  return (raw) => {
    const text = normalise(raw);
    const present = new Set(text);
    const ignored: Array<[number, number]> = [];
    for (const { regex, required } of ignores) {
      if (!mayMatch(required, present)) continue;
      regex.lastIndex = 0;
      for (let found = regex.exec(text); found; found = regex.exec(text)) {
        ignored.push([found.index, found.index + found[0].length]);
        if (found[0].length === 0) regex.lastIndex += 1;
      }
    }
    const matches: RiskMatch[] = [];
    for (const entry of entries) {
      if (!mayMatch(entry.required, present)) continue;
      const regex = entry.regex;
      regex.lastIndex = 0;
      for (let found = regex.exec(text); found; found = regex.exec(text)) {
        const start = found.index;
        const end = start + found[0].length;
        if (end === start) {
          regex.lastIndex += 1;
          continue;
        }
        // A dropped match may hide a later one of another pattern in the same group: look again one further on.
        if (
          (ignored.length && ignored.some(([from, to]) => start < to && end > from)) ||
          (entry.negatable && negatedAt(text, start)) ||
          (entry.near && !hasCue(entry, text, start, end))
        ) {
          regex.lastIndex = start + 1;
          continue;
        }
        matches.push({ category: entry.category, level: entry.level, text: found[0], index: start });
      }
    }
    const lexiconLevel = matches.reduce<RiskLevel>((highest, match) => (riskLevelRank[match.level] > riskLevelRank[highest] ? match.level : highest), "none");
    const verdict = text.length >= riskModelMinimumLength ? model?.(text) : undefined;
    if (verdict && verdict.score < modelVetoScore && lexiconLevel !== "imminent") return { level: "none", categories: [], matches: [] };
    if (verdict?.flagged) {
      for (const category of verdict.categories) {
        if (!matches.some((match) => match.category === category)) matches.push({ category, level: riskModelLevels[category], text: "", index: -1, source: "model" });
      }
    }
    if (!matches.length) return { level: "none", categories: [], matches };
    const level =
      lexiconLevel !== "none"
        ? lexiconLevel
        : matches.reduce<RiskLevel>((highest, match) => (riskLevelRank[match.level] > riskLevelRank[highest] ? match.level : highest), "none");
    const categories = riskSignalCategories.filter((category) => matches.some((match) => match.category === category));
    return { level, categories, matches: matches.sort((a, b) => a.index - b.index) };
  };
}

/** The lexicon shipped in the repository: the seed of the database's first version and the fallback. */
export const shippedRiskLexicon: unknown = shippedLexicon;
/** The learned model shipped beside it (npm run risk:train writes it), seeded with it. */
export const shippedRiskModel: unknown = shippedModel;
const shippedDetector = createRiskDetector(shippedLexicon, shippedModel);

let activeDetector: RiskDetector = shippedDetector;
let activeVersion: { id: string | null; version: string } = { id: null, version: (shippedLexicon as { version: string }).version };

/**
 * The call-site API: detects risk with this process's current lexicon (the shipped one until the
 * database's active version is loaded, then whichever version a supervisor activated last).
 */
export function detectRisk(text: string): RiskAssessment {
  return activeDetector(text);
}

/** Swaps the process's detector (compiled beforehand, so detectRisk never sees a half-built lexicon). */
export function useRiskDetector(detector: RiskDetector, version: { id: string | null; version: string }): void {
  activeDetector = detector;
  activeVersion = version;
}

/** Which lexicon detectRisk uses now: the database version id (null for the shipped file) and its label. */
export function activeRiskLexicon(): { id: string | null; version: string } {
  return activeVersion;
}

/** Back to the shipped lexicon (tests). */
export function resetRiskDetector(): void {
  useRiskDetector(shippedDetector, { id: null, version: (shippedLexicon as { version: string }).version });
}

const shippedNormaliser = createRiskNormaliser(riskLexiconSchema.parse(shippedLexicon));
/** The shipped lexicon's normalisation (what a pattern is matched against), for tests and the admin preview. */
export function normaliseForRisk(text: string): string {
  return shippedNormaliser(text);
}
