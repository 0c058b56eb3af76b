/**
 * Messages between the extension's contexts (content script, background, popup).
 * Draft text travels only inside the browser, between these contexts; nothing is stored or sent out.
 */
import type { AnalysisContext, Report } from '../analysis/types';
import type { ApplyResult } from '../editors/types';
import type { StatEvent } from './stats';

/** content script → background: analyse a composer's draft (the background keeps an incremental analyzer per key). */
export interface AnalyzeRequest {
  type: 'attune:analyze';
  /** Stable per composer, e.g. `${tabId}:${composerId}` is built by the background from sender + this id. */
  composerId: string;
  text: string;
  context?: AnalysisContext;
}
/** The Report, plus category titles for the card (the content script does not load the phrasebank). */
/** `pending`: the draft was too long to finish within the time budget; the findings cover its start, ask again. */
export type AnalyzeResponse = Report & { titles?: Record<string, string>; disabled?: boolean; pending?: boolean };

/** content script → background: a composer went away; drop its cache. */
export interface ForgetRequest {
  type: 'attune:forget';
  composerId: string;
}

/** popup → content script (tabs.sendMessage): what is in the page's composers now. */
export interface FindingsRequest {
  type: 'attune:findings';
}
export interface ComposerSummary {
  composerId: string;
  site: string;
  editor: string;
  report: Report;
}
export type FindingsResponse = { composers: ComposerSummary[] };

/** popup → content script: apply a suggestion to a finding in a composer. */
export interface ApplyRequest {
  type: 'attune:apply';
  composerId: string;
  /** The finding (by rule and start) and which of its suggestions: the content script makes that fix. */
  ruleId: string;
  start: number;
  fixIndex: number;
}
export type ApplyResponse = ApplyResult & { copied?: boolean };

/** content script → background: counts to add, as a DraftCounter defined them (stats.ts; counts only, never text). */
export interface StatRequest {
  type: 'attune:stat';
  events: StatEvent[];
}

/** content script → background: the soft check before sending was shown, or the agent sent anyway / went back to review (a count, never text). */
export interface SendCheckStatRequest {
  type: 'attune:send-check-stat';
  outcome: 'shown' | 'sent' | 'reviewed';
}

/**
 * Content script → background, on page load, on a composer's focus and on a keystroke after a quiet spell: wake
 * the service worker and let it warm the engine now, so the first analysis does not wait for a cold start.
 * Answered (with the warm-up's ms) once the engine is warm.
 */
export interface WarmRequest {
  type: 'attune:warm';
}

export type AttuneMessage = AnalyzeRequest | ForgetRequest | FindingsRequest | ApplyRequest | StatRequest | SendCheckStatRequest | WarmRequest;
