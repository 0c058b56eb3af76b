/**
 * The Report: the contract between the analysis core, the extension, the CLI and outside tools
 * (see docs/design.md). Offsets are UTF-16 indices into the analysed text and
 * `text === input.slice(start, end)`, without trailing punctuation.
 */
import type { Mechanism, Severity } from '../phrasebank/types';
import type { SentenceModel } from './model';

export interface Finding {
  ruleId: string;
  category: string;
  severity: Severity;
  start: number;
  end: number;
  text: string;
  /** Why it hurts (the entry's `why`). */
  message: string;
  suggestions: string[];
  /**
   * The exact edit applying `suggestions[i]` makes: `fixes[i]` replaces text[start, end) with `text`
   * (the flagged clause or words, fitted to the sentence around them; see lib/analysis/fixes.ts).
   */
  fixes: Fix[];
  /** Present when the trained model, not a phrasebank rule, found it. */
  source?: 'model';
  /** The model's probability (model findings only). */
  confidence?: number;
}

/** One edit: replace input[start, end) with `text`. */
export interface Fix {
  start: number;
  end: number;
  text: string;
}

export interface Signal {
  mechanism: Mechanism;
  ruleId: string;
  start: number;
  end: number;
  text: string;
  /** Present when the trained model, not a phrasebank signal, found it. */
  source?: 'model';
  confidence?: number;
}

export interface Coaching {
  /**
   * e.g. 'unacknowledged-emotion', 'no-next-step', 'we-not-i'; with the customer's message:
   * 'unanswered-question', 'nothing-reflected', 'thank-patience', 'ask-how-to-help'.
   */
  kind: string;
  message: string;
  /** What the customer said that this is about: UTF-16 offsets into the customer's message (`AnalysisContext.customer`). */
  quote?: { start: number; end: number; text: string };
  /** How much it matters; absent on items that have no customer message to weigh. */
  severity?: Severity;
}

export interface Report {
  findings: Finding[];
  signals: Signal[];
  coaching: Coaching[];
}

/** What else is known about the conversation. */
export interface AnalysisContext {
  /** The customer's latest message, when the page shows it. */
  customer?: string;
}

/** Per-user adjustments applied on top of the phrasebank. */
export interface AnalysisOptions {
  /** ruleIds that are turned off. */
  disabledRules?: string[];
  /** ruleIds the organisation locks on: a disabledRules entry naming one of them is ignored. */
  lockedRules?: string[];
  /** Exact phrases (case-insensitive) that are never flagged. */
  ignoredPhrases?: string[];
  /**
   * Keep every rule's finding even where spans overlap (rule testing needs each rule's own verdict).
   * By default one phrase gets one underline: the most severe, then the longest, finding wins.
   */
  keepOverlapping?: boolean;
  /** The trained sentence model; the bundled one when absent, none when null. */
  model?: SentenceModel | null;
  /** Turn a layer of the judgement off (measurement, and rule tests that need a rule's own verdict). */
  layers?: { rules?: boolean; model?: boolean };
}
