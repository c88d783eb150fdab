/**
 * Which messages the learned model reads, and how (riskModel.ts scores, riskDetector.ts decides): a long,
 * Chinese message fully (its "any" threshold, and its veto over the lexicon), a short Chinese line only with
 * the stricter short threshold of a model trained for it (shortThreshold), and a line of digits, times or
 * Latin letters never. Its own module so that the trainer (which chooses the short threshold on the rows
 * the model will read as short) and the detector share one rule without importing each other.
 */

/**
 * The model reads a message fully only when it has at least this many characters (after normalisation). A
 * short chat line ("不知道", "再见", "就这样吧") carries too little for the model's usual threshold: on 170
 * everyday chat lines the model once flagged 15 (most as high suicide, each an alert to a supervisor), all
 * shorter than this. Short lines have their own, stricter threshold (riskModelReadsShort).
 */
export const riskModelMinimumLength = 12;

/**
 * …and at least this many Chinese characters (after normalisation): the model learnt Chinese writing, and on
 * a line that is mostly digits, times or Latin letters its n-grams are few and unlike anything it was
 * trained on — "预约时间 12月9日 15:00-16:00" scored as eating (2026-12-07: the eating rows' kg and calories
 * taught it that digits go with eating).
 */
export const riskModelMinimumHan = 8;

/** A short line is read (with the short threshold) only when it has at least this many Chinese characters… */
export const riskModelShortMinimumHan = 2;

const hanCharacter = /\p{Script=Han}/gu;
const latinOrDigit = /[a-z0-9]/g;

/** How the model reads a (normalised) message: fully, as a short line, or not at all. */
export function riskModelReadingOf(text: string): "full" | "short" | "none" {
  const longEnough = text.length >= riskModelMinimumLength;
  let han = 0;
  hanCharacter.lastIndex = 0;
  // a long message stops counting at its eighth Chinese character (most messages: a few characters read)
  while (hanCharacter.exec(text)) if (++han >= riskModelMinimumHan && longEnough) return "full";
  // a short line: at least two Chinese characters and no more Latin letters and digits than those (so
  // "预约时间 12月9日 15:00-16:00" and "room 302 at 3:30pm" stay the lexicon's alone)
  if (han < riskModelShortMinimumHan) return "none";
  let others = 0;
  latinOrDigit.lastIndex = 0;
  while (latinOrDigit.exec(text)) if (++others > han) return "none";
  return "short";
}

/** Whether the model reads this (normalised) message fully: long enough and Chinese enough. */
export function riskModelReads(text: string): boolean {
  return riskModelReadingOf(text) === "full";
}

/** Whether the model reads this (normalised) message as a short line (riskModelReadingOf). */
export function riskModelReadsShort(text: string): boolean {
  return riskModelReadingOf(text) === "short";
}
