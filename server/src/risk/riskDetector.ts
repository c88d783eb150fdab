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
import { CharacterPresence, requiredCharactersOf } from "./riskPrefilter";
import { createRiskModelScorer, riskModelLevels, type RiskModelScorer } from "./riskModel";
import { riskModelReadingOf } from "./riskModelReach";
import { rewriteRiskyPinyin } from "./riskPinyin";

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

interface CompiledGroup {
  category: RiskSignalCategory;
  level: Exclude<RiskLevel, "none">;
  negatable: boolean;
  near: RegExp | null;
  within: number;
  /** The entries' patterns (terms expanded), in lexicon order. */
  patterns: string[];
  /** Per entry, the id in CharacterPresence of the characters a match of it must contain (see scanGroup). */
  required: Int32Array;
  /** The group's family in CharacterPresence: none of its entries may match when the family may not. */
  family: number;
  /** All entries as one alternation, and each entry on its own (scanGroup). */
  regex: RegExp;
  entries: RegExp[];
  /**
   * False when a pattern has a numbered back-reference (\1): in the alternation it counts the groups of the
   * patterns before it, alone it does not, so such a group always runs as the alternation.
   */
  separable: boolean;
  /** Scratch of scanGroup: the entries that may match this message, and each one's next match. */
  possible: Int32Array;
  next: Array<RegExpExecArray | null>;
}

const termReference = /\{\{([a-zA-Z0-9]+)\}\}/g;

/** Replaces {{name}} with its term (terms may use terms); an unknown name is an error, never a silent miss. */
export function expandRiskTerms(pattern: string, terms: Record<string, string>, depth = 0): string {
  if (depth > 4) throw new Error(`风险词库的 terms 嵌套过深：${pattern}`);
  return pattern.replace(termReference, (_, name: string) => {
    const term = terms[name];
    if (term === undefined) throw new Error(`风险词库引用了不存在的 term：{{${name}}}`);
    return expandRiskTerms(term, terms, depth + 1);
  });
}

const cjk = "[\\u3400-\\u9fff]";
/** Punctuation students put between characters to dodge filters (不-想-活-了, 想 自.杀, 自*杀). */
const trickCharacters = "-_.·*~/\\\\|'\"`^+=、…";
const trickPunctuation = new RegExp(`(?<=${cjk})[${trickCharacters}]+(?=${cjk})`, "gu");
const anyTrickCharacter = new RegExp(`[${trickCharacters}]`, "u");
const spacing = /[\s\u200b-\u200d\u2060\ufeff]+/g;

/**
 * String.prototype.normalize("NFKC") for the usual message, without the call into ICU: when every character
 * is printable ASCII, a CJK ideograph (U+3400–4DBF, U+4E00–9FFF), 、 or 。 (all unchanged by NFKC, and none
 * composes with its neighbour) or a full-width form of ASCII (U+FF01–FF5E, which NFKC maps to U+0021–007E),
 * maps the full-width forms; anything else goes to normalize.
 */
function nfkc(raw: string): string {
  const length = raw.length;
  let wide = false;
  for (let index = 0; index < length; index += 1) {
    const code = raw.charCodeAt(index);
    if ((code >= 0x4e00 && code <= 0x9fff) || (code >= 0x20 && code <= 0x7e)) continue;
    if (code >= 0xff01 && code <= 0xff5e) wide = true;
    else if (!((code >= 0x3400 && code <= 0x4dbf) || code === 0x3001 || code === 0x3002)) return raw.normalize("NFKC");
  }
  if (!wide) return raw;
  let text = "";
  let from = 0;
  for (let index = 0; index < length; index += 1) {
    const code = raw.charCodeAt(index);
    if (code >= 0xff01 && code <= 0xff5e) {
      text += raw.slice(from, index) + String.fromCharCode(code - 0xfee0);
      from = index + 1;
    }
  }
  return text + raw.slice(from);
}

/**
 * Normalisation the lexicon's patterns are written against: see the lexicon's `about`. Each step is skipped
 * on a message where it cannot change anything (no traditional character, no trick punctuation, none of
 * the characters a rewrite needs); riskDetectorSpeed.test.ts checks it against the plain chain of replaces.
 */
export function createRiskNormaliser(lexicon: ParsedRiskLexicon): (text: string) => string {
  const pairs = [...lexicon.traditional];
  const simplifiedOf = new Map<string, string>();
  for (let i = 0; i + 1 < pairs.length; i += 2) simplifiedOf.set(pairs[i] as string, pairs[i + 1] as string);
  const traditionalChars = simplifiedOf.size ? new RegExp(`[${[...simplifiedOf.keys()].join("")}]`, "gu") : null;
  // which code units may start a traditional character (a BMP character itself, or the high surrogate of one outside it)
  const traditionalUnit = new Uint8Array(0x10000);
  for (const char of simplifiedOf.keys()) traditionalUnit[char.charCodeAt(0)] = 1;
  const rewrites = lexicon.rewrites.map((rewrite) => {
    const pattern = expandRiskTerms(rewrite.from, lexicon.terms);
    // a rewrite runs only on text holding one character of each set its pattern needs (small sets only: a
    // look-up per character must stay cheaper than the expression)
    const required = requiredCharactersOf(pattern, 8).filter((set) => set.size <= 16).map((set) => [...set]);
    return { from: new RegExp(pattern, "gu"), to: rewrite.to, required };
  });
  return (raw) => {
    let text = nfkc(raw).toLowerCase();
    spacing.lastIndex = 0;
    if (spacing.test(text)) text = text.replace(spacing, "");
    if (traditionalChars) {
      for (let index = 0; index < text.length; index += 1) {
        if (traditionalUnit[text.charCodeAt(index)]) {
          text = text.replace(traditionalChars, (char) => simplifiedOf.get(char) ?? char);
          break;
        }
      }
    }
    if (anyTrickCharacter.test(text)) text = text.replace(trickPunctuation, "");
    text = rewriteRiskyPinyin(text);
    for (const rewrite of rewrites) {
      if (rewrite.required.every((set) => set.some((char) => text.includes(char)))) text = text.replace(rewrite.from, rewrite.to);
    }
    return text;
  };
}

/** Lexicon entries that agree on category, level, negation and cue (patterns with their terms expanded). */
export interface RiskLexiconGroup {
  category: RiskSignalCategory;
  level: Exclude<RiskLevel, "none">;
  negatable: boolean;
  /** The second cue's pattern, terms expanded. */
  near: string | null;
  within: number | undefined;
  patterns: string[];
}

/**
 * Entries that agree on category, level, negation and cue run as one regular expression (an alternation
 * of their patterns): a hundred small expressions cost a hundred scans of every message, two dozen
 * merged ones far fewer, with the same verdicts.
 */
export function groupRiskLexiconEntries(lexicon: ParsedRiskLexicon, expand: (pattern: string) => string): RiskLexiconGroup[] {
  const groups = new Map<string, RiskLexiconGroup>();
  for (const category of riskSignalCategories) {
    for (const entry of lexicon.categories[category] ?? []) {
      const pattern = expand(entry.pattern);
      // each pattern must compile on its own, so an error names it; one that matches nothing at all (a stray
      // "|" at its end) would match everywhere and, merged with others, hide their matches: refused too
      if (new RegExp(`^(?:${pattern})$`, "u").test("")) throw new Error(`风险词库的规则会匹配空文本：${entry.pattern}`);
      const key = [category, entry.level, entry.negatable ?? false, entry.near ?? "", entry.within ?? ""].join("\u0000");
      const group = groups.get(key) ?? {
        category,
        level: entry.level,
        negatable: entry.negatable ?? false,
        near: entry.near ? expand(entry.near) : null,
        within: entry.within,
        patterns: [],
      };
      group.patterns.push(pattern);
      groups.set(key, group);
    }
  }
  return [...groups.values()];
}

const alternationOf = (patterns: readonly string[]): RegExp => new RegExp(patterns.map((one) => `(?:${one})`).join("|"), "gu");

/**
 * Runs a group on a message: calls onMatch with each match the group's alternation finds, in order (onMatch
 * returns whether the match counts: a kept match's scan goes on after it, a dropped one's one character
 * further on, like a global expression's lastIndex).
 *
 * The alternation is run only when every entry may match. Otherwise each entry that may match (its required
 * characters are all in the message; one that may not cannot match anywhere in it) runs on its own, and the
 * scans are merged: the alternation's next match from a position is the leftmost of its branches' next
 * matches there, on a tie the first branch's, and a branch's match at a place is the same whether it runs
 * alone or in the alternation. A branch's next match is kept until the scan passes its start (a match found
 * from an earlier position that starts at or after the new one is also the first from the new one).
 * Smaller expressions, each with its own fast search for its first characters, instead of one with dozens
 * of branches tried at every character.
 */
function scanGroup(group: CompiledGroup, text: string, presence: CharacterPresence, onMatch: (group: CompiledGroup, found: RegExpExecArray) => boolean): void {
  if (!presence.familyMayMatch(group.family)) return;
  const count = group.patterns.length;
  const possible = group.possible;
  let possibleCount = 0;
  for (let index = 0; index < count; index += 1) if (presence.mayMatch(group.required[index] as number)) possible[possibleCount++] = index;
  if (possibleCount === 0) return;
  if (possibleCount === count || possibleCount === 1 || !group.separable) {
    const regex = possibleCount === 1 && group.separable ? (group.entries[possible[0] as number] as RegExp) : group.regex;
    regex.lastIndex = 0;
    for (let found = regex.exec(text); found; found = regex.exec(text)) {
      const start = found.index;
      if (found[0].length === 0) regex.lastIndex = start + 1;
      else if (!onMatch(group, found)) regex.lastIndex = start + 1;
    }
    return;
  }
  const next = group.next;
  for (let k = 0; k < possibleCount; k += 1) {
    const regex = group.entries[possible[k] as number] as RegExp;
    regex.lastIndex = 0;
    next[k] = regex.exec(text);
  }
  for (;;) {
    let first = -1;
    let firstStart = Infinity;
    for (let k = 0; k < possibleCount; k += 1) {
      const found = next[k];
      if (found && found.index < firstStart) {
        first = k;
        firstStart = found.index;
      }
    }
    if (first < 0) return;
    const found = next[first] as RegExpExecArray;
    const end = firstStart + found[0].length;
    const from = end === firstStart || !onMatch(group, found) ? firstStart + 1 : end;
    for (let k = 0; k < possibleCount; k += 1) {
      const pending = next[k];
      if (pending && pending.index < from) {
        const regex = group.entries[possible[k] as number] as RegExp;
        regex.lastIndex = from;
        next[k] = regex.exec(text);
      }
    }
  }
}

// Which messages the model reads, fully or as a short line: riskModelReach.ts (shared with the trainer).
export { riskModelMinimumHan, riskModelMinimumLength, riskModelReadingOf, riskModelReads, riskModelReadsShort } from "./riskModelReach";

/**
 * When the model is nearly sure a message needs nothing (its "any" score below this), a lexicon match below
 * "imminent" is dropped: most false alarms on text nobody tuned for were the lexicon's words in a harmless
 * context the model reads as a whole (news, a novel, a game, "以前…现在好多了", "哈哈" jokes). Imminent
 * matches always stand, and so do short lines (the model reads them only to add a flag). Chosen on cross-validated
 * and held-out-by-file figures (README): cross-validated false alarms fell by about a third (10.1 % → 6.3 %)
 * for 0.3 points of recall. Raised from 0.15 (2026-12-07, session 8): on the six writers' files held out by
 * file, false alarms 7.2 → 6.9 % (mean) for 0.3 points of recall. Back to 0.15 (2026-12-07, session 9, with
 * lexicon 2026-12-07.3, whose new actor + act, secret, locked-out and revenge entries the veto would drop):
 * held out by file, mean of ten writers' files, 95.7 / 5.9 → 96.0 / 6.4 % (recall / false alarms), every file
 * within 10 % false alarms; a 6 % "any" threshold with veto 0.2 gave 95.9 / 6.8 with one file at 10.9 %.
 * Raised to 0.3 (2026-12-07, session 9b, fourteen writers' files with heldout8 and written-s9c/d/e): at
 * 0.15 three files exceeded 10 % false alarms (heldout5 11.8, written-s8b 10.4, written-s9e 11.3); with the
 * "any" threshold at 4 % and veto 0.3 every file stays within 10 % (mean 94.1 / 4.4 %), but only 4 of the 14
 * writers then get both ≥ 95 % recall and ≤ 10 % false alarms. Kept at 0.15 with the threshold at 6 %: the
 * setting under which the most writers (8 of 14) meet both goals, and of those the highest mean recall with
 * the mean false alarms ≤ 7 % (95.8 / 6.7 %; files over 10 %: heldout5, written-s8b, written-s9e, at most
 * 12.4 %). A child's missed message costs more than a counsellor's second look (README, session 9b).
 * 0.2 since session 10 (24 000 rows, "any" threshold 5 %): held out by file on eight writers' files, 0.15 /
 * 0.2 / 0.3 gave 95.8 / 8.3, 95.8 / 7.9 and 95.6 / 7.6 % at 5 % (recall / false alarms); sparing "high" lexicon
 * matches from the veto added 0.1 point of recall for 5 points of false alarms (tried and dropped).
 */
export const riskModelVetoScore = 0.2;

/**
 * Builds a detector from lexicon data and, when given, the learned model stored with it (both validated,
 * every pattern compiled, so a broken version is refused where it is loaded rather than silently missing
 * a student in danger). It flags a message when either the lexicon or the model does (unless the model is
 * nearly sure the message needs nothing: riskModelVetoScore): the level is the lexicon's when it fires, else
 * the model's categories' level (riskModelLevels), never "none".
 *
 * Speed (npm run bench:risk): the message's characters are stamped once (CharacterPresence); an ignore
 * phrase, a group or a branch of a group whose required characters are missing is not run (scanGroup); the
 * model scores its "any" head first and the category heads only for a flagged message, in one pass.
 * riskDetectorSpeed.test.ts checks every corpus row gets exactly the verdict of the plain reference
 * (riskDetectorReference.ts).
 */
export function createRiskDetector(data: unknown, modelData?: unknown, { modelVetoScore = riskModelVetoScore }: { modelVetoScore?: number } = {}): RiskDetector {
  const lexicon = riskLexiconSchema.parse(data);
  const model: RiskModelScorer | null = modelData ? createRiskModelScorer(modelData) : null;
  const expand = (pattern: string) => expandRiskTerms(pattern, lexicon.terms);
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
  const presence = new CharacterPresence();
  const ignores = lexicon.ignore.map((pattern) => ({ regex: new RegExp(expand(pattern), "gu"), required: presence.register(requiredCharactersOf(expand(pattern), 8)) }));
  const groups: CompiledGroup[] = groupRiskLexiconEntries(lexicon, expand).map((group, family) => ({
    category: group.category,
    level: group.level,
    negatable: group.negatable,
    near: group.near ? new RegExp(group.near, "u") : null,
    within: group.within ?? defaultNearWithin,
    patterns: group.patterns,
    required: Int32Array.from(group.patterns, (pattern) => presence.register(requiredCharactersOf(pattern, 8), family)),
    family,
    regex: alternationOf(group.patterns),
    entries: group.patterns.map((pattern) => new RegExp(pattern, "gu")),
    separable: !group.patterns.some((pattern) => /\\[1-9]/.test(pattern)),
    possible: new Int32Array(group.patterns.length),
    next: group.patterns.map(() => null),
  }));
  const hasCue = (group: CompiledGroup, text: string, start: number, end: number): boolean => {
    const near = group.near as RegExp;
    return near.test(text.slice(Math.max(0, start - group.within), start)) || near.test(text.slice(end, end + group.within));
  };

  return (raw) => {
    const text = normalise(raw);
    presence.mark(text);
    const ignored: Array<[number, number]> = [];
    for (const { regex, required } of ignores) {
      if (!presence.mayMatch(required)) continue;
      regex.lastIndex = 0;
      for (let found = regex.exec(text); found; found = regex.exec(text)) {
        ignored.push([found.index, found.index + found[0].length]);
        if (found[0].length === 0) regex.lastIndex += 1;
      }
    }
    const matches: RiskMatch[] = [];
    let lexiconLevel: RiskLevel = "none";
    const onMatch = (group: CompiledGroup, found: RegExpExecArray): boolean => {
      const start = found.index;
      const end = start + found[0].length;
      // A dropped match may hide a later one of another pattern in the same group: look again one further on.
      if (
        (ignored.length && ignored.some(([from, to]) => start < to && end > from)) ||
        (group.negatable && negatedAt(text, start)) ||
        (group.near && !hasCue(group, text, start, end))
      )
        return false;
      matches.push({ category: group.category, level: group.level, text: found[0], index: start });
      if (riskLevelRank[group.level] > riskLevelRank[lexiconLevel]) lexiconLevel = group.level;
      return true;
    };
    for (const group of groups) scanGroup(group, text, presence, onMatch);
    // lexiconLevel is raised inside onMatch, which TypeScript does not follow: hence the cast
    // a long message is read fully (and the model may veto the lexicon); a short line only adds a flag at the
    // model's short threshold (no veto: a few characters are too little to overrule the lexicon)
    const reading = model ? riskModelReadingOf(text) : "none";
    const long = reading === "full";
    const verdict = reading === "none" ? undefined : model!(text, reading === "short");
    if (long && verdict!.score < modelVetoScore && (lexiconLevel as RiskLevel) !== "imminent") return { level: "none", categories: [], matches: [] };
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
    return { level, categories, matches: matches.length > 1 ? matches.sort((a, b) => a.index - b.index) : matches };
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
