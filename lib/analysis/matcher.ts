/**
 * Per-phrasebank matcher (cached per phrasebank object): an index of patterns by a rare required word,
 * the fast word-level matcher, and one compromise net for every rule and signal pattern used only for
 * sentences that need tags; then `unless` patterns and generic context checks.
 * Hits carry offsets relative to their sentence.
 */
import type { CompiledPhrasebank, RuleEntry, SignalEntry } from '../phrasebank/types';
import { buildNet, parse, sweep, matchesParsedIn, type NlpDoc, type NlpNet, type NlpTerm, type ParsedPattern } from './nlp';
import type { RequiredGroups } from './prefilter';
import { findAll, tokenize, type FastPattern, type Token } from './fastmatch';
import { trimSpan } from './text';
import { isAboutAThing, isInYesNoQuestion } from './context';
import { compiledPattern, parsedPattern, patternGroups } from './pattern-cache';
import { expansionsOf } from './pattern-compile';

/** A match inside one sentence (offsets relative to the sentence). */
export interface SentenceHit {
  kind: 'rule' | 'signal';
  /** Index into phrasebank.rules or phrasebank.signals. */
  index: number;
  start: number;
  end: number;
}

interface PatternInfo {
  kind: 'rule' | 'signal';
  index: number;
  /** The phrasebank pattern and which of its expansions this is (compiledPattern(pattern)[alternative]). */
  pattern: string;
  alternative: number;
  groups: RequiredGroups;
  /** The required groups besides the anchor's: a sentence lacking any of them cannot match, so the
   *  pattern is not tried (the same reasoning as the anchor; ~31 candidates a sentence → ~0.5 tried). */
  otherGroups: RequiredGroups;
  /** The same groups as word ids (`CompiledMatcher.wordIds`), flat: each group's length, then its ids. */
  otherIds: Int32Array;
  /** Compiled the first time the pattern is a candidate (fastOf): most never are in a session. */
  compiled?: { fast: FastPattern; direct: boolean };
}

/** Everything derived once from a phrasebank. */
export interface CompiledMatcher {
  phrasebank: CompiledPhrasebank;
  /** Whether any pattern exists (the compromise net is built only when a sentence needs it: netOf). */
  hasPatterns: boolean;
  /** What compromise's net is built from: a pattern's expansion (by index), and what its matches refer to. */
  netInput: Array<{ pattern: string; alternative: number; meta: Record<string, unknown> }>;
  net?: NlpNet;
  patterns: PatternInfo[];
  /** word → patterns anchored on it (a required word, preferably a rare one) */
  byWord: Map<string, number[]>;
  /** patterns without any required word: always tried */
  unanchored: number[];
  /** scratch space to de-duplicate candidates without allocating a Set per sentence */
  mark: Uint32Array;
  generation: number;
  /** Every word of a required group → a small id; `wordMark[id]` is the generation of the last sentence that has it. */
  wordIds: Map<string, number>;
  wordMark: Uint32Array;
  /** `byWord` and `wordIds` in one map, so each word of a sentence costs one look-up (`candidatesOf`). */
  lookup: Map<string, WordEntry>;
  /** per entry: word-only `unless` patterns, or null when one needs compromise (filled on first use: unlessFastOf) */
  unlessFast: { rule: Array<FastPattern[] | null | undefined>; signal: Array<FastPattern[] | null | undefined> };
  /** per entry: its `unless` patterns' parses (filled on first use: unlessParsedOf) */
  unlessParsed: { rule: Array<ParsedPattern[] | undefined>; signal: Array<ParsedPattern[] | undefined> };
}

const cache = new WeakMap<CompiledPhrasebank, CompiledMatcher>();

/** Returns the (cached) matcher for a phrasebank. */
export function matcherFor(pb: CompiledPhrasebank): CompiledMatcher {
  let m = cache.get(pb);
  if (!m) {
    m = compileMatcher(pb);
    cache.set(pb, m);
  }
  return m;
}

/**
 * Builds the index only: each expansion's required words come precompiled (patternGroups), and a
 * pattern's fast form and `unless` checks are compiled when a sentence first makes it a candidate
 * (fastOf, unlessFastOf, unlessParsedOf), so a cold start compiles the few a first draft needs, not ≈5,700.
 */
function compileMatcher(pb: CompiledPhrasebank): CompiledMatcher {
  const patterns: PatternInfo[] = [];
  const netInput: CompiledMatcher['netInput'] = [];
  const add = (kind: 'rule' | 'signal', entries: Array<RuleEntry | SignalEntry>) =>
    entries.forEach((entry, index) => {
      // A pattern not compiled at build time is compiled here, as before (a broken one fails this early).
      for (const u of entry.unless ?? []) patternGroups(u);
      for (const pattern of entry.match) {
        patternGroups(pattern).forEach((groups, alternative) => {
          if (!groups) return; // parsed to nothing
          patterns.push({ kind, index, pattern, alternative, groups, otherGroups: [], otherIds: NO_IDS });
          netInput.push({ pattern, alternative, meta: { kind, index } });
        });
      }
    });
  add('rule', pb.rules);
  add('signal', pb.signals);
  const byWord = new Map<string, number[]>();
  const unanchored: number[] = [];
  const wordIds = new Map<string, number>();
  patterns.forEach((p, i) => {
    const anchor = pickAnchor(p.groups);
    if (anchor < 0) unanchored.push(i);
    else for (const w of p.groups[anchor]) {
      const list = byWord.get(w);
      if (list) list.push(i);
      else byWord.set(w, [i]);
    }
    p.otherGroups = p.groups.filter((_, k) => k !== anchor);
    const flat: number[] = [];
    for (const g of p.otherGroups) {
      flat.push(g.length);
      for (const w of g) flat.push(wordIds.get(w) ?? wordIds.set(w, wordIds.size).get(w)!);
    }
    p.otherIds = flat.length ? Int32Array.from(flat) : NO_IDS;
  });
  const lookup = new Map<string, WordEntry>();
  for (const [w, list] of byWord) lookup.set(w, { id: -1, list });
  for (const [w, id] of wordIds) {
    const e = lookup.get(w);
    if (e) e.id = id;
    else lookup.set(w, { id, list: null });
  }
  return {
    phrasebank: pb,
    hasPatterns: netInput.length > 0,
    netInput,
    patterns,
    byWord,
    unanchored,
    mark: new Uint32Array(patterns.length),
    generation: 0,
    wordIds,
    wordMark: new Uint32Array(wordIds.size),
    lookup,
    unlessFast: { rule: new Array(pb.rules.length), signal: new Array(pb.signals.length) },
    unlessParsed: { rule: new Array(pb.rules.length), signal: new Array(pb.signals.length) },
  };
}

const entryOf = (m: CompiledMatcher, kind: 'rule' | 'signal', index: number): RuleEntry | SignalEntry =>
  kind === 'rule' ? m.phrasebank.rules[index] : m.phrasebank.signals[index];

/** An entry's `unless` patterns of word-only form (checked without compromise, too), or null when one needs compromise. */
function unlessFastOf(m: CompiledMatcher, kind: 'rule' | 'signal', index: number): FastPattern[] | null {
  let list = m.unlessFast[kind][index];
  if (list === undefined) {
    const fast = (entryOf(m, kind, index).unless ?? []).flatMap(compiledPattern).map((u) => u.fast);
    list = m.unlessFast[kind][index] = fast.every((f) => f.exact) ? fast : null;
  }
  return list;
}

/** An entry's `unless` patterns as compromise parses (for the tagger path). */
function unlessParsedOf(m: CompiledMatcher, kind: 'rule' | 'signal', index: number): ParsedPattern[] {
  return (m.unlessParsed[kind][index] ??= (entryOf(m, kind, index).unless ?? []).flatMap(parsedPattern).filter((p) => p.length > 0));
}

/** A pattern's fast form, and whether its fast match can be the answer: a word-only pattern whose `unless`
 *  patterns are word-only too (rules additionally need a match that cannot start with a verb, see startsWithNonVerb). */
function fastOf(m: CompiledMatcher, p: PatternInfo): { fast: FastPattern; direct: boolean } {
  if (!p.compiled) {
    const fast = compiledPattern(p.pattern)[p.alternative].fast;
    p.compiled = { fast, direct: fast.exact && unlessFastOf(m, p.kind, p.index) !== null };
  }
  return p.compiled;
}

// Very frequent words make poor anchors: a pattern is anchored on its rarest-looking required group.
const COMMON = new Set('i you we it to the a an and of is are be will can for in on that this have has not do my your our me us so if at with as was'.split(' '));

/** The index of the group to anchor on, or -1 when there is none. */
function pickAnchor(groups: RequiredGroups): number {
  let best = -1;
  let bestScore = -Infinity;
  groups.forEach((g, k) => {
    const score = g.reduce((min, w) => Math.min(min, COMMON.has(w) ? 0 : Math.min(w.length, 8)), Infinity) - g.length * 0.01;
    if (score > bestScore) {
      best = k;
      bestScore = score;
    }
  });
  return best;
}

// Closed-class words compromise never tags as a verb: a rule match starting with one needs no subject check.
const NON_VERB = new Set(
  ("i you we they he she it there that this these those as our your my their his her its the a an unfortunately sorry so if when " +
    "what why how who which because but and or not no never nothing all any some every each to of in on at for with by from about " +
    "me us them him honestly actually really just only again already").split(' '),
);

/** True when the context check (isAboutAThing) cannot apply to a match starting at token a. */
function startsWithNonVerb(toks: Token[], a: number): boolean {
  if (a === 0) return true; // nothing before it can be a subject
  return toks[a].words.some((w) => NON_VERB.has(w)) && !toks[a].implicit;
}

/** compromise's net over every pattern, built the first time a sentence needs the tagger. */
function netOf(m: CompiledMatcher): NlpNet {
  if (!m.net) {
    const expanded = new Map<string, string[]>();
    const sourceOf = (p: string) => expanded.get(p) ?? expanded.set(p, expansionsOf(p)).get(p)!;
    m.net = buildNet(m.netInput.map((n) => ({ match: sourceOf(n.pattern)[n.alternative], meta: n.meta, parsed: parsedPattern(n.pattern)[n.alternative] })));
  }
  return m.net;
}

/** Finds rule and signal hits in one normalised sentence. */
export function matchSentence(m: CompiledMatcher, sentence: string): SentenceHit[] {
  return matchSentenceFast(m, sentence) ?? matchWithNlp(m, sentence);
}

/** Hits from the fast path, or null when compromise has to decide (see matchSentencesWithNlp). */
export function matchSentenceFast(m: CompiledMatcher, sentence: string): SentenceHit[] | null {
  if (!m.hasPatterns) return [];
  const toks = tokenize(sentence);
  const candidates = candidatesOf(m, toks);
  if (!candidates.length) return [];
  const direct: SentenceHit[] = [];
  const seen = new Set<string>();
  for (const i of candidates) {
    const p = m.patterns[i];
    const { fast, direct: isDirect } = fastOf(m, p);
    const found = findAll(fast, toks, !isDirect);
    if (!found.length) continue;
    if (!isDirect) return null; // tags, context or `unless`: compromise decides
    if (p.kind === 'rule' && found.some(([a]) => !startsWithNonVerb(toks, a))) return null;
    // "it's" / "I'd" are ambiguous ("it is" or "it has"): only compromise's tagger can tell
    if (found.some(([a, b]) => toks.slice(a, b).some((t) => t.optional))) return null;
    if (unlessFastOf(m, p.kind, p.index)!.some((u) => findAll(u, toks, true).length > 0)) continue;
    for (const [a, b] of found) {
      let end = toks[a].end;
      for (let k = a; k < b; k++) end = Math.max(end, toks[k].end);
      // starting on the hidden half of a contraction: show the whole word ("Don't worry")
      const from = toks[a].implicit && a > 0 ? toks[a - 1].start : toks[a].start;
      const [s, e] = trimSpan(sentence, from, end);
      const key = `${p.kind}:${p.index}:${s}:${e}`;
      if (e <= s || seen.has(key)) continue;
      if (p.kind === 'rule' && isInYesNoQuestion(sentence, s)) continue;
      seen.add(key);
      direct.push({ kind: p.kind, index: p.index, start: s, end: e });
    }
  }
  return direct;
}

/**
 * The patterns a sentence's tokens could match, in pattern order of discovery: those anchored on one of
 * its words, then only if it has a word of each of their other required groups too.
 */
function candidatesOf(m: CompiledMatcher, toks: Token[]): number[] {
  const found: number[] = m.unanchored.length ? [...m.unanchored] : [];
  const stamp = ++m.generation;
  // The sentence's words as marks on word ids, not a Set of strings: ~40 candidates a sentence are tested
  // against it, mostly failing, and in a batch these look-ups ran with the matcher's data out of cache.
  // One map look-up per word gives both its id and the patterns it anchors (same candidates, same order).
  const wordMark = m.wordMark, mark = m.mark, lookup = m.lookup;
  for (let t = 0; t < toks.length; t++) {
    const tok = toks[t];
    const words = tok.words;
    for (let j = 0; j < words.length; j++) {
      const e = lookup.get(words[j]);
      if (e !== undefined) markWord(e, wordMark, mark, stamp, found);
    }
    const whole = tok.whole;
    if (whole) for (let j = 0; j < whole.length; j++) {
      const e = lookup.get(whole[j]);
      if (e !== undefined) markWord(e, wordMark, mark, stamp, found);
    }
  }
  const patterns = m.patterns;
  let kept = 0;
  for (let k = 0; k < found.length; k++) {
    const i = found[k];
    if (hasEveryGroup(patterns[i].otherIds, wordMark, stamp)) found[kept++] = i;
  }
  found.length = kept;
  return found;
}

interface WordEntry {
  /** The word's id among the required groups' words (`wordIds`), or -1. */
  id: number;
  /** The patterns it anchors (`byWord`), or null. */
  list: number[] | null;
}

function markWord(e: WordEntry, wordMark: Uint32Array, mark: Uint32Array, stamp: number, found: number[]): void {
  if (e.id >= 0) wordMark[e.id] = stamp;
  const list = e.list;
  if (list) for (let k = 0; k < list.length; k++) {
    const i = list[k];
    if (mark[i] !== stamp) {
      mark[i] = stamp;
      found.push(i);
    }
  }
}

const NO_IDS = new Int32Array(0);

/** Whether the sentence (words marked `stamp`) has a word of every group (flat: length, then ids). */
function hasEveryGroup(ids: Int32Array, wordMark: Uint32Array, stamp: number): boolean {
  let i = 0;
  while (i < ids.length) {
    const end = i + 1 + ids[i];
    let any = false;
    for (i++; i < end; i++) if (wordMark[ids[i]] === stamp) {
      any = true;
      break;
    }
    if (!any) return false;
    i = end;
  }
  return true;
}

/** The reference path: compromise tags the sentence, one net sweep, then `unless` and context checks. */
export function matchWithNlp(m: CompiledMatcher, sentence: string): SentenceHit[] {
  return matchSentencesWithNlp(m, [sentence])[0];
}

/**
 * The compromise path for many sentences in one call (compromise's per-call overhead dominates
 * short sentences). Joined by newlines, which compromise always treats as sentence breaks, so each
 * sentence gets the same result as on its own (checked in tests/unit/analysis/fastmatch.test.ts).
 */
export function matchSentencesWithNlp(m: CompiledMatcher, sentences: string[]): SentenceHit[][] {
  const results: SentenceHit[][] = sentences.map(() => []);
  if (!m.hasPatterns || !sentences.length) return results;
  const starts: number[] = [];
  let offset = 0;
  for (const s of sentences) {
    starts.push(offset);
    offset += s.length + 1;
  }
  const doc = parse(sentences.join('\n'), { chunks: usesChunks(m) });
  // which of our sentences each compromise sentence belongs to
  const owner = doc.sentences.map((terms) => ownerOf(starts, terms.find((t) => t.offset)?.offset?.start ?? 0));
  const seen = new Set<string>();
  for (const match of sweep(doc, netOf(m))) {
    const kind = match.meta.kind as 'rule' | 'signal';
    const index = match.meta.index as number;
    const n = owner[match.sentence];
    const sentenceTerms = doc.sentences[match.sentence];
    // starting on the hidden half of a contraction: include the contracted word ("Don't worry")
    const first = match.start > 0 && sentenceTerms[match.start].offset?.length === 0 ? match.start - 1 : match.start;
    const terms = sentenceTerms.slice(first, match.end);
    const span = spanOf(sentences[n], terms, starts[n]);
    if (!span) continue;
    const key = `${n}:${kind}:${index}:${span[0]}:${span[1]}`;
    if (seen.has(key)) continue;
    const unless = unlessParsedOf(m, kind, index);
    if (unless.length) {
      const own = doc.sentences.map((_, k) => k).filter((k) => owner[k] === n);
      if (unless.some((p) => matchesParsedIn(doc, own, p))) continue;
    }
    if (kind === 'rule' && isAboutAThing(doc.sentences[match.sentence], match.start)) continue;
    if (kind === 'rule' && isInYesNoQuestion(sentences[n], span[0])) continue;
    seen.add(key);
    results[n].push({ kind, index, start: span[0], end: span[1] });
  }
  return results;
}

const chunkUse = new WeakMap<CompiledMatcher, boolean>();
/** Whether a pattern or `unless` of the matcher's phrasebank can name a chunk (`<Noun>`): only then does its parse need the chunker. */
function usesChunks(m: CompiledMatcher): boolean {
  let uses = chunkUse.get(m);
  if (uses === undefined) {
    uses = [...m.phrasebank.rules, ...m.phrasebank.signals].some((e) => [...e.match, ...(e.unless ?? [])].some((p) => p.includes('<')));
    chunkUse.set(m, uses);
  }
  return uses;
}

function ownerOf(starts: number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Exact span of matched terms: first visible term start to last visible term end, punctuation trimmed. */
function spanOf(sentence: string, terms: NlpTerm[], base: number): [number, number] | null {
  let start = Infinity;
  let end = -1;
  for (const t of terms) {
    if (!t.offset || t.offset.length === 0) continue; // the implicit half of a contraction
    start = Math.min(start, t.offset.start - base);
    end = Math.max(end, t.offset.start + t.offset.length - base);
  }
  if (start < 0) return null;
  if (end < 0) return null;
  const [s, e] = trimSpan(sentence, start, Math.min(end, sentence.length));
  return e > s ? [s, e] : null;
}

export type { NlpDoc };
