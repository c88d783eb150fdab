/**
 * Speed for the risk detector: for each lexicon pattern, sets of characters a match must contain (at
 * least one character of every set), read from the pattern itself. A message lacking one of those sets
 * cannot match, so that pattern's regular expression is not run on it. Most messages then run a few
 * dozen of the lexicon's patterns instead of all of them.
 *
 * The analysis is conservative: whatever it cannot read (escapes such as \s, negated classes, wide ranges,
 * back-references) requires nothing, so a pattern is only ever skipped when it truly cannot match.
 */

/** Each set: a match contains at least one of its characters. Empty list: no requirement known. */
export type RequiredCharacters = Array<Set<string>>;

/** Characters so common in students' messages that requiring them filters almost nothing. */
const common = new Set([..."我了的是不你他她们在有就都也一个这那说要想会还很好吗吧啊呢"]);
const costOf = (set: Set<string>): number => {
  let cost = 0;
  for (const char of set) cost += common.has(char) ? 20 : 1;
  return cost;
};
const maxClassSize = 64;

class PatternReader {
  private position = 0;
  private readonly chars: string[];
  constructor(
    pattern: string,
    private readonly maxClauses: number,
  ) {
    this.chars = [...pattern];
  }

  read(): RequiredCharacters {
    const clauses = this.alternation();
    return this.position === this.chars.length ? clauses : [];
  }

  private peek(): string | undefined {
    return this.chars[this.position];
  }

  /** a|b|c: one set, the union of each branch's most selective set; nothing if a branch requires nothing. */
  private alternation(): RequiredCharacters {
    const branches: RequiredCharacters[] = [this.sequence()];
    while (this.peek() === "|") {
      this.position += 1;
      branches.push(this.sequence());
    }
    if (branches.length === 1) return branches[0] as RequiredCharacters;
    const union = new Set<string>();
    for (const branch of branches) {
      const best = branch[0];
      if (!best) return [];
      for (const char of best) union.add(char);
    }
    return [union];
  }

  /** Atoms one after another: every atom's requirements hold; keep the most selective few, best first. */
  private sequence(): RequiredCharacters {
    const clauses: RequiredCharacters = [];
    while (this.position < this.chars.length && this.peek() !== "|" && this.peek() !== ")") {
      const atom = this.atom();
      const minimum = this.quantifier();
      if (minimum > 0) clauses.push(...atom);
    }
    return clauses.sort((a, b) => costOf(a) - costOf(b)).slice(0, this.maxClauses);
  }

  /** Reads a quantifier after an atom, if any, and returns its minimum count. */
  private quantifier(): number {
    const char = this.peek();
    let minimum = 1;
    if (char === "?" || char === "*") {
      minimum = 0;
      this.position += 1;
    } else if (char === "+") this.position += 1;
    else if (char === "{") {
      const rest = this.chars.slice(this.position).join("");
      const found = /^\{(\d+)(?:,(\d*))?\}/.exec(rest);
      if (!found) return 1;
      minimum = Number(found[1]);
      this.position += [...found[0]].length;
    } else return 1;
    if (this.peek() === "?") this.position += 1;
    return minimum;
  }

  private atom(): RequiredCharacters {
    const char = this.chars[this.position++] as string;
    if (char === "(") return this.group();
    if (char === "[") return this.characterClass();
    if (char === "\\") return this.escape();
    if (char === "." || char === "^" || char === "$") return [];
    return [new Set([char])];
  }

  private group(): RequiredCharacters {
    let lookaround = false;
    if (this.peek() === "?") {
      const next = this.chars[this.position + 1];
      const after = this.chars[this.position + 2];
      if (next === ":") this.position += 2;
      else if (next === "=" || next === "!") {
        lookaround = true;
        this.position += 2;
      } else if (next === "<" && (after === "=" || after === "!")) {
        lookaround = true;
        this.position += 3;
      } else if (next === "<") {
        this.position += 2;
        while (this.position < this.chars.length && this.peek() !== ">") this.position += 1;
        this.position += 1;
      }
    }
    const clauses = this.alternation();
    if (this.peek() === ")") this.position += 1;
    return lookaround ? [] : clauses;
  }

  private characterClass(): RequiredCharacters {
    const members = new Set<string>();
    let readable = this.peek() !== "^";
    if (!readable) this.position += 1;
    let first = true;
    while (this.position < this.chars.length && (this.peek() !== "]" || first)) {
      first = false;
      let char = this.chars[this.position++] as string;
      if (char === "\\") {
        const escaped = this.chars[this.position++] as string;
        if (/[a-zA-Z0-9]/.test(escaped)) readable = false;
        char = escaped;
      }
      if (this.peek() === "-" && this.chars[this.position + 1] !== "]") {
        this.position += 1;
        let end = this.chars[this.position++] as string;
        if (end === "\\") {
          end = this.chars[this.position++] as string;
          readable = false;
        }
        const from = char.codePointAt(0) as number;
        const to = end.codePointAt(0) as number;
        if (to - from > maxClassSize) readable = false;
        else for (let code = from; code <= to; code += 1) members.add(String.fromCodePoint(code));
      } else members.add(char);
    }
    this.position += 1;
    return readable && members.size <= maxClassSize ? [members] : [];
  }

  private escape(): RequiredCharacters {
    const char = this.chars[this.position++] as string;
    if (char === "u" || char === "x" || /[a-zA-Z0-9]/.test(char)) {
      if (char === "u" && this.peek() === "{") while (this.position < this.chars.length && this.chars[this.position++] !== "}");
      else if (char === "u") this.position += 4;
      else if (char === "x") this.position += 2;
      return [];
    }
    return [new Set([char])];
  }
}

/**
 * What a match of this (term-expanded) pattern must contain; [] when nothing is known. `maxClauses` keeps
 * the most selective few sets of a sequence (more sets skip more, each costs a look-up).
 */
export function requiredCharactersOf(pattern: string, maxClauses = 3): RequiredCharacters {
  try {
    return new PatternReader(pattern, maxClauses).read();
  } catch {
    return [];
  }
}

/** True when text has at least one character of every required set (so the pattern may match). */
export function mayMatch(required: RequiredCharacters, present: ReadonlySet<string>): boolean {
  for (const set of required) {
    let found = false;
    for (const char of set) {
      if (present.has(char)) {
        found = true;
        break;
      }
    }
    if (!found) return false;
  }
  return true;
}

/**
 * Which requirements the current message may meet, without building a Set of the message. Every character
 * a requirement names gets a slot; a requirement is registered once (an id). mark(text) stamps the slots of
 * the message's characters and, the first time a slot is stamped, the requirements whose first (most
 * selective) set holds it; mayMatch(id) then reads one stamp, and only for those the rest of the sets. Most
 * requirements fail at their first set, so most cost a single array read per message.
 */
export class CharacterPresence {
  private readonly bmpSlot = new Int32Array(0x10000).fill(-1);
  private readonly astralSlot = new Map<number, number>();
  /** Per slot, the requirements whose first set holds it. */
  private readonly firstOf: number[][] = [];
  private readonly clauses: Int32Array[][] = [];
  private slotStamps: Uint32Array<ArrayBuffer> = new Uint32Array(0);
  private candidateStamps: Uint32Array<ArrayBuffer> = new Uint32Array(0);
  private readonly familyOf: number[] = [];
  private familyStamps: Uint32Array<ArrayBuffer> = new Uint32Array(0);
  private readonly alwaysFamilies: boolean[] = [];
  private stamp = 0;

  /**
   * Registers a requirement (before any mark) and returns its id for mayMatch. A family (a small number ≥ 0,
   * e.g. the lexicon group the requirement belongs to) lets familyMayMatch skip all its requirements at once.
   */
  register(required: RequiredCharacters, family = -1): number {
    const id = this.clauses.length;
    const clauses = required.map((set) => Int32Array.from([...set], (char) => this.slotFor(char.codePointAt(0) as number)));
    this.clauses.push(clauses);
    this.familyOf.push(family);
    for (const slot of new Set(clauses[0] ?? [])) (this.firstOf[slot] as number[]).push(id);
    if (this.candidateStamps.length <= id) this.candidateStamps = grow(this.candidateStamps, id + 1);
    if (family >= 0) {
      if (this.familyStamps.length <= family) this.familyStamps = grow(this.familyStamps, family + 1);
      if (this.alwaysFamilies.length <= family) this.alwaysFamilies.length = family + 1;
      if (clauses.length === 0) this.alwaysFamilies[family] = true;
    }
    return id;
  }

  /** False when no requirement of the family can be met by the marked message (true for an unknown family). */
  familyMayMatch(family: number): boolean {
    return this.familyStamps[family] === this.stamp || this.alwaysFamilies[family] === true || family >= this.familyStamps.length;
  }

  private slotFor(code: number): number {
    const known = code < 0x10000 ? (this.bmpSlot[code] as number) : (this.astralSlot.get(code) ?? -1);
    if (known >= 0) return known;
    const slot = this.firstOf.length;
    this.firstOf.push([]);
    if (code < 0x10000) this.bmpSlot[code] = slot;
    else this.astralSlot.set(code, slot);
    if (this.slotStamps.length <= slot) this.slotStamps = grow(this.slotStamps, slot + 1);
    return slot;
  }

  /** Stamps the characters of this message (the next mayMatch calls answer for it). */
  mark(text: string): void {
    if (this.stamp === 0xffffffff) {
      this.slotStamps.fill(0);
      this.candidateStamps.fill(0);
      this.familyStamps.fill(0);
      this.stamp = 0;
    }
    const stamp = ++this.stamp;
    const slotStamps = this.slotStamps;
    const candidateStamps = this.candidateStamps;
    const bmpSlot = this.bmpSlot;
    const length = text.length;
    for (let index = 0; index < length; index += 1) {
      const code = text.charCodeAt(index);
      let slot = bmpSlot[code] as number;
      if (code >= 0xd800 && code <= 0xdbff && index + 1 < length) {
        const next = text.charCodeAt(index + 1);
        if (next >= 0xdc00 && next <= 0xdfff) {
          index += 1;
          slot = this.astralSlot.get((code - 0xd800) * 0x400 + (next - 0xdc00) + 0x10000) ?? -1;
        }
      }
      if (slot < 0 || slotStamps[slot] === stamp) continue;
      slotStamps[slot] = stamp;
      const first = this.firstOf[slot] as number[];
      for (let k = 0; k < first.length; k += 1) {
        const id = first[k] as number;
        candidateStamps[id] = stamp;
        const family = this.familyOf[id] as number;
        if (family >= 0) this.familyStamps[family] = stamp;
      }
    }
  }

  /** True when the marked message has at least one character of every set of the requirement. */
  mayMatch(id: number): boolean {
    const clauses = this.clauses[id] as Int32Array[];
    if (clauses.length === 0) return true;
    const stamp = this.stamp;
    if (this.candidateStamps[id] !== stamp) return false;
    const slotStamps = this.slotStamps;
    for (let clause = 1; clause < clauses.length; clause += 1) {
      const slots = clauses[clause] as Int32Array;
      let found = false;
      for (let index = 0; index < slots.length; index += 1) {
        if (slotStamps[slots[index] as number] === stamp) {
          found = true;
          break;
        }
      }
      if (!found) return false;
    }
    return true;
  }
}

function grow(stamps: Uint32Array<ArrayBuffer>, least: number): Uint32Array<ArrayBuffer> {
  const grown = new Uint32Array(Math.max(64, least * 2));
  grown.set(stamps);
  return grown;
}
