/**
 * The analysis core: `analyze(text, phrasebank, context?, options?)` → Report, and an
 * IncrementalAnalyzer for typing (per-sentence results cached by sentence text).
 * Pure: no browser APIs, runs in Node, the content script, the popup and the CLI.
 */
import type { CompiledPhrasebank } from '../phrasebank/types';
import type { AnalysisContext, AnalysisOptions, Finding, Report, Signal } from './types';
import { matcherFor, matchSentenceFast, matchSentencesWithNlp, type SentenceHit } from './matcher';
import { normaliseForMatching, overlapsAny, quotedRanges, splitSentences, type Span } from './text';
import { coachingFor, customerEmotion, type Emotion } from './coaching';
import { bundledModel, judgeSentence, type SentenceJudgement } from './judge';
import { restoreApostrophes, spanToSource } from './apostrophes';
import { coreSpan } from './fillers';
import { answeredByWayForward, combineModel } from './combine';
import { conversationOf, offerFixes } from './offer';
import { hearCustomer } from './listening';

export type { AnalysisContext, AnalysisOptions, Coaching, Finding, Fix, Report, Signal } from './types';
export { splitSentences, normaliseForMatching, quotedRanges } from './text';
export { detectEmotion } from './coaching';
export { hearCustomer } from './listening';
export type { Heard, Particular, ParticularKind, Ask, AskKind, Quote, Feeling, IntensityLevel } from './listening';
export { bundledModel } from './judge';
export { SentenceModel } from './model';
import type { SentenceModel } from './model';

/** Per-sentence results kept while the agent types, keyed by sentence text. */
interface SentenceCache {
  prepared: Map<string, Prepared>;
  hits: Map<string, SentenceHit[]>;
  judged: Map<string, SentenceJudgement>;
}

/** A sentence as the rules read it: apostrophes restored, chat fillers around the clause left out. */
interface Prepared {
  restored: ReturnType<typeof restoreApostrophes>;
  /** Where `text` starts in `restored.text`. */
  from: number;
  text: string;
}

function prepare(sentence: string): Prepared {
  const restored = restoreApostrophes(sentence);
  const [from, to] = coreSpan(restored.text);
  return { restored, from, text: restored.text.slice(from, to) };
}

/** Analyses a draft against a phrasebank. */
export function analyze(text: string, pb: CompiledPhrasebank, context?: AnalysisContext, options?: AnalysisOptions): Report {
  return analyzeWith(text, pb, context, options, null, customerEmotion(context?.customer, feelingDetector(options)));
}

/** Re-analyses a draft as it is typed, re-running NLP only on sentences that changed. */
export class IncrementalAnalyzer {
  private readonly cache: SentenceCache = { prepared: new Map(), hits: new Map(), judged: new Map() };
  private lastCustomer: string | undefined;
  private lastEmotion: Emotion | null = null;

  /** `maxCachedSentences` bounds memory (a 1 MB draft is a few thousand sentences); the cache is cleared when it is exceeded. */
  constructor(
    private readonly pb: CompiledPhrasebank,
    private readonly options?: AnalysisOptions & { maxCachedSentences?: number },
  ) {}

  /** Same result as `analyze(text, pb, context, options)`, faster after small edits. */
  analyze(text: string, context?: AnalysisContext): Report {
    if (context?.customer !== this.lastCustomer) {
      this.lastCustomer = context?.customer;
      this.lastEmotion = customerEmotion(context?.customer, feelingDetector(this.options));
    }
    if (this.cache.hits.size > (this.options?.maxCachedSentences ?? 20_000)) {
      this.cache.prepared.clear();
      this.cache.hits.clear();
      this.cache.judged.clear();
    }
    return analyzeWith(text, this.pb, context, this.options, this.cache, this.lastEmotion);
  }

  /**
   * Analyses the sentences of `text` not yet in the cache, for at most about `budgetMs`, so that a huge
   * draft can be worked through in slices (the background yields to other tabs between them).
   * `upTo` is where the analysed part ends: `analyze(text.slice(0, upTo))` is then quick and complete.
   */
  prepare(text: string, budgetMs: number): { done: boolean; upTo: number } {
    if (this.preparing?.text !== text) this.preparing = { text, sentences: splitSentences(normaliseForMatching(text)), next: 0 };
    const job = this.preparing;
    const t0 = now();
    // At least one sentence per call, so every slice makes progress.
    while (job.next < job.sentences.length) {
      analyzeWith(job.sentences[job.next++].text, this.pb, undefined, this.options, this.cache, null);
      if (now() - t0 > budgetMs) break;
    }
    const done = job.next >= job.sentences.length;
    return { done, upTo: done ? text.length : job.sentences[job.next].start };
  }
  /** The long draft being worked through, and the next sentence to analyse. */
  private preparing?: { text: string; sentences: Span[]; next: number };
}

const now = () => globalThis.performance?.now() ?? Date.now();

function analyzeWith(
  text: string,
  pb: CompiledPhrasebank,
  context: AnalysisContext | undefined,
  options: AnalysisOptions | undefined,
  cache: SentenceCache | null,
  emotion: Emotion | null,
  offer = true,
): Report {
  const matcher = matcherFor(pb);
  const normalised = normaliseForMatching(text);
  const sentences = splitSentences(normalised);
  const quotes = quotedRanges(text);
  const disabled = disabledSet(pb, options);
  const ignored = (options?.ignoredPhrases ?? []).map(canonical).filter(Boolean);
  const findings: Finding[] = [];
  const signals: Signal[] = [];
  /** Not turned off by id or category, and not inside a phrase the agent chose to ignore. */
  const allowed = (ruleId: string, category: string, start: number, end: number) =>
    !disabled.has(ruleId) && !disabled.has(category) && !(ignored.length && isIgnored(normalised, start, end, ignored));
  // Fast path first; sentences that need compromise are tagged together in one call.
  const rulesOn = options?.layers?.rules !== false;
  // Rules are written with apostrophes and anchored to clauses: "dont" and "thats" get theirs back,
  // and chat fillers around the clause ("ok so …, sorry") are left out (offsets map back).
  const prepared = sentences.map((s) => {
    let p = cache?.prepared.get(s.text);
    if (!p) {
      p = prepare(s.text);
      cache?.prepared.set(s.text, p);
    }
    return p;
  });
  const perSentence: Array<SentenceHit[] | null> = prepared.map((p) => (rulesOn ? cache?.hits.get(p.text) ?? matchSentenceFast(matcher, p.text) : []));
  const pending = [...new Set(prepared.filter((_, i) => perSentence[i] === null).map((p) => p.text))];
  const nlpHits = new Map<string, SentenceHit[]>();
  matchSentencesWithNlp(matcher, pending).forEach((hits, i) => nlpHits.set(pending[i], hits));
  sentences.forEach((sentence, i) => {
    const p = prepared[i];
    const hits = perSentence[i] ?? nlpHits.get(p.text)!;
    cache?.hits.set(p.text, hits);
    for (const hit of hits) {
      const [from, to] = spanToSource(p.restored, p.from + hit.start, p.from + hit.end);
      const start = sentence.start + from;
      const end = sentence.start + to;
      if (quotes.length && overlapsAny(start, end, quotes)) continue;
      if (hit.kind === 'rule') {
        const rule = pb.rules[hit.index];
        if (!allowed(rule.ruleId, rule.category, start, end)) continue;
        findings.push({
          ruleId: rule.ruleId,
          category: rule.category,
          severity: rule.severity,
          start,
          end,
          text: text.slice(start, end),
          message: rule.why,
          suggestions: [...rule.suggest],
          fixes: [],
        });
      } else {
        const signal = pb.signals[hit.index];
        if (disabled.has(signal.ruleId)) continue;
        signals.push({ mechanism: signal.mechanism, ruleId: signal.ruleId, start, end, text: text.slice(start, end) });
      }
    }
  });
  const model = modelFor(options);
  let acknowledged = false;
  if (model) {
    const judged = sentences.map((sentence) => {
      const masked = maskQuotes(sentence.text, sentence.start, quotes);
      const cached = cache?.judged.get(masked);
      if (cached) return cached;
      const j = judgeSentence(model, masked);
      cache?.judged.set(masked, j);
      return j;
    });
    acknowledged = judged.some((j) => j.acknowledges);
    combineModel({ text, sentences, judged, pb, findings, signals,
      isAllowed: (ruleId, category, start, end) => !disabled.has('model') && allowed(ruleId, category, start, end) });
  }
  const byPosition = (a: { start: number; end: number; ruleId: string }, b: typeof a) =>
    a.start - b.start || a.end - b.end || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
  signals.sort(byPosition);
  const standing = answeredByWayForward(findings, signals, categoriesNeedingNextStep(pb), text);
  const shown = options?.keepOverlapping ? standing.sort(byPosition) : oneFindingPerPhrase(standing).sort(byPosition);
  // The customer's message is heard once per message (hearCustomer memoises by text), not per keystroke.
  const heard = context?.customer?.trim() ? hearCustomer(context.customer) : null;
  if (shown.length && offer) {
    // Slots in suggestions ({order}, {option}…) are filled from what the customer wrote.
    const conversation = conversationOf(text, context?.customer, heard?.particulars ?? []);
    // Findings and sentences are both in text order: walk them together. Every finding's span, so a fix
    // keeps no remainder another finding flags (all of them, not only those shown: a hidden overlap is still dismissive).
    const others = standing.map((g) => ({ start: g.start, end: g.end, text: '' }));
    const recheck = recheckFor(pb, options);
    let i = 0;
    for (const f of shown) {
      while (i < sentences.length && sentences[i].end <= f.start) i++;
      const sentence = sentences[i] && sentences[i].start <= f.start ? sentences[i] : undefined;
      offerFixes(f, text, sentence, conversation, others, recheck);
    }
  }
  const agentText = sentences.map((s) => s.text).join('\n');
  return { findings: shown, signals, coaching: coachingFor(agentText, shown, signals, emotion, categoriesNeedingNextStep(pb), acknowledged, heard) };
}

const rechecked = new WeakMap<CompiledPhrasebank, Map<string, boolean>>();
/**
 * The check after Apply (offer.ts): a fixed sentence analysed on its own, with the same rules, model and
 * settings, offering nothing (so it cannot recurse). Remembered per phrasebank and settings, since each
 * keystroke re-plans only the sentence that changed but the same fixed sentences come up again.
 */
function recheckFor(pb: CompiledPhrasebank, options: AnalysisOptions | undefined): (piece: string) => boolean {
  let memo = rechecked.get(pb);
  if (!memo) rechecked.set(pb, (memo = new Map()));
  const known = memo;
  // A model passed in the options is not part of the key: its results are not remembered.
  const settings = options?.model === undefined ? JSON.stringify([options?.disabledRules, options?.lockedRules, options?.ignoredPhrases, options?.layers]) : null;
  return (piece) => {
    const key = settings === null ? null : `${settings}\u0001${piece}`;
    const hit = key === null ? undefined : known.get(key);
    if (hit !== undefined) return hit;
    const found = analyzeWith(piece, pb, undefined, options, null, null, false).findings.length > 0;
    if (key !== null) {
      if (known.size > 5000) known.clear();
      known.set(key, found);
    }
    return found;
  };
}

const needsNextStepCache = new WeakMap<CompiledPhrasebank, Set<string>>();
/** Categories marked `needs-next-step` (cached per phrasebank object, like the matcher). */
export function categoriesNeedingNextStep(pb: CompiledPhrasebank): Set<string> {
  let set = needsNextStepCache.get(pb);
  if (!set) needsNextStepCache.set(pb, (set = new Set(pb.categories.filter((c) => c.needsNextStep).map((c) => c.category))));
  return set;
}

/** The model to use: the bundled one unless the options give another, or turn the model layer off. */
function modelFor(options: AnalysisOptions | undefined): SentenceModel | null {
  if (options?.layers?.model === false) return null;
  return options?.model === undefined ? bundledModel() : options.model;
}

function feelingDetector(options: AnalysisOptions | undefined): ((sentence: string) => boolean) | null {
  const model = modelFor(options);
  return model ? (sentence) => model.score(sentence).customerFeeling >= model.thresholds.customerFeeling : null;
}

const SEVERITY_RANK = { high: 0, medium: 1, low: 2 } as const;

/**
 * Two rules often catch the same words ("As I already said" is both a repetition reproach and
 * "I already explained"). Stacked underlines and two cards for one phrase are noise: keep the most
 * severe finding, then the longest span, and drop any finding overlapping one already kept.
 */
function oneFindingPerPhrase(findings: Finding[]): Finding[] {
  if (findings.length < 2) return findings;
  // Only findings that overlap (directly or through others) compete: pick within each such run, so a
  // long draft with thousands of findings costs its length, not its square.
  const byStart = [...findings].sort((a, b) => a.start - b.start);
  const kept: Finding[] = [];
  let run: Finding[] = [];
  let runEnd = -1;
  const settle = () => {
    const ranked = run.sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || b.end - b.start - (a.end - a.start) || a.start - b.start);
    const chosen: Finding[] = [];
    for (const f of ranked) if (!chosen.some((k) => f.start < k.end && k.start < f.end)) chosen.push(f);
    kept.push(...chosen);
  };
  for (const f of byStart) {
    if (run.length && f.start >= runEnd) {
      settle();
      run = [];
    }
    run.push(f);
    runEnd = Math.max(runEnd, f.end);
  }
  settle();
  return kept;
}

/** Disabled rule ids, following renames so old settings keep working; a rule the organisation locks stays on. */
function disabledSet(pb: CompiledPhrasebank, options: AnalysisOptions | undefined): Set<string> {
  const set = new Set<string>();
  for (const id of options?.disabledRules ?? []) {
    set.add(id);
    const renamed = pb.renames?.[id];
    if (renamed) set.add(renamed);
  }
  for (const id of options?.lockedRules ?? []) set.delete(id);
  return set;
}

function canonical(phrase: string): string {
  return normaliseForMatching(phrase).toLowerCase().replace(/\s+/g, ' ').trim();
}

/** True when the finding lies inside an occurrence of an ignored phrase. */
function isIgnored(normalised: string, start: number, end: number, ignored: string[]): boolean {
  const own = canonical(normalised.slice(start, end));
  const lower = normalised.toLowerCase();
  for (const phrase of ignored) {
    if (own === phrase) return true;
    const from = Math.max(0, end - phrase.length - 2);
    const nearby = lower.slice(from, Math.min(lower.length, start + phrase.length + 2)).replace(/\s+/g, ' ');
    if (nearby.includes(phrase) && phrase.includes(own)) return true;
  }
  return false;
}

/** The sentence with quoted text blanked out (same length), so the model judges only the agent's own words. */
function maskQuotes(sentence: string, offset: number, quotes: Array<[number, number]>): string {
  if (!quotes.length) return sentence;
  let out = sentence;
  for (const [a, b] of quotes) {
    const from = Math.max(0, a - offset), to = Math.min(sentence.length, b - offset);
    if (from < to) out = out.slice(0, from) + ' '.repeat(to - from) + out.slice(to);
  }
  return out;
}
