/**
 * What a finding offers the agent: each suggestion that invents nothing (suggestion-text.ts), with its
 * slots filled, and the exact edit applying it makes (fixes.ts). `suggestions[i]` is applied by `fixes[i]`.
 */
import type { Finding } from './types';
import type { Span } from './text';
import { planFix, type PlannedFix } from './fixes';
import { fillSlots, isGrounded, type Particular } from './suggestion-text';

export interface Conversation {
  /** The draft and the customer's message, lower-cased: what a suggestion's particulars must occur in. */
  lowered: string;
  particulars: readonly Particular[];
  /** Suggestion → grounded, so a long draft with many findings searches it once per suggestion. */
  grounded: Map<string, boolean>;
}

export function conversationOf(draft: string, customer: string | undefined, particulars: readonly Particular[]): Conversation {
  return { lowered: `${draft}\n${customer ?? ''}`.toLowerCase(), particulars, grounded: new Map() };
}

function grounded(suggestion: string, conversation: Conversation): boolean {
  let ok = conversation.grounded.get(suggestion);
  if (ok === undefined) conversation.grounded.set(suggestion, (ok = isGrounded(suggestion, conversation.lowered)));
  return ok;
}

/**
 * planFix depends only on the sentence, where the finding sits in it, the suggestion and whether the
 * sentence opens one: remembered on those, so a keystroke elsewhere in a long draft re-plans nothing.
 */
const planned = new Map<string, PlannedFix | null>();
function plannedFor(text: string, sentence: Span, finding: { start: number; end: number }, suggestion: string, others: readonly Span[]): PlannedFix | null {
  const lead = text.slice(Math.max(0, sentence.start - 8), sentence.start);
  // Other findings in this sentence, relative to it: a remainder they flag is not kept (fixes.ts).
  const near = others
    .filter((o) => (o.start !== finding.start || o.end !== finding.end) && o.start < sentence.end && o.end > sentence.start)
    .map((o) => ({ start: o.start - sentence.start + lead.length, end: o.end - sentence.start + lead.length }));
  const key = `${lead}\u0001${sentence.text}\u0001${finding.start - sentence.start}\u0001${finding.end - sentence.start}\u0001${suggestion}\u0001${near.map((o) => `${o.start}-${o.end}`).join(',')}`;
  let relative = planned.get(key);
  if (relative === undefined) {
    if (planned.size > 5000) planned.clear();
    const local = planFix(lead + sentence.text, { ...sentence, start: lead.length }, { start: finding.start - sentence.start + lead.length, end: finding.end - sentence.start + lead.length }, suggestion, near);
    relative = local && { shown: local.shown, fix: { ...local.fix, start: local.fix.start - lead.length, end: local.fix.end - lead.length } };
    planned.set(key, relative);
  }
  return relative && { shown: relative.shown, fix: { ...relative.fix, start: relative.fix.start + sentence.start, end: relative.fix.end + sentence.start } };
}

/** Sets `finding.suggestions` to what can be offered here and `finding.fixes` to their edits. */
export function offerFixes(finding: Finding, text: string, sentence: Span | undefined, conversation: Conversation, others: readonly Span[] = []): void {
  const suggestions: string[] = [];
  const fixes: Finding['fixes'] = [];
  for (const raw of finding.suggestions) {
    if (!grounded(raw, conversation)) continue;
    const filled = fillSlots(raw, conversation.particulars);
    if (!filled) continue;
    const within = sentence ?? { start: finding.start, end: finding.end, text: text.slice(finding.start, finding.end) };
    const planned = plannedFor(text, within, finding, filled, others);
    if (!planned || suggestions.includes(planned.shown)) continue;
    suggestions.push(planned.shown);
    fixes.push(planned.fix);
  }
  // What Enter applies is the first: not one that announces an explanation the draft then never gives.
  const order = suggestions.map((_, i) => i).sort((a, b) => Number(promisesMore(fixes[a], text)) - Number(promisesMore(fixes[b], text)));
  finding.suggestions = order.map((i) => suggestions[i]);
  finding.fixes = order.map((i) => fixes[i]);
}

/** "Let me put it another way", "let me explain", "I'll walk you through it": words that promise what comes next. */
const ANNOUNCES = /(?:let me (?:explain|put (?:it|that) another way|go over|go through|sum (?:it |this |that )?up|show you|walk you through|try (?:that )?again)|i'll (?:explain|walk you through|go through|sum (?:it |this )?up)|here (?:it is|are the details|is everything|is a summary) again|here's (?:it|everything) again|(?:this|here) is where things stand|to put it another way|in other words)[^.!?]*[.!?:…]?\s*$/i;
/** Fewer words than this after the edit (a sign-off, a name) deliver nothing. */
const DELIVERS = 5;

/**
 * The edit ends on an announcement and the draft has next to nothing after it: applied alone, it would
 * promise a restatement that never comes (a stricter reading of applied drafts counted 8 in 50).
 */
function promisesMore(fix: Finding['fixes'][number], text: string): boolean {
  if (!ANNOUNCES.test(fix.text)) return false;
  const words = text.slice(fix.end).match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.length < DELIVERS;
}
