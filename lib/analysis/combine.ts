/**
 * How the model's verdicts join the phrasebank's (docs/design.md, "Rules and model"):
 * - a rule finding is shown as it is; the model adds a finding only for a sentence no rule flagged,
 *   worded as a possibility ("May read as …") with the category's reason and alternatives;
 * - a finding of a `needs-next-step` category (a refusal, a policy) is dropped when the reply offers a way
 *   forward anywhere (a next step, a choice, someone owning the next action): the labelling guide's R2 and
 *   R3 (`answeredByWayForward`, for rule and model findings alike; a link to go on to counts too);
 * - the model gives no verdict on a sentence that asks for the details needed to help;
 * - the model's empathy signals are added where no phrasebank signal of the same mechanism already is, and
 *   its exploration only where the sentence asks something and no phrasebank choice signal reads it as
 *   an offer of options, its appreciation only where it thanks.
 */
import type { CompiledPhrasebank, Mechanism } from '../phrasebank/types';
import type { Finding, Signal } from './types';
import type { Span } from './text';
import type { SentenceJudgement } from './judge';
import { DETAILS_ASKS, DETAILS_NOUNS, LOOKED_INTO, THEY_CAN } from './listening-words';
import { PART_OF_THREAD, phraseRegex } from './listening-text';

const WAY_FORWARD: ReadonlySet<Mechanism> = new Set(['next-steps', 'choice', 'ownership']);

export interface CombineInput {
  text: string;
  sentences: Span[];
  judged: SentenceJudgement[];
  pb: CompiledPhrasebank;
  /** Rule findings and signals so far; model results are appended. */
  findings: Finding[];
  signals: Signal[];
  isAllowed: (ruleId: string, category: string, start: number, end: number) => boolean;
}

export function combineModel({ text, sentences, judged, pb, findings, signals, isAllowed }: CombineInput): void {
  const signalled = sentencesWithFindings(sentences, signals).mechanisms;
  sentences.forEach((sentence, i) => {
    for (const v of judged[i].mechanisms) {
      if (signalled.get(i)?.has(v.mechanism)) continue;
      if (MECHANISM_CUE[v.mechanism] && !MECHANISM_CUE[v.mechanism]!.test(sentence.text)) continue;
      // A question the phrasebank reads as an offer of options ("would you prefer…", "shall I…") is the
      // customer's choice, not a question about their experience: the model learned both from "?".
      if (v.mechanism === 'exploration' && signalled.get(i)?.has('choice')) continue;
      const ruleId = `model/${v.mechanism}`;
      const start = sentence.start + v.start, end = sentence.start + v.end;
      if (!isAllowed(ruleId, v.mechanism, start, end)) continue;
      signals.push({ mechanism: v.mechanism, ruleId, start, end, text: text.slice(start, end), source: 'model', confidence: v.confidence });
    }
  });
  const ruled = sentencesWithFindings(sentences, findings).touched;
  sentences.forEach((sentence, i) => {
    const v = judged[i].dismissive;
    if (!v || ruled.has(i) || asksForDetails(sentence.text)) return;
    const ruleId = `model/${v.category}`;
    const start = sentence.start + v.start, end = sentence.start + v.end;
    if (!isAllowed(ruleId, v.category, start, end)) return;
    const info = pb.categories.find((c) => c.category === v.category);
    findings.push({
      ruleId,
      category: v.category,
      severity: 'low',
      start,
      end,
      text: text.slice(start, end),
      message: info ? `May read as ${info.title.toLowerCase()}. ${info.why}` : 'May read as dismissive to the customer.',
      suggestions: info?.suggest?.length ? [...info.suggest] : pb.rules.find((r) => r.category === v.category)?.suggest.slice(0, 2) ?? [],
      fixes: [],
      source: 'model',
      confidence: v.confidence,
    });
  });
}

/**
 * A refusal or a policy is judged by the whole reply (labelling guide R2, R3): with a way forward anywhere
 * in it (a next step, a choice, an owned action, from rules or model) it strands no one, so findings of
 * `needs-next-step` categories are dropped. This is what lets the refusal rules match every shape of "no".
 */
export function answeredByWayForward(findings: Finding[], signals: Signal[], needsNextStep: ReadonlySet<string>, text = ''): Finding[] {
  // One part of a split reply ("1/2") may offer the way forward in the other part: it is not judged alone.
  if (!signals.some(isWayForward) && !LINK.test(text) && !THEY_CAN_RE.test(text) && !PART_OF_THREAD.test(text)) return findings;
  return findings.filter((f) => !needsNextStep.has(f.category));
}

/** A next step, a choice or an owned action; an owned look already taken ("I've checked") leads nowhere by itself. */
function isWayForward(g: Signal): boolean {
  if (!WAY_FORWARD.has(g.mechanism)) return false;
  return g.mechanism !== 'ownership' || !LOOKED_INTO_RE.test(g.text.replace(/[\u2018\u2019]/g, "'"));
}
const LOOKED_INTO_RE = phraseRegex(LOOKED_INTO, 'iu');

/** What the reply says the customer can do next ("you can rebook here"): R2's alternative (lexicon `they-can`). */
const THEY_CAN_RE = phraseRegex(THEY_CAN, 'iu');
/** A link in the reply points the customer somewhere to go on (a form, a help page, a contact page): R2's "something further". */
const LINK = /\bhttps?:\/\/\S|\bwww\.\w/i;

/**
 * Two mechanisms are acts with a word of their own, which the model also learned from words around them:
 * exploration is asking (a question, "tell me more", "I'd like to understand", wondering aloud), so a
 * reflection ("it sounds like the delay has left you…") is not one; appreciation is thanking, so an owned fix
 * or a named situation is not one. A model signal of these needs that word in its sentence.
 */
const MECHANISM_CUE: Partial<Record<Mechanism, RegExp>> = {
  exploration: /\?|\b(tell|show) (me|us)\b|\blet (me|us) know\b|\b(wonder|wondering|curious)\b|\bi'?d (like|love) to (know|understand|hear)\b|\bhelp me understand\b|\bwalk (me|us) through\b/iu,
  appreciation: /\b(thank|thanks|thx|ty|appreciate|appreciated|grateful|gratitude|kudos)\b|\b(kind|good|generous|patient) of you\b|\bcheers for\b|\bglad you\b/iu,
};

const ASK_RE = phraseRegex(DETAILS_ASKS, 'iu');
const DETAIL_RE = phraseRegex(DETAILS_NOUNS, 'iu');
/** "Please DM us your order number": asking for what is needed to help is a way forward, not an order (lexicon `details-asks`). */
function asksForDetails(sentence: string): boolean {
  return ASK_RE.test(sentence) && DETAIL_RE.test(sentence);
}

/**
 * The sentences each finding or signal touches, and which mechanisms a sentence's signals show (both
 * lists walked in text order, so a long draft costs its length, not sentences × findings).
 */
function sentencesWithFindings(sentences: Span[], spans: Array<{ start: number; end: number; mechanism?: Mechanism }>) {
  const touched = new Set<number>();
  const mechanisms = new Map<number, Set<Mechanism>>();
  const byStart = [...spans].sort((a, b) => a.start - b.start);
  let i = 0;
  for (const f of byStart) {
    while (i < sentences.length && sentences[i].end <= f.start) i++;
    for (let j = i; j < sentences.length && sentences[j].start < f.end; j++) {
      touched.add(j);
      if (f.mechanism) (mechanisms.get(j) ?? mechanisms.set(j, new Set()).get(j)!).add(f.mechanism);
    }
  }
  return { touched, mechanisms };
}
