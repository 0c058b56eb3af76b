/**
 * The Report: the contract between the analysis core, the extension, the CLI and outside tools
 * (see docs/design.md). Offsets are UTF-16 indices into the analysed text and
 * `text === input.slice(start, end)`, without trailing punctuation.
 */
import type { Mechanism, Severity } from '../phrasebank/types';

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
}

export interface Signal {
  mechanism: Mechanism;
  ruleId: string;
  start: number;
  end: number;
  text: string;
}

export interface Coaching {
  /** e.g. 'unacknowledged-emotion', 'no-next-step', 'we-not-i' */
  kind: string;
  message: string;
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
  /** Exact phrases (case-insensitive) that are never flagged. */
  ignoredPhrases?: string[];
  /**
   * Keep every rule's finding even where spans overlap (rule testing needs each rule's own verdict).
   * By default one phrase gets one underline: the most severe, then the longest, finding wins.
   */
  keepOverlapping?: boolean;
}
