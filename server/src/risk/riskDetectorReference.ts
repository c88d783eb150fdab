import {
  riskLevelRank,
  riskLexiconSchema,
  riskModelHeads,
  riskModelSchema,
  riskSignalCategories,
  type ParsedRiskLexicon,
  type RiskLevel,
  type RiskSignalCategory,
} from "@xinyuan/shared";
import { groupRiskLexiconEntries, expandRiskTerms, riskModelMinimumHan, riskModelMinimumLength, riskModelVetoScore, type RiskDetector, type RiskMatch } from "./riskDetector";
import { riskModelShortMinimumHan } from "./riskModelReach";
import { featuresOf, riskModelLevels } from "./riskModel";
import { rewriteRiskyPinyin } from "./riskPinyin";

/**
 * The plain reference of createRiskDetector: the same rules written the obvious way, without any of the
 * detector's shortcuts (no character prefilter, no narrowed alternations, normalisation as one replace
 * after another, every model head scored on its own). It is slow and exists for riskDetectorSpeed.test.ts,
 * which checks the fast detector gives exactly its verdicts on every corpus row: a shortcut that changes a
 * verdict fails there. Do not use it to serve messages.
 */

const negationWindow = 8;
const affirmationWindow = 10;
const defaultNearWithin = 24;
const cjk = "[\\u3400-\\u9fff]";
const trickPunctuation = new RegExp(`(?<=${cjk})[-_.·*~/\\\\|'"\`^+=、…]+(?=${cjk})`, "gu");
const spacing = /[\s\u200b-\u200d\u2060\ufeff]+/g;

export function createPlainRiskNormaliser(lexicon: ParsedRiskLexicon): (text: string) => string {
  const pairs = [...lexicon.traditional];
  const simplifiedOf = new Map<string, string>();
  for (let i = 0; i + 1 < pairs.length; i += 2) simplifiedOf.set(pairs[i] as string, pairs[i + 1] as string);
  const traditionalChars = simplifiedOf.size ? new RegExp(`[${[...simplifiedOf.keys()].join("")}]`, "gu") : null;
  const rewrites = lexicon.rewrites.map((rewrite) => ({ from: new RegExp(expandRiskTerms(rewrite.from, lexicon.terms), "gu"), to: rewrite.to }));
  return (raw) => {
    let text = raw.normalize("NFKC").toLowerCase().replace(spacing, "");
    if (traditionalChars) text = text.replace(traditionalChars, (char) => simplifiedOf.get(char) ?? char);
    text = rewriteRiskyPinyin(text.replace(trickPunctuation, ""));
    for (const rewrite of rewrites) text = text.replace(rewrite.from, rewrite.to);
    return text;
  };
}

function plainModel(input: unknown): (normalised: string, short: boolean) => { flagged: boolean; score: number; categories: RiskSignalCategory[] } {
  const model = riskModelSchema.parse(input);
  const heads = riskModelHeads.map((head) => {
    const stored = model.heads[head];
    const bytes = Buffer.from(stored.weights, "base64");
    return { bias: stored.bias, threshold: stored.threshold, scale: stored.scale, weights: new Int8Array(bytes.buffer, bytes.byteOffset, bytes.length) };
  });
  return (normalised, short) => {
    if (short && model.shortThreshold === undefined) return { flagged: false, score: 0, categories: [] };
    const features: number[] = [];
    const count = featuresOf(normalised, model.buckets, model.ngramMax, features, model.lengthBand === true);
    const scores = heads.map((head) => {
      if (!count) return 0;
      let sum = 0;
      for (const id of features) sum += head.weights[id] as number;
      return 1 / (1 + Math.exp(-(head.bias + (sum * head.scale) / Math.sqrt(count))));
    });
    const score = scores[0] as number;
    if (!count || score < heads[0]!.threshold || (short && score < model.shortThreshold!)) return { flagged: false, score, categories: [] };
    const categories = riskSignalCategories.filter((_, index) => (scores[index + 1] as number) >= heads[index + 1]!.threshold);
    if (!categories.length) {
      const margins = riskSignalCategories.map((_, index) => (scores[index + 1] as number) / heads[index + 1]!.threshold);
      categories.push(riskSignalCategories[margins.indexOf(Math.max(...margins))] as RiskSignalCategory);
    }
    return { flagged: true, score, categories };
  };
}

/** Reference detector: same data, same verdicts as createRiskDetector, no shortcuts. */
export function createPlainRiskDetector(data: unknown, modelData?: unknown, { modelVetoScore = riskModelVetoScore }: { modelVetoScore?: number } = {}): RiskDetector {
  const lexicon = riskLexiconSchema.parse(data);
  const model = modelData ? plainModel(modelData) : null;
  const expand = (pattern: string) => expandRiskTerms(pattern, lexicon.terms);
  const normalise = createPlainRiskNormaliser(lexicon);
  const negation = new RegExp(expand(lexicon.negationBefore), "u");
  const affirmations = lexicon.affirmBeforeNegation.map((pattern) => new RegExp(expand(pattern), "u"));
  const negatedAt = (text: string, start: number): boolean => {
    const from = Math.max(0, start - negationWindow);
    const found = negation.exec(text.slice(from, start));
    if (!found) return false;
    const negationStart = from + found.index;
    const before = text.slice(Math.max(0, negationStart - affirmationWindow), negationStart);
    return !affirmations.some((affirmation) => affirmation.test(before));
  };
  const ignores = lexicon.ignore.map((pattern) => new RegExp(expand(pattern), "gu"));
  const groups = groupRiskLexiconEntries(lexicon, expand).map((group) => ({
    ...group,
    regex: new RegExp(group.patterns.map((one) => `(?:${one})`).join("|"), "gu"),
    near: group.near ? new RegExp(group.near, "u") : null,
    within: group.within ?? defaultNearWithin,
  }));

  return (raw) => {
    const text = normalise(raw);
    const ignored: Array<[number, number]> = [];
    for (const regex of ignores) for (const found of text.matchAll(regex)) ignored.push([found.index, found.index + found[0].length]);
    const matches: RiskMatch[] = [];
    for (const group of groups) {
      const regex = group.regex;
      regex.lastIndex = 0;
      for (let found = regex.exec(text); found; found = regex.exec(text)) {
        const start = found.index;
        const end = start + found[0].length;
        if (end === start) {
          regex.lastIndex += 1;
          continue;
        }
        const cue = (near: RegExp) => near.test(text.slice(Math.max(0, start - group.within), start)) || near.test(text.slice(end, end + group.within));
        if (ignored.some(([from, to]) => start < to && end > from) || (group.negatable && negatedAt(text, start)) || (group.near && !cue(group.near))) {
          regex.lastIndex = start + 1;
          continue;
        }
        matches.push({ category: group.category, level: group.level, text: found[0], index: start });
      }
    }
    const highest = (list: RiskMatch[]) => list.reduce<RiskLevel>((level, match) => (riskLevelRank[match.level] > riskLevelRank[level] ? match.level : level), "none");
    const lexiconLevel = highest(matches);
    const han = (text.match(/\p{Script=Han}/gu) ?? []).length;
    const long = text.length >= riskModelMinimumLength && han >= riskModelMinimumHan;
    const short = !long && han >= riskModelShortMinimumHan && (text.match(/[a-z0-9]/g) ?? []).length <= han;
    const verdict = model && (long || short) ? model(text, short) : null;
    if (verdict && long && verdict.score < modelVetoScore && lexiconLevel !== "imminent") return { level: "none", categories: [], matches: [] };
    if (verdict?.flagged) {
      for (const category of verdict.categories) {
        if (!matches.some((match) => match.category === category)) matches.push({ category, level: riskModelLevels[category], text: "", index: -1, source: "model" });
      }
    }
    if (!matches.length) return { level: "none", categories: [], matches };
    const categories = riskSignalCategories.filter((category) => matches.some((match) => match.category === category));
    return { level: lexiconLevel !== "none" ? lexiconLevel : highest(matches), categories, matches: matches.sort((a, b) => a.index - b.index) };
  };
}
