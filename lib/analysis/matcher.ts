/**
 * Per-phrasebank matcher: one compromise net for every rule and signal pattern (cached per
 * phrasebank object), a word prefilter, `unless` patterns and generic context checks.
 * Works on one sentence at a time; hits carry offsets relative to that sentence.
 */
import type { CompiledPhrasebank, RuleEntry, SignalEntry } from '../phrasebank/types';
import { buildNet, parse, parseMatch, sweep, matchesParsed, type NlpDoc, type NlpNet, type NlpTerm, type ParsedPattern } from './nlp';
import { mayMatch, requiredGroups, wordSet, type ParsedTerm, type RequiredGroups } from './prefilter';
import { trimSpan } from './text';
import { isAboutAThing } from './context';
import { expandPattern } from './expand';

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
  groups: RequiredGroups;
}

/** Everything derived once from a phrasebank. */
export interface CompiledMatcher {
  phrasebank: CompiledPhrasebank;
  net: NlpNet | null;
  patterns: PatternInfo[];
  ruleUnless: ParsedPattern[][];
  signalUnless: ParsedPattern[][];
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

function compileMatcher(pb: CompiledPhrasebank): CompiledMatcher {
  const patterns: PatternInfo[] = [];
  const netInput: Array<{ match: string; meta: Record<string, unknown> }> = [];
  const add = (kind: 'rule' | 'signal', entries: Array<RuleEntry | SignalEntry>) =>
    entries.forEach((entry, index) => {
      for (const source of entry.match.flatMap(expandPattern)) {
        const parsed = parseMatch(source);
        if (!parsed.length) continue;
        patterns.push({ kind, index, groups: requiredGroups(parsed as ParsedTerm[]) });
        netInput.push({ match: source, meta: { kind, index } });
      }
    });
  add('rule', pb.rules);
  add('signal', pb.signals);
  const unless = (entries: Array<RuleEntry | SignalEntry>) =>
    entries.map((e) => (e.unless ?? []).flatMap(expandPattern).map(parseMatch).filter((p) => p.length > 0));
  return {
    phrasebank: pb,
    net: netInput.length ? buildNet(netInput) : null,
    patterns,
    ruleUnless: unless(pb.rules),
    signalUnless: unless(pb.signals),
  };
}

/** Finds rule and signal hits in one normalised sentence. */
export function matchSentence(m: CompiledMatcher, sentence: string): SentenceHit[] {
  if (!m.net) return [];
  const words = wordSet(sentence);
  if (!m.patterns.some((p) => mayMatch(p.groups, words))) return [];
  const doc = parse(sentence);
  const hits: SentenceHit[] = [];
  const seen = new Set<string>();
  for (const match of sweep(doc, m.net)) {
    const kind = match.meta.kind as 'rule' | 'signal';
    const index = match.meta.index as number;
    const terms = doc.sentences[match.sentence].slice(match.start, match.end);
    const span = spanOf(sentence, terms);
    if (!span) continue;
    const key = `${kind}:${index}:${span[0]}:${span[1]}`;
    if (seen.has(key)) continue;
    const unless = kind === 'rule' ? m.ruleUnless[index] : m.signalUnless[index];
    if (unless.some((p) => matchesParsed(doc, p))) continue;
    if (kind === 'rule' && isAboutAThing(doc.sentences[match.sentence], match.start)) continue;
    seen.add(key);
    hits.push({ kind, index, start: span[0], end: span[1] });
  }
  return hits;
}

/** Exact span of matched terms: first visible term start to last visible term end, punctuation trimmed. */
function spanOf(sentence: string, terms: NlpTerm[]): [number, number] | null {
  let start = Infinity;
  let end = -1;
  for (const t of terms) {
    if (!t.offset || t.offset.length === 0) continue; // the implicit half of a contraction
    start = Math.min(start, t.offset.start);
    end = Math.max(end, t.offset.start + t.offset.length);
  }
  if (end < 0) return null;
  const [s, e] = trimSpan(sentence, start, Math.min(end, sentence.length));
  return e > s ? [s, e] : null;
}

export type { NlpDoc };
