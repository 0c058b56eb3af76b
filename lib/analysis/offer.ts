/**
 * What a finding offers the agent: each suggestion that invents nothing (suggestion-text.ts), with its
 * slots filled, and the exact edit applying it makes (fixes.ts). `suggestions[i]` is applied by `fixes[i]`.
 */
import type { Finding } from './types';
import type { Span } from './text';
import { planFix } from './fixes';
import { fillSlots, isGrounded, type Particular } from './suggestion-text';

export interface Conversation {
  /** The draft and the customer's message, lower-cased: what a suggestion's particulars must occur in. */
  lowered: string;
  particulars: readonly Particular[];
}

export function conversationOf(draft: string, customer: string | undefined, particulars: readonly Particular[]): Conversation {
  return { lowered: `${draft}\n${customer ?? ''}`.toLowerCase(), particulars };
}

/** Sets `finding.suggestions` to what can be offered here and `finding.fixes` to their edits. */
export function offerFixes(finding: Finding, text: string, sentence: Span | undefined, conversation: Conversation): void {
  const suggestions: string[] = [];
  const fixes: Finding['fixes'] = [];
  for (const raw of finding.suggestions) {
    if (!isGrounded(raw, conversation.lowered)) continue;
    const filled = fillSlots(raw, conversation.particulars);
    if (!filled) continue;
    const within = sentence ?? { start: finding.start, end: finding.end, text: text.slice(finding.start, finding.end) };
    const planned = planFix(text, within, finding, filled);
    if (!planned || suggestions.includes(planned.shown)) continue;
    suggestions.push(planned.shown);
    fixes.push(planned.fix);
  }
  finding.suggestions = suggestions;
  finding.fixes = fixes;
}
