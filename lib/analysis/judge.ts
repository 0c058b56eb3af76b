/**
 * The model layer of the judgement: what the trained sentence model says about one sentence,
 * above its calibrated thresholds, with the words that drove each verdict.
 * How it combines with the phrasebank's rules is decided in index.ts (see docs/design.md).
 */
import type { Mechanism } from '../phrasebank/types';
import { SentenceModel } from './model';
import packed from './model.generated';
import { trimSpan } from './text';

export interface ModelVerdict {
  /** Probability from the model's head (dismissive, or the mechanism). */
  confidence: number;
  /** Offsets in the sentence of the words that carried it. */
  start: number;
  end: number;
}

export interface SentenceJudgement {
  dismissive: (ModelVerdict & { category: string }) | null;
  mechanisms: Array<ModelVerdict & { mechanism: Mechanism }>;
  /** Leniently: does the sentence acknowledge a feeling? Only used to hold back coaching (no signal is shown). */
  acknowledges: boolean;
}

/**
 * Fewer words than this are too little evidence for a model finding: "Sorry about that." or
 * "That's strange." is harmless alone and dismissive inside "stuff happens, sorry about that", and
 * the model cannot tell which from four words (on real brand replies, a limit of 3 words flagged
 * 3.9 %, 5 words 3.5 %, at the same recall elsewhere). Short dismissive lines ("No.", "Calm down.",
 * "That's our policy.") are the phrasebank's job.
 */
const MIN_WORDS_TO_JUDGE = 5;

/** A sentence mostly made of words the model never saw (another language, a product code) is not judged. */
const MIN_COVERAGE = 0.6;

let bundled: SentenceModel | undefined;

/** The model trained from training/ and shipped in model.generated.ts (decoded once, on first use). */
export function bundledModel(): SentenceModel {
  return (bundled ??= new SentenceModel(packed));
}

/** Judges one sentence. Text inside quotation marks should already be blanked out by the caller. */
export function judgeSentence(model: SentenceModel, sentence: string): SentenceJudgement {
  const passes = (s: { dismissive: number; coverage: number; features: { tokens: unknown[] } }) =>
    s.dismissive >= model.thresholds.dismissive && s.features.tokens.length >= MIN_WORDS_TO_JUDGE && s.coverage >= MIN_COVERAGE;
  // The category is read only for a dismissive verdict: its heads are summed only then.
  const scores = model.score(sentence, passes);
  const span = (e: { start: number; end: number } | null): { start: number; end: number } => {
    const [start, end] = trimSpan(sentence, e?.start ?? 0, e?.end ?? sentence.length);
    return { start, end };
  };
  const dismissive = passes(scores)
    ? { confidence: round(scores.dismissive), category: scores.category, ...span(model.explain(scores.features, { kind: 'dismissive' }, 6, sentence)) }
    : null;
  const mechanisms: SentenceJudgement['mechanisms'] = [];
  for (const mechanism of model.mechanisms) {
    const p = scores.mechanisms[mechanism];
    if (p < (model.thresholds.mechanisms[mechanism] ?? 0.5)) continue;
    mechanisms.push({ mechanism, confidence: round(p), ...span(model.explain(scores.features, { kind: 'mechanism', mechanism }, 8)) });
  }
  return { dismissive, mechanisms, acknowledges: scores.mechanisms['emotional-reaction'] >= model.thresholds.acknowledgement };
}

const round = (p: number) => Math.round(p * 100) / 100;
