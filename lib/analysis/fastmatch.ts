/**
 * A small matcher for the word-level subset of compromise match syntax, run over our own tokens.
 * It is used two ways:
 *  - as a precise prefilter: tag terms (#Adverb), negations and wildcards match any token, so it
 *    finds a superset of compromise's matches and compromise's tagger runs only where needed;
 *  - for "simple" patterns (words, choices, optional words, ^ and $) it gives the match itself.
 */
import type { ParsedTerm } from './prefilter';

/** One token of a sentence (an implicit token is the hidden half of a contraction: "do|n't" → not). */
export interface Token {
  words: string[];
  start: number;
  end: number;
  implicit: boolean;
  /** The implicit token may be absent ("it's" is "it is" or possessive). */
  optional: boolean;
  /** Forms that match this token together with the following ones: "don't", "e-mail", "email". */
  whole?: string[];
  /** Index after the last token covered by `whole`. */
  wholeNext?: number;
  /** The sentence punctuation after this token ends a clause: `^`/`$` may apply around it. */
  boundaryAfter: boolean;
}

type Step =
  | { kind: 'word'; words: Set<string>; optional: boolean; start: boolean; end: boolean }
  | { kind: 'any'; min: number; max: number; start: boolean; end: boolean }
  | { kind: 'choice'; alts: Step[][]; optional: boolean; start: boolean; end: boolean };

/** A pattern compiled for the fast matcher. */
export interface FastPattern {
  steps: Step[];
  /** True when the fast match is exact (no tags, wildcards or negations). */
  exact: boolean;
  /** Words the first token of a match must have (when the first term is a required word). */
  first?: Set<string>;
}

/** Compiles compromise-parsed terms. */
export function compileFast(regs: ParsedTerm[]): FastPattern {
  let exact = true;
  const toStep = (reg: ParsedTerm): Step => {
    const start = reg.start === true;
    const end = reg.end === true;
    const optional = reg.optional === true || reg.min === 0;
    const greedy = reg.greedy === true;
    if (greedy || reg.negative || reg.fuzzy) exact = false;
    if (typeof reg.word === 'string' && !reg.negative && !reg.fuzzy && !greedy) return { kind: 'word', words: new Set([reg.word.toLowerCase()]), optional, start, end };
    if (reg.fastOr instanceof Set && !greedy) return { kind: 'word', words: new Set([...reg.fastOr].map((w) => String(w).toLowerCase())), optional, start, end };
    if (Array.isArray(reg.choices) && !greedy) return { kind: 'choice', alts: reg.choices.map((c) => c.map(toStep)), optional, start, end };
    // tags, roots, wildcards, negations, greedy terms: any tokens, so the result is a superset
    exact = false;
    if (reg.anything === true && typeof reg.max === 'number') return { kind: 'any', min: (reg.min as number) ?? 0, max: reg.max as number, start, end };
    if (greedy || (reg.anything === true && reg.greedy)) return { kind: 'any', min: optional ? 0 : 1, max: Infinity, start, end };
    if (reg.word === undefined && reg.fastOr === undefined && reg.choices === undefined && reg.anything !== true && !reg.tag && !reg.root && !reg.regex && !reg.method && !reg.machine && (start || end)) {
      return { kind: 'any', min: 0, max: 0, start, end }; // a bare ^ or $
    }
    return { kind: 'any', min: optional ? 0 : 1, max: 1, start, end };
  };
  const steps = regs.map(toStep);
  const first = firstWords(steps);
  return { steps, exact, ...(first ? { first } : {}) };
}

/** Words one of which every match must start with (leading optional words included), or null. */
function firstWords(steps: Step[]): Set<string> | null {
  const out = new Set<string>();
  for (const step of steps) {
    if (step.kind === 'any') {
      if (step.max === 0) continue; // a bare ^
      return null;
    }
    if (step.kind === 'word') step.words.forEach((w) => out.add(w));
    else {
      for (const alt of step.alts) {
        const inner = firstWords(alt);
        if (!inner) return null;
        inner.forEach((w) => out.add(w));
      }
    }
    if (!step.optional) return out;
  }
  return null;
}

const SUFFIX_IMPLICIT: Record<string, { words: string[]; optional: boolean }> = {
  "n't": { words: ['not'], optional: false },
  "'re": { words: ['are'], optional: false },
  "'ve": { words: ['have'], optional: false },
  "'ll": { words: ['will'], optional: false },
  "'m": { words: ['am'], optional: false },
  "'s": { words: ['is', 'has', 'us', 'was', 'does'], optional: true },
  "'d": { words: ['would', 'had', 'did', 'could'], optional: true },
};
const BASE_FOR: Record<string, string[]> = { "can't": ['can', 'ca'], "won't": ['will', 'wo'], "shan't": ['shall'], "ain't": ['is', 'are', 'am', 'ai'], cannot: ['can'] };

const CHUNK_RE = /[^\s,;()[\]{}"\u2013\u2014<>]+/g;
const PLAIN_RE = /^[A-Za-z]+[.!?:]*$/;
const TRAIL_RE = /[.!?:]+$/;
const EDGE_RE = /^[^\p{L}\p{N}#@$%&]+|[^\p{L}\p{N}%]+$/gu;

/** Tokenises a normalised sentence (curly apostrophes already straight). */
export function tokenize(sentence: string): Token[] {
  const toks: Token[] = [];
  CHUNK_RE.lastIndex = 0;
  for (let m = CHUNK_RE.exec(sentence); m; m = CHUNK_RE.exec(sentence)) {
    const raw = m[0];
    if (PLAIN_RE.test(raw) && !/^cannot/i.test(raw)) {
      // the common case: a plain word, maybe with a trailing full stop or similar
      const core = raw.replace(TRAIL_RE, '');
      toks.push({ words: [core.toLowerCase()], start: m.index, end: m.index + core.length, implicit: false, optional: false, boundaryAfter: core.length < raw.length && /[.!?:]/.test(raw.slice(core.length)) });
      continue;
    }
    const lead = raw.length - raw.replace(/^[^\p{L}\p{N}#@$%&]+/u, '').length;
    const core = raw.replace(EDGE_RE, '');
    if (!core || !/[\p{L}\p{N}]/u.test(core)) {
      if (toks.length && /[.!?:]/.test(raw)) toks[toks.length - 1].boundaryAfter = true;
      continue;
    }
    const start = m.index + lead;
    const trailing = raw.slice(lead + core.length);
    const lower = core.toLowerCase();
    const parts = lower.split(/[-/]+/).filter(Boolean);
    if (parts.length > 1 && /^[\p{L}\p{N}'-/]+$/u.test(lower)) {
      // "follow-up", "and/or": separate tokens, and the whole form spanning them
      const first = toks.length;
      let offset = 0;
      for (const part of parts) {
        const at = lower.indexOf(part, offset);
        offset = at + part.length;
        pushWord(toks, part, start + at, start + at + part.length);
      }
      toks[first].whole = [lower, lower.replace(/[-/]/g, '')];
      toks[first].wholeNext = toks.length;
    } else {
      pushWord(toks, lower, start, start + core.length);
    }
    if (/[.!?:]/.test(trailing)) toks[toks.length - 1].boundaryAfter = true;
  }
  return toks;
}

function pushWord(toks: Token[], word: string, start: number, end: number): void {
  const plain = word.normalize('NFD').replace(/\p{M}/gu, '');
  const words = [word];
  if (plain !== word) words.push(plain);
  if (/[.]/.test(word)) words.push(word.replace(/\./g, ''));
  const apos = word.indexOf("'");
  const nt = word.endsWith("n't") ? word.length - 3 : -1;
  const suffix = nt > 0 ? "n't" : apos > 0 ? word.slice(apos) : word === 'cannot' ? "n't" : '';
  const implicit = SUFFIX_IMPLICIT[suffix];
  if (!implicit) {
    toks.push({ words, start, end, implicit: false, optional: false, boundaryAfter: false });
    return;
  }
  const base = BASE_FOR[word] ?? [nt > 0 ? word.slice(0, nt) : word === 'cannot' ? 'can' : word.slice(0, apos)];
  words.push(...base, word.replace(/'/g, ''));
  const index = toks.length;
  toks.push({ words, start, end, implicit: false, optional: false, whole: [word], wholeNext: index + 2, boundaryAfter: false });
  toks.push({ words: implicit.words, start: end, end, implicit: true, optional: implicit.optional, boundaryAfter: false });
}

/** [startToken, endToken) of each match, leftmost-longest, non-overlapping. */
export function findAll(p: FastPattern, toks: Token[], firstOnly = false): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let i = 0;
  while (i < toks.length) {
    const tok = toks[i];
    // a match may start at the hidden half of a contraction ("not worry" in "don't worry"), as in compromise
    if (p.first && !tok.words.some((w) => p.first!.has(w)) && !tok.whole?.some((w) => p.first!.has(w))) {
      i++;
      continue;
    }
    let end = -1;
    for (const e of ends(p.steps, 0, toks, i)) if (e > end) end = e;
    if (end > i) {
      out.push([i, end]);
      if (firstOnly) return out;
      i = end;
    } else i++;
  }
  return out;
}

/** Every token index where steps[si..] can end when started at token ti. */
function ends(steps: Step[], si: number, toks: Token[], ti: number): Set<number> {
  const out = new Set<number>();
  if (si === steps.length) {
    out.add(ti);
    return out;
  }
  // an optional implicit token ("'s" as "is") may be skipped between words
  if (si > 0 && ti < toks.length && toks[ti].implicit && toks[ti].optional) for (const e of ends(steps, si, toks, ti + 1)) out.add(e);
  const step = steps[si];
  if (step.start && !atStart(toks, ti)) return out;
  for (const next of stepEnds(step, toks, ti)) {
    if (step.end && !atEnd(toks, next)) continue;
    for (const e of ends(steps, si + 1, toks, next)) out.add(e);
  }
  return out;
}

function atStart(toks: Token[], ti: number): boolean {
  return ti === 0 || (ti > 0 && toks[ti - 1].boundaryAfter) || (ti > 1 && toks[ti - 1].implicit && toks[ti - 2].boundaryAfter);
}
function atEnd(toks: Token[], ti: number): boolean {
  let k = ti;
  while (k < toks.length && toks[k].implicit) k++;
  return k >= toks.length || toks[ti - 1]?.boundaryAfter === true;
}

/** Token indices where one step can end when it starts at ti. */
function stepEnds(step: Step, toks: Token[], ti: number): number[] {
  const out: number[] = [];
  if (step.kind === 'any') {
    for (let n = step.min; n <= step.max && ti + n <= toks.length; n++) out.push(ti + n);
    return out;
  }
  if (step.optional) out.push(ti);
  if (ti >= toks.length) return out;
  if (step.kind === 'word') {
    const tok = toks[ti];
    if (tok.whole && tok.wholeNext !== undefined && tok.whole.some((w) => step.words.has(w))) {
      out.push(tok.wholeNext);
      if (tok.wholeNext === ti + 2 && toks[ti + 1]?.implicit) out.push(ti + 1);
    }
    if (tok.words.some((w) => step.words.has(w))) out.push(ti + 1);
    return out;
  }
  for (const alt of step.alts) for (const e of ends(alt, 0, toks, ti)) out.push(e);
  return out;
}
