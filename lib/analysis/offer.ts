/**
 * What a finding offers the agent: each suggestion that invents nothing (suggestion-text.ts), with its
 * slots filled, and the exact edit applying it makes (fixes.ts). `suggestions[i]` is applied by `fixes[i]`.
 * Each edit is checked after Apply (docs/design.md, "Fixes"): the fixed sentence is analysed again, and a
 * kept part that is still dismissive there is kept plainer or not at all; what still leaves harm, drops the
 * "no" a refusal carried, or promises what the draft never gives is offered after what does not.
 */
import type { Finding } from './types';
import type { Span } from './text';
import { planFix, type KeepMode, type PlannedFix } from './fixes';
import { fillSlots, isGrounded, type Particular } from './suggestion-text';
import { carriesFact } from './facts';
import { ANY_NEGATION, refuses } from './refusal';
import { RESEND_LINE, needsAbsentParty, promiseTakenBack, reproachBeforeDelivery, repeatsAnnouncement } from './fit';

/** True when analysing `piece` on its own (rules and model, as configured) finds anything dismissive. */
export type Recheck = (piece: string) => boolean;

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
function plannedFor(text: string, sentence: Span, finding: { start: number; end: number }, suggestion: string, others: readonly Span[], mode: KeepMode = 'keep'): PlannedFix | null {
  const lead = text.slice(Math.max(0, sentence.start - 8), sentence.start);
  // Other findings in this sentence, relative to it: a remainder they flag is not kept (fixes.ts).
  const near = others
    .filter((o) => (o.start !== finding.start || o.end !== finding.end) && o.start < sentence.end && o.end > sentence.start)
    .map((o) => ({ start: o.start - sentence.start + lead.length, end: o.end - sentence.start + lead.length }));
  const key = `${lead}\u0001${sentence.text}\u0001${finding.start - sentence.start}\u0001${finding.end - sentence.start}\u0001${suggestion}\u0001${near.map((o) => `${o.start}-${o.end}`).join(',')}\u0001${mode}`;
  let relative = planned.get(key);
  if (relative === undefined) {
    if (planned.size > 5000) planned.clear();
    const local = planFix(lead + sentence.text, { ...sentence, start: lead.length }, { start: finding.start - sentence.start + lead.length, end: finding.end - sentence.start + lead.length }, suggestion, near, mode);
    relative = local && { ...local, fix: { ...local.fix, start: local.fix.start - lead.length, end: local.fix.end - lead.length } };
    planned.set(key, relative);
  }
  return relative && { ...relative, fix: { ...relative.fix, start: relative.fix.start + sentence.start, end: relative.fix.end + sentence.start } };
}

/** The sentence `within` as it reads once `fix` is applied. */
function fixedSentence(text: string, within: Span, fix: Finding['fixes'][number]): string {
  return text.slice(within.start, fix.start) + fix.text + text.slice(fix.end, within.end);
}

/**
 * The plan to offer for one suggestion, and whether it still leaves harm in its sentence. A plan that keeps
 * part of the agent's sentence which is dismissive once it stands beside the alternative ("…let me look
 * into it. The parcel is only one day late.") is planned again: as a rewrite of the whole sentence when the
 * kept part carries no fact and no refusal; when it does, keeping it without the words that belittle ("it's
 * only £3" → "It's £3."). A fact (facts.ts) or the "no" is never dropped for tone: if it is still dismissive
 * even so, the first plan stays, offered after the alternatives that leave nothing behind.
 */
function checkedPlan(text: string, within: Span, finding: Finding, suggestion: string, others: readonly Span[], recheck: Recheck | undefined): { planned: PlannedFix; leftover: boolean } | null {
  let planned = plannedFor(text, within, finding, suggestion, others);
  // "Let me explain the rest… I was about to explain.": a kept remainder that only announces what the
  // alternative already announces goes with the flagged words (fit.ts).
  if (planned?.kept?.some((k) => repeatsAnnouncement(suggestion, k))) planned = plannedFor(text, within, finding, suggestion, others, 'sentence') ?? planned;
  if (!planned || !recheck) return planned && { planned, leftover: false };
  if (!recheck(fixedSentence(text, within, planned.fix))) return { planned, leftover: false };
  if (planned.kept?.length) {
    // What is kept carries a fact or the "no": kept, without the words that belittle. Otherwise it goes.
    const needed = planned.kept.some((k) => carriesFact(k) || refuses(k));
    const again = plannedFor(text, within, finding, suggestion, others, needed ? 'plain' : 'sentence');
    if (again && !recheck(fixedSentence(text, within, again.fix))) return { planned: again, leftover: false };
  }
  return { planned, leftover: true };
}

/** Sets `finding.suggestions` to what can be offered here and `finding.fixes` to their edits. */
/** Longer than any real sentence, and than any reply (see `weighed` below). */
const WEIGHED_SENTENCE_MAX = 1_000;
const WEIGHED_TEXT_MAX = 20_000;

export function offerFixes(
  finding: Finding,
  text: string,
  sentence: Span | undefined,
  conversation: Conversation,
  others: readonly Span[] = [],
  recheck?: Recheck,
): void {
  const suggestions: string[] = [];
  const fixes: Finding['fixes'] = [];
  const problems: number[] = [];
  const dropping: boolean[] = [];
  const within = sentence ?? { start: finding.start, end: finding.end, text: text.slice(finding.start, finding.end) };
  // The reply says no (a refusal in this sentence) and nowhere else: an edit that removes it changes the answer.
  // A refusal another finding flags is that finding's to reword ("…nothing more I can do, read the manual":
  // the manual's alternative need not say no), so its words are blanked out first.
  // Weighing the "no" reads the rest of the reply once per finding: over a text far longer than any reply (a
  // 300,000-character paste with 2,884 findings) that was quadratic (0.26 → 1.9 s), so there it is skipped and the
  // fixes are offered in their written order, checked by the seams only.
  const weighed = within.text.length <= WEIGHED_SENTENCE_MAX && text.length <= WEIGHED_TEXT_MAX;
  let own = weighed ? within.text : '';
  for (const o of weighed ? others : []) {
    // Findings on the same words (one shown, others hidden by overlap) are this refusal, not another's.
    if ((o.start < finding.end && o.end > finding.start) || o.end <= within.start || o.start >= within.end) continue;
    const a = Math.max(o.start, within.start) - within.start, b = Math.min(o.end, within.end) - within.start;
    own = own.slice(0, a) + ' '.repeat(b - a) + own.slice(b);
  }
  const refusalHere = weighed && refuses(own) && !refuses(text.slice(0, within.start) + '\n' + text.slice(within.end));
  // The agent's own words deliver after the reproach ("…but here it is again: 4471"): the edit that fits
  // removes the reproach, offered first, with the sentence it leaves as what the card shows (fit.ts).
  const delivered = reproachBeforeDelivery(text, finding.start, finding.end, finding.suggestions);
  if (delivered) {
    const after = text.slice(delivered.end - 1, delivered.end + 300);
    const stop = after.search(/[.!?](?=\s|$)|\n/);
    suggestions.push(delivered.text + after.slice(1, stop < 0 ? undefined : stop + 1));
    fixes.push(delivered);
    dropping.push(false);
    problems.push(-1);
  }
  for (const raw of finding.suggestions) {
    if (!grounded(raw, conversation)) continue;
    // Beside the agent's own "here it is again", a resend line would say it twice.
    if (delivered && RESEND_LINE.test(raw)) continue;
    // "let me take it up with them" where the other party is a system: nobody to take it up with (fit.ts).
    if (needsAbsentParty(raw, conversation.lowered)) continue;
    const filled = fillSlots(raw, conversation.particulars);
    if (!filled) continue;
    const checked = checkedPlan(text, within, finding, filled, others, weighed ? recheck : undefined);
    if (!checked || suggestions.includes(checked.planned.shown)) continue;
    const { planned, leftover } = checked;
    // A kept "that fabric has been discontinued" still says no, with or without a "not".
    const fixed = refusalHere ? fixedSentence(text, within, planned.fix) : '';
    const dropsNo = refusalHere && !ANY_NEGATION.test(fixed) && !refuses(fixed);
    suggestions.push(planned.shown);
    fixes.push(planned.fix);
    dropping.push(dropsNo);
    // Changing the answer is worse than a tone the model still hears: a dropped "no" weighs two.
    // A promise to put it right just before the reply refuses or says all is well takes itself back (fit.ts).
    const applied = text.slice(0, planned.fix.start) + planned.fix.text + text.slice(planned.fix.end);
    const takenBack = weighed && promiseTakenBack(applied, planned.fix.start, planned.fix.start + planned.fix.text.length);
    problems.push(Number(leftover) + 2 * Number(dropsNo) + Number(promisesMore(planned.fix, text)) + Number(takenBack));
  }
  // What Enter applies is the first: the one with the fewest problems after Apply (a leftover that is still
  // dismissive, a "no" the reply needed taken away, an announced explanation the draft never gives).
  // When every alternative would turn the reply's only "no" into a maybe, none is offered: the card still
  // says why the words hurt, and the agent rewords the refusal without the answer changing.
  // And when some alternative keeps it, the ones that drop it are not offered at all: second in the list they
  // were still one click from a kind reply that hides the refusal (19 of 29 such alternatives on the
  // independent set), which misleads the customer more than a plainer wording does.
  const order = dropping.every(Boolean) ? [] : suggestions.map((_, i) => i).filter((i) => !dropping[i]).sort((a, b) => problems[a] - problems[b]);
  finding.suggestions = order.map((i) => suggestions[i]);
  finding.fixes = order.map((i) => fixes[i]);
}

/** "Let me put it another way", "let me explain", "I'll walk you through it": words that promise what comes next. */
const ANNOUNCES = /(?:let me (?:explain|put (?:it|that) another way|go over|go through|sum (?:it |this |that )?up|show you|walk you through|try (?:that )?again)|i'll (?:explain|walk you through|go through|sum (?:it |this )?up)|(?:let me|i'll) try (?:explaining|to explain|putting)|i'd like to explain|let me share (?:it|that|this|them) again|i'll point you to it again|here (?:it is|are the details|is everything|is a summary) again|here's (?:it|everything) again|(?:this|here) is where things stand|to put it another way|in other words)[^.!?]*[.!?:…]?\s*$/i;
// ("I'm happy to explain…" is an offer the customer can take up, not a promise of what comes next.)
/** Fewer words than this after the edit (a sign-off, a name) deliver nothing. */
const DELIVERS = 5;

/**
 * The edit ends on an announcement and the draft has next to nothing after it: applied alone, it would
 * promise a restatement that never comes (a stricter reading of applied drafts counted 8 in 50).
 */
function promisesMore(fix: Finding['fixes'][number], text: string): boolean {
  // The edit is trimmed to what changes ("I'll try…" over "I'm not…" starts at "ll try"): read it with the
  // words before it on its line, as it will stand.
  // Both reads are bounded (120 characters back, 2,000 on), so a long paste costs its length once, not per fix.
  const before = text.slice(Math.max(0, fix.start - 120), fix.start);
  if (!ANNOUNCES.test(before.slice(before.lastIndexOf('\n') + 1) + fix.text)) return false;
  const words = text.slice(fix.end, fix.end + 2_000).match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.length < DELIVERS;
}
