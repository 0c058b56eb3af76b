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
import { RESEND_LINE, answersNothing, causeAlreadyNamed, handOffTakenBack, needsAbsentParty, onlyAnnounces, onlyHandsOff, promiseTakenBack, reproachBeforeDelivery, repeatsAnnouncement, takesItOn } from './fit';

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
  if (planned?.kept?.some((k) => repeatsAnnouncement(suggestion, k) || onlyAnnounces(k))) planned = plannedFor(text, within, finding, suggestion, others, 'sentence') ?? planned;
  // "I'll take this to the team that handles it… Try the returns team.": beside an alternative that takes the
  // problem on, a kept remainder that only sends the customer elsewhere says the opposite, and goes (fit.ts).
  if (planned?.kept?.length && takesItOn(suggestion) && planned.kept.every(onlyHandsOff)) planned = plannedFor(text, within, finding, suggestion, others, 'sentence') ?? planned;
  if (!planned || !recheck) return planned && { planned, leftover: false };
  if (!recheck(fixedSentence(text, within, planned.fix))) return { planned, leftover: false };
  if (planned.kept?.length) {
    // Kept without the words that belittle or disown ("trust me, it's the router" → "It's the router."), when
    // that is no longer dismissive; otherwise, unless it carries a fact or the "no", it goes.
    const plain = plannedFor(text, within, finding, suggestion, others, 'plain');
    if (plain && plain.fix.text !== planned.fix.text && !recheck(fixedSentence(text, within, plain.fix))) return { planned: plain, leftover: false };
    const needed = planned.kept.some((k) => carriesFact(k) || refuses(k));
    const again = needed ? null : plannedFor(text, within, finding, suggestion, others, 'sentence');
    if (again && !recheck(fixedSentence(text, within, again.fix))) return { planned: again, leftover: false };
  }
  return { planned, leftover: true };
}

/** How much of the applied draft the checks after an edit read (fit.ts: promiseTakenBack, handOffTakenBack, causeAlreadyNamed). */
const APPLIED_BEFORE = 200;
const APPLIED_AFTER = 500;
/** Longer than any real sentence, and than any reply (see `weighed` below). */
const WEIGHED_SENTENCE_MAX = 1_000;
const WEIGHED_TEXT_MAX = 20_000;

/** Whether the "no" is weighed at all: over a text far longer than any reply, it is not (see refusesOnlyHere). */
function isWeighed(within: Span, text: string): boolean {
  return within.text.length <= WEIGHED_SENTENCE_MAX && text.length <= WEIGHED_TEXT_MAX;
}

/**
 * The reply says no (a refusal in this sentence) and nowhere else: an edit that removes it changes the answer.
 * A refusal another finding flags is that finding's to reword ("…nothing more I can do, read the manual":
 * the manual's alternative need not say no), so its words are blanked out first.
 * Weighing the "no" reads the rest of the reply once per finding: over a text far longer than any reply (a
 * 300,000-character paste with 2,884 findings) that was quadratic (0.26 → 1.9 s), so there it is skipped and the
 * fixes are offered in their written order, checked by the seams only.
 */
function refusesOnlyHere(finding: Finding, text: string, within: Span, others: readonly Span[]): boolean {
  let own = within.text;
  for (const o of others) {
    // Findings on the same words (one shown, others hidden by overlap) are this refusal, not another's.
    if ((o.start < finding.end && o.end > finding.start) || o.end <= within.start || o.start >= within.end) continue;
    const a = Math.max(o.start, within.start) - within.start, b = Math.min(o.end, within.end) - within.start;
    own = own.slice(0, a) + ' '.repeat(b - a) + own.slice(b);
  }
  return refuses(own) && !refuses(text.slice(0, within.start) + '\n' + text.slice(within.end));
}

/** Sets `finding.suggestions` to what can be offered here and `finding.fixes` to their edits. */
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
  const weighed = isWeighed(within, text);
  const refusalHere = weighed && refusesOnlyHere(finding, text, within, others);
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
    const fix = withoutHandOffAfter(text, within, planned.fix, filled);
    suggestions.push(planned.shown);
    fixes.push(fix);
    dropping.push(dropsNo);
    // Changing the answer is worse than a tone the model still hears: a dropped "no" weighs two.
    // A promise to put it right just before the reply refuses or says all is well takes itself back (fit.ts).
    // The applied draft around the edit only: those checks read at most 200 characters before it and 420 after,
    // and building the whole draft for each alternative cost a long draft its length per keystroke and finding.
    const from = Math.max(0, fix.start - APPLIED_BEFORE);
    const applied = text.slice(from, fix.start) + fix.text + text.slice(fix.end, fix.end + APPLIED_AFTER);
    const editStart = fix.start - from, editEnd = editStart + fix.text.length;
    // …and so does "I'll take this up with them" right before "You'll have to chase them"; and "whoever caused
    // it" right after the draft says who did.
    const takenBack = weighed && (promiseTakenBack(applied, editStart, editEnd) || handOffTakenBack(applied, editStart, editEnd) || causeAlreadyNamed(filled, applied.slice(0, editStart)));
    // An agreeing or "that's sorted" line where the draft agreed to nothing, or in front of steps (fit.ts).
    const misfit = answersNothing(filled, text.slice(finding.start, finding.end), text.slice(fix.end, fix.end + 300));
    problems.push(Number(leftover) + 2 * Number(dropsNo) + Number(promisesMore(fix, text)) + Number(takenBack) + Number(misfit));
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

/**
 * "I'll follow this up with them for you. You'll have to chase them.": when the alternative takes the problem
 * on, a next sentence (on the same line) that only sends the customer to do it themselves goes with the edit:
 * the agent who applies it has taken it on. A hand-off that carries a particular (a number, a link) or a "no"
 * stays.
 */
function withoutHandOffAfter(text: string, within: Span, fix: Finding['fixes'][number], suggestion: string): Finding['fixes'][number] {
  if (!takesItOn(suggestion) || fix.end > within.end) return fix;
  const next = /^([ \t]+)([^.!?\n]+[.!?]*)(?=\s|$)/.exec(text.slice(within.end, within.end + 200));
  if (!next || !onlyHandsOff(next[2]) || carriesFact(next[2])) return fix;
  return { start: fix.start, end: within.end + next[0].length, text: fix.text + text.slice(fix.end, within.end) };
}

/** "Let me put it another way", "let me explain", "I'll walk you through it": words that promise what comes next. */
const ANNOUNCEMENT = /(?:let me (?:explain|put (?:it|that) another way|go over|go through|sum (?:it |this |that )?up|show you|walk you through|try (?:that )?again)|i['\u2019]ll (?:explain|walk you through|go through|go over|sum (?:it |this )?up|show you)|(?:let me|i['\u2019]ll) try (?:explaining|to explain|putting)|i['\u2019]d like to (?:explain|show you|go through|go over)|let me share (?:it|that|this|them) again|i['\u2019]ll point you to it again|here (?:it is|they are|are the (?:details|steps)|is everything|is a summary) again|here['\u2019]s (?:it|everything|the rest|what i['\u2019]ll (?:try|do)|the next step)|(?:this|here) is where things stand|so (?:it['\u2019]s|you have) (?:all|everything) in one place|to put it another way|in other words)[^.!?]*[.!?:…]?/i;
const ANNOUNCES = new RegExp(`${ANNOUNCEMENT.source}\\s*$`, 'i');
// ("I'm happy to explain…", "happy to go through it with you" are offers the customer can take up, not a promise of what comes next.)

/** A sentence after the announcement that gives nothing: a pleasantry, a proposal, a closing, another announcement. */
const EMPTY_SENTENCE = /^(?:sure|ok(?:ay)?|great|thanks|thank you|cheers|regards|best|kind regards|hope (?:this|that|it) helps|let me know|let['\u2019]s (?:do|keep|continue|chat|talk|carry on|take)|(?:we|i)(?:['\u2019]ll| will) leave it|any (?:other |more |further )?questions|feel free|(?:i['\u2019]m|i am) (?:here|around|happy to help|listening)|happy to help|have a (?:good|great|nice|lovely)|speak soon|talk soon|let me try (?:once more|again|one more time)|bear with me)\b/i;
/** An announced reason needs one: "because", "so that", "to protect…". */
const ANNOUNCES_REASON = /\b(?:reason|why)\b/i;
const GIVES_REASON = /\b(?:because|since|so that|as a result|due to|that['\u2019]s why|the reason|this is (?:so|to|because)|in order to|to (?:protect|keep|make sure|prevent|stop|avoid|cover|ensure))\b/i;

/**
 * Does the text after an announcement deliver what it announces? Not by its length (a sign-off, "Sure,
 * let's do it here too." or "We'll leave it with you." deliver nothing) but by what its sentences are: one
 * that states something (four words or more, or a short one with a verb or a particular: "It's the router.",
 * "The fee is £25") and is not a pleasantry, a closing or another announcement; and an announced reason needs
 * a reason ("Late returns are not accepted." announces the rule again, not why).
 */
export function delivers(after: string, announcement: string): boolean {
  const needsReason = ANNOUNCES_REASON.test(announcement);
  // Sentence by sentence, stopping at the first that delivers: most announcements are answered at once.
  for (const [raw] of after.matchAll(/[^.!?\n]+[.!?]*/g)) {
    const x = raw.trim();
    if (x && statesSomething(x) && (!needsReason || GIVES_REASON.test(x))) return true;
  }
  return false;
}

function statesSomething(x: string): boolean {
  if (EMPTY_SENTENCE.test(x) || ANNOUNCES.test(x)) return false;
  const words = x.match(/[\p{L}\p{N}]+/gu) ?? [];
  // A sign-off line ("Best regards,", "Nordhus Customer Service") has no final stop and no verb.
  if (words.length >= 4 && (/[.!?:]$/.test(x) || carriesFact(x) || /\b(?:is|are|was|were|will|can|has|have|do|does)\b|['\u2019](?:s|re|ll|ve)\b/i.test(x))) return true;
  return words.length >= 2 && (carriesFact(x) || (/[.!?]$/.test(x) && /\b(?:is|are|was|were)\b|['\u2019](?:s|re)\b/i.test(x)));
}

/**
 * The edit ends on an announcement and the draft gives nothing after it: applied alone, it would promise a
 * restatement, an explanation or a step that never comes (a stricter reading of applied drafts counted 8 in 50).
 */
export function promisesMore(fix: Finding['fixes'][number], text: string): boolean {
  // The edit is trimmed to what changes ("I'll try…" over "I'm not…" starts at "ll try"): read it with the
  // words before it on its line, as it will stand.
  // Both reads are bounded (120 characters back, 2,000 on), so a long paste costs its length once, not per fix.
  const before = text.slice(Math.max(0, fix.start - 120), fix.start);
  const line = before.slice(before.lastIndexOf('\n') + 1) + fix.text;
  // The announcement may be followed by the agent's words the edit keeps ("I'd like to explain the reason
  // for this. Late returns are not accepted."): those are read with what follows the edit.
  const m = ANNOUNCEMENT.exec(line);
  // Only an announcement the edit makes: one of the agent's own before it is theirs to keep.
  if (!m || m.index + m[0].length <= line.length - fix.text.length) return false;
  // "If anything is still unclear, just reply and I'll go through it with you": a condition makes it an offer.
  if (/\b(?:if|when|whenever|once|should you)\b[^.!?;]*$/i.test(line.slice(0, m.index))) return false;
  return !delivers(line.slice(m.index + m[0].length) + text.slice(fix.end, fix.end + 2_000), m[0]);
}
