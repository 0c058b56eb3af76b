/**
 * View model of the in-page UI (pure data: the content script computes it, Preact renders it).
 */
import type { Coaching, Finding } from '../../analysis/types';
import type { DismissReason } from '../../extension/stats';

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** One finding as shown on the page, with its client rects (viewport coordinates of the top frame). */
export interface ShownFinding {
  composerId: string;
  /** Stable while the text around it does not change: what "ignore once" remembers. */
  key: string;
  finding: Finding;
  rects: Box[];
  /** Drawn by the overlay (textarea, iframe editors, no Highlight API) rather than CSS highlights. */
  overlay: boolean;
}

export interface ComposerView {
  composerId: string;
  /** Where the composer is (for the badge in its corner). */
  box: Box;
  /** The draft's first line (the card never covers it), when it is in view. */
  firstLine?: Box;
  /** The text reaches the composer's lower right corner: the badge moves outside so it covers no words. */
  textInCorner?: boolean;
  findings: ShownFinding[];
  coaching: Coaching[];
  /** Signals (empathy already present), by mechanism, for the list. */
  signalCount: number;
}

export interface CardState {
  composerId: string;
  key: string;
  /** How it was opened: keyboard focus goes to the first alternative. */
  via: 'click' | 'keyboard' | 'list';
  /**
   * The suggestion (its index) being applied: the card stays, busy, until the edit has landed or been refused.
   * The bridge may first wait out the editor's undo merge window (up to 0.5 s ProseMirror, 1 s Quill).
   */
  applying?: number;
}

export interface PageState {
  composers: ComposerView[];
  titles: Record<string, string>;
  card?: CardState;
  /** composerId whose findings list is open. */
  list?: string;
  notice?: string;
  /** The soft check before sending, while it asks (SendPrompt.tsx). */
  sendCheck?: SendCheckView;
  /** Where the customer's latest message is on screen, while the card is open (it keeps clear of it). */
  customerBox?: Box;
}

/** What the soft check before sending lists: flagged words with their category, or a coaching line. */
export interface SendCheckView {
  composerId: string;
  items: { kind: 'finding' | 'coaching'; text: string; detail?: string }[];
}

/** Actions the UI can ask for. */
export interface PageActions {
  openCard(composerId: string, key: string, via: CardState['via']): void;
  /** Alt+Shift+A: open the card of the next finding in this composer (from the open card, or after the caret). */
  nextFinding(composerId: string): void;
  closeCard(restoreFocus: boolean): void;
  /** Apply suggestion `index` of the finding: its edit is `finding.fixes[index]`. */
  apply(composerId: string, key: string, index: number): void;
  /** Hide it this once; `reason` is the card's "why not" choice (counted, stats.ts). */
  ignoreOnce(composerId: string, key: string, reason?: DismissReason): void;
  ignorePhrase(composerId: string, key: string): void;
  disableRule(composerId: string, key: string): void;
  toggleList(composerId: string): void;
  /** The soft check's answer: send the reply as it is, or go back to the draft. */
  sendCheck(choice: 'send' | 'review'): void;
}

/** "Ignore once" key: the rule, the words, and a little of the text before them (so typing elsewhere keeps it). */
export function findingKey(text: string, f: Pick<Finding, 'ruleId' | 'start' | 'end'>): string {
  const before = text.slice(Math.max(0, f.start - 24), f.start);
  return `${f.ruleId}\u0001${text.slice(f.start, f.end).toLowerCase()}\u0001${before.toLowerCase()}`;
}

/** Severity → the underline's look (colour AND style, so it reads without colour too). */
export const SEVERITY_STYLE = { high: 'wavy', medium: 'solid', low: 'dotted' } as const;

/** Alt+Shift+A, the "next finding" shortcut, in a composer or in the card. */
export const isNextFindingKey = (e: KeyboardEvent) => e.altKey && e.shiftKey && !e.ctrlKey && !e.metaKey && e.code === 'KeyA';
