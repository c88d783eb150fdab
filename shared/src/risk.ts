/**
 * Automatic risk signals in what students and parents write (chat, call-back topics, letters, event
 * notes). Categories follow the safeguarding part of the county's reasons-for-contact taxonomy (自杀意念,
 * 自伤, 家庭暴力/性侵害/忽视, 校园欺凌, 离家出走, 进食问题) plus intent to harm others. Levels are the contact
 * record's levels (./contacts.ts), so detection and the counsellor's judgement speak the same scale.
 * The lexicon that drives detection is data (riskLexiconSchema below): shipped as a file, versioned in
 * the database, edited by supervisors.
 */
import { z } from "zod";
import { riskLevelRank, riskLevels, type RiskLevel } from "./contacts";

/** What automatic detection looks for. */
export const riskSignalCategories = [
  "suicide",
  "self_harm",
  "abuse_physical",
  "abuse_sexual",
  "neglect",
  "bullying",
  "violence_to_others",
  "runaway_shut_out",
  "eating",
] as const;
export type RiskSignalCategory = (typeof riskSignalCategories)[number];

/**
 * Keys written by the first lexicon (before 2026-12): rows stored then still carry them. "abuse" covered
 * physical and sexual abuse, "violence" both bullying and intent to harm others, so they cannot be mapped
 * to one new key without guessing; they keep their own label instead.
 */
export const legacyRiskSignalCategories = ["abuse", "violence"] as const;
export type LegacyRiskSignalCategory = (typeof legacyRiskSignalCategories)[number];
/** A category as stored on a message or conversation: a current key, or a legacy one on old rows. */
export type StoredRiskSignalCategory = RiskSignalCategory | LegacyRiskSignalCategory;

export const riskSignalCategoryLabels: Record<StoredRiskSignalCategory, string> = {
  suicide: "自杀风险",
  self_harm: "自伤",
  abuse_physical: "躯体虐待",
  abuse_sexual: "性侵害",
  neglect: "忽视",
  bullying: "欺凌",
  violence_to_others: "伤害他人",
  runaway_shut_out: "离家/被关在门外",
  eating: "进食问题",
  abuse: "受虐/侵害",
  violence: "暴力",
};

/** The higher of two levels: a conversation's level only ever rises automatically. */
export function higherRiskLevel(a: RiskLevel, b: RiskLevel): RiskLevel {
  return riskLevelRank[a] >= riskLevelRank[b] ? a : b;
}

/** One rule of the lexicon. Patterns are JavaScript regular expressions (flag u) on normalised text. */
export const riskLexiconEntrySchema = z.object({
  pattern: z.string().min(1),
  level: z.enum(riskLevels).exclude(["none"]),
  /** Dropped when a negation ends right before the match (我不想死), unless a double negation cancels it. */
  negatable: z.boolean().optional(),
  /** A second cue that must match within `within` characters on either side (a place and "现在", a tool and "今晚"). */
  near: z.string().min(1).optional(),
  within: z.number().int().min(1).max(200).optional(),
  note: z.string().optional(),
});
export type RiskLexiconEntry = z.infer<typeof riskLexiconEntrySchema>;

export const riskLexiconSchema = z.object({
  version: z.string().min(1),
  about: z.string().optional(),
  /** Named fragments; a pattern writes {{name}} to use one (actors, acts, a clause gap). */
  terms: z.record(z.string().regex(/^[a-z][a-zA-Z0-9]*$/), z.string().min(1)).default({}),
  /** Pairs of characters, traditional then simplified, read before matching (殺杀傷伤…). */
  traditional: z.string().default("").refine((pairs) => [...pairs].length % 2 === 0, "繁简对照必须成对"),
  /** Slang, pinyin abbreviations and homophones rewritten before matching (zs → 自杀, 紫砂 → 自杀). */
  rewrites: z.array(z.object({ from: z.string().min(1), to: z.string(), note: z.string().optional() })).default([]),
  negationBefore: z.string().min(1),
  /** Text right before a negation that cancels it (没有一天[不]想死): double negation is affirmation. */
  affirmBeforeNegation: z.array(z.string().min(1)).default([]),
  /** Phrases that only look risky (想死你了, 笑死, 防欺凌讲座): matches inside them are dropped. */
  ignore: z.array(z.string().min(1)),
  categories: z.partialRecord(z.enum(riskSignalCategories), z.array(riskLexiconEntrySchema)),
});
export type RiskLexicon = z.input<typeof riskLexiconSchema>;
export type ParsedRiskLexicon = z.infer<typeof riskLexiconSchema>;

/** The heads of the learned model: "any" decides whether a message is flagged, one per category names it. */
export const riskModelHeads = ["any", ...riskSignalCategories] as const;
export type RiskModelHead = (typeof riskModelHeads)[number];

/**
 * The learned model beside the lexicon (server/src/risk/riskModel.ts): hashed character n-grams of the
 * normalised text, one logistic regression per head. Weights are int8 (times `scale`) in base64, so a
 * model is a few hundred kilobytes of JSON, stored with each lexicon version.
 */
export const riskModelSchema = z.object({
  version: z.string().min(1),
  about: z.string().optional(),
  buckets: z.number().int().min(256).max(1 << 20),
  ngramMax: z.number().int().min(1).max(5),
  trainedRows: z.number().int().min(0),
  /** How the thresholds were chosen: out-of-fold figures on the training rows. */
  crossValidated: z.object({ folds: z.number().int(), recall: z.number(), falseAlarmRate: z.number() }).optional(),
  /**
   * Models trained since 2026-12-07 (session 10) add one feature per message, its count of Chinese characters
   * in five bands, so the model learns how much a short line may say; absent in older stored models.
   */
  lengthBand: z.boolean().optional(),
  /**
   * The "any" threshold for short lines (riskModelReadsShort): a model with it reads them too, flagging one
   * only at or above this (and the "any" threshold). Absent: the model reads no short line, as before.
   */
  shortThreshold: z.number().min(0).max(1).optional(),
  heads: z.record(
    z.enum(riskModelHeads),
    z.object({ bias: z.number(), threshold: z.number(), scale: z.number().positive(), weights: z.string() }),
  ),
});
export type RiskModelData = z.infer<typeof riskModelSchema>;

/** A labelled corpus row: what a counsellor would want flagged in this message (no categories: nothing). */
export const riskCorpusRowSchema = z.object({
  text: z.string().min(1),
  categories: z.array(z.enum(riskSignalCategories)),
  level: z.enum(riskLevels),
  source: z.string().optional(),
});
export type RiskCorpusRow = z.infer<typeof riskCorpusRowSchema>;

/** The bar a lexicon must clear on the corpus before it may be used. */
export const riskLexiconGate = { minRecall: 0.95, maxFalseAlarmRate: 0.1 } as const;

/** Figures of a lexicon on labelled rows (message level overall; per category for each category). */
export interface RiskFiguresView {
  positives: number;
  negatives: number;
  truePositives: number;
  falsePositives: number;
  recall: number;
  precision: number;
  falseAlarmRate: number;
}

/** A lexicon measured on the whole corpus (shipped rows + rows added from feedback); held-out rows apart. */
export interface RiskLexiconEvaluationView {
  rows: number;
  overall: RiskFiguresView;
  categories: Record<RiskSignalCategory, RiskFiguresView>;
  heldOut: RiskFiguresView;
  passesGate: boolean;
}

export interface RiskLexiconVersionView {
  id: string;
  number: number;
  label: string;
  note: string;
  /** Null for a version seeded from the shipped file. */
  authorName: string | null;
  basedOnId: string | null;
  createdAt: string;
  isActive: boolean;
  activatedAt: string | null;
  evaluation: RiskLexiconEvaluationView;
}

export interface RiskLexiconVersionDetailView extends RiskLexiconVersionView {
  content: RiskLexicon;
}

/** 试运行: the active version's figures and the edited lexicon's, on the same rows, nothing saved. */
export interface RiskLexiconTrialView {
  before: RiskLexiconEvaluationView;
  after: RiskLexiconEvaluationView;
  activeVersionId: string | null;
}

export const riskLexiconDraftBody = z.object({ content: z.record(z.string(), z.unknown()) });
export const saveRiskLexiconBody = riskLexiconDraftBody.extend({
  note: z.string().trim().max(500).default(""),
  basedOnId: z.string().uuid().optional(),
});

/**
 * Tries a typed sentence on a draft lexicon: the whole draft's verdict and, with `entry`, that one entry's
 * alone (with the draft's normalisation, negation and ignore phrases), so a supervisor sees whether the
 * entry they are writing catches the words they mean.
 */
export const riskLexiconSentenceBody = riskLexiconDraftBody.extend({
  text: z.string().trim().min(1, { error: "请先输入一句要测试的话" }).max(500, { error: "测试的话请控制在 500 字以内" }),
  entry: z.object({ category: z.enum(riskSignalCategories), entry: riskLexiconEntrySchema }).optional(),
});

export interface RiskSentenceVerdictView {
  level: RiskLevel;
  categories: RiskSignalCategory[];
  /** The matched words (normalised). */
  matches: Array<{ category: RiskSignalCategory; level: RiskLevel; text: string }>;
}

export interface RiskSentenceTrialView {
  /** The sentence as patterns see it (simplified, slang rewritten, spacing tricks removed). */
  normalised: string;
  whole: RiskSentenceVerdictView;
  entry: RiskSentenceVerdictView | null;
}

/** 标记为风险 (the detector missed it) or 误报 (it flagged something harmless). */
export const riskFeedbackKinds = ["missed", "false_alarm"] as const;
export type RiskFeedbackKind = (typeof riskFeedbackKinds)[number];
export const riskFeedbackKindLabels: Record<RiskFeedbackKind, string> = { missed: "漏报（标记为风险）", false_alarm: "误报" };

/**
 * Where the words a feedback is about live (the kind a feedback row stores): a student's chat line
 * (conversation/seq), a writer's letter or letter reply (letter/seq, seq 0 being the letter itself), or the
 * topic a caller gave for a hotline call-back (ticket).
 */
export const riskFeedbackSourceKinds = ["chat_message", "letter_message", "callback_topic"] as const;
export type RiskFeedbackSourceKind = (typeof riskFeedbackSourceKinds)[number];

/** One student's line, letter or topic, by where it lives. */
export const riskTextSource = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("chat_message"), conversationId: z.string().uuid(), seq: z.number().int().min(1) }),
  z.object({ kind: z.literal("letter_message"), letterId: z.string().uuid(), seq: z.number().int().min(0) }),
  z.object({ kind: z.literal("callback_topic"), ticketId: z.string().uuid() }),
]);
export type RiskTextSource = z.infer<typeof riskTextSource>;

/**
 * A feedback is given where the words live, or from a crisis case (`case_source`: one of the flagged
 * items the case shows under 引发关注的内容), with the case's permission instead of the chat's or letter's.
 * Either way the row stores the place the words live (riskFeedbackSourceKinds).
 */
export const giveRiskFeedbackBody = z.object({
  kind: z.enum(riskFeedbackKinds),
  source: z.union([riskTextSource, z.object({ kind: z.literal("case_source"), caseId: z.string().uuid(), source: riskTextSource })]),
  /** For "missed": what the counsellor thinks it is. */
  categories: z.array(z.enum(riskSignalCategories)).max(riskSignalCategories.length).default([]),
  comment: z.string().trim().max(300).default(""),
});
/** What a feedback points at, as the admin sends it. */
export type RiskFeedbackSource = z.infer<typeof giveRiskFeedbackBody>["source"];

/** How a supervisor settles feedback: a corpus row (labelled as they decide), a lexicon edit made, or no change. */
export const riskFeedbackResolutions = ["corpus_row", "lexicon_entry", "dismissed"] as const;
export type RiskFeedbackResolution = (typeof riskFeedbackResolutions)[number];
export const resolveRiskFeedbackBody = z.object({
  resolution: z.enum(riskFeedbackResolutions),
  /** For corpus_row: the label the row gets (no categories = a message that needs no attention). */
  categories: z.array(z.enum(riskSignalCategories)).default([]),
  level: z.enum(riskLevels).default("none"),
});

/** A queue item without the message text (the text is read one item at a time, audited). */
export interface RiskFeedbackView {
  id: string;
  kind: RiskFeedbackKind;
  sourceKind: RiskFeedbackSourceKind;
  sourceId: string;
  detectedLevel: RiskLevel;
  detectedCategories: StoredRiskSignalCategory[];
  suggestedCategories: RiskSignalCategory[];
  comment: string;
  staffName: string;
  status: "open" | "resolved";
  resolution: RiskFeedbackResolution | null;
  createdAt: string;
}

export interface RiskFeedbackDetailView extends RiskFeedbackView {
  text: string;
}
