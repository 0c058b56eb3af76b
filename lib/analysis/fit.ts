/**
 * Does an alternative fit what stands around it once applied? Three kinds of misfit a reader of applied
 * drafts found that the rules cannot see in the sentence alone (docs/quality.md, "Applying suggestions"):
 * - a promise to put things right right before the draft refuses or says nothing is wrong ("…let's sort it
 *   from here. It isn't covered.", "…I want to help put it right. Everything is working as it should.");
 * - an offer to take it up "with them" where nobody is there to take it up with (the other party is a system);
 * - an announcement beside the agent's own one ("Let me explain the rest… I was about to explain.").
 * offer.ts weighs the first and the third, and does not offer the second. Pure text tests, no browser API.
 */
import { refuses } from './refusal';
import { startsSentence } from './fix-text';

/** "let's sort it", "put it right", "get it fixed": the alternative promises the problem goes away. */
const PROMISES_FIX = /\b(?:sort (?:it|this|that)(?: out)?|get (?:it|this|that) (?:sorted|fixed|put right)|put (?:it|this|that) right|(?:get|make) (?:it|this|that) right|make sure it gets fixed|fix (?:it|this|that)|get this fixed|get it sorted)\b/i;

/** A flat "all is well" after the promise: there is nothing left to put right. */
const ALL_WELL = /\b(?:(?:is|are|'s|’s) (?:all )?working (?:as (?:it|they) should|fine|normally|as (?:expected|intended))|nothing (?:is )?wrong with|there(?:'s|’s| is) no (?:fault|problem|issue))\b/i;

/** "isn't covered", "aren't eligible": a refusal said with a contracted "not". */
const CONTRACTED_REFUSAL = /\b(?:is|are|was|were)n['\u2019]t (?:covered|eligible|refundable|possible|allowed|included|available|supported)\b/i;

/**
 * True when the edit (applied[start, end) of the applied draft) promises to put things right and what reads
 * right after the promise (the rest of its sentence and the next one) refuses or says all is well: applied,
 * the reply takes the promise back.
 */
export function promiseTakenBack(applied: string, start: number, end: number): boolean {
  // The edit is trimmed to the letters that change ("…honest." → "…put it right." ends at "righ"): the
  // promise may run a few letters past it, but starts inside it.
  const m = PROMISES_FIX.exec(applied.slice(start, end + 20));
  if (!m || m.index >= end - start) return false;
  const after = applied.slice(start + m.index + m[0].length, start + m.index + m[0].length + 400);
  const next = after.match(/^[^.!?\n]*[.!?]?\s*[^.!?\n]*/)?.[0] ?? '';
  return refuses(next) || CONTRACTED_REFUSAL.test(next) || ALL_WELL.test(next);
}

/** "take it up with them", "chase them", "ask them": the alternative acts on a third party. */
const ACTS_ON_THEM = /\b(?:with|chase|ask|contact|call|tell|push) them\b/i;
/** A party that can be taken up with: people, a team, a business. A system, an app or a rule is none. */
const PARTY =
  /\b(?:they|them|their|team|department|courier|carrier|driver|staff|colleague|manager|supervisor|supplier|partner|seller|vendor|merchant|shop|store|bank|depot|warehouse|engineer|technician|company|provider|office|branch|restaurant|hotel|airline|landlord|agency|someone|somebody|people|person|he|she)s?\b/i;

/** True when the suggestion acts on "them" and the draft and the customer's message name no party to act on. */
export function needsAbsentParty(suggestion: string, conversationLowered: string): boolean {
  return ACTS_ON_THEM.test(suggestion) && !PARTY.test(conversationLowered);
}

/** What the agent's words only announce: "I was about to explain", "let me explain", "here's the rest". */
const ANNOUNCEMENT_ONLY = /^(?:(?:and|but|so)\s+)?(?:i was (?:about|going|trying) to (?:explain|say|tell you)|i(?:'ll| will) explain|let me explain|here(?:'s| is) the rest)(?: (?:it|this|that|more))?[.!…]*$/i;
/** The alternative announces an explanation or the rest itself. */
const SUGGESTION_ANNOUNCES = /\b(?:explain|here's the rest|here is the rest|walk you through|go through it)\b/i;

/** True when a kept remainder only repeats the announcement the alternative already makes. */
export function repeatsAnnouncement(suggestion: string, kept: string): boolean {
  return SUGGESTION_ANNOUNCES.test(suggestion) && ANNOUNCEMENT_ONLY.test(kept.trim());
}

/** "…but here it is again", "…, and I've resent it": the agent's own words go on to deliver what was asked. */
const DELIVERS_AGAIN = /(?:^|[\s,;.…])(?:but|and|so),?\s+(?=here (?:it|they) (?:is|are)\b|here['\u2019]s\b|i['\u2019]ve (?:re)?sent\b|i['\u2019]m (?:re)?sending\b|i(?:['\u2019]ll| will) (?:re)?send\b)/i;
/** The rule's alternatives announce a resend ("Here it is again…", "I'm resending it now…"). */
export const RESEND_LINE = /\b(?:here it is again|resend(?:ing)?|sending it again)\b/i;

/**
 * "I did send it yesterday... but here it is again: 4471": the reproach comes first and the agent's own
 * delivery after it, in the same sentence or the next. A resend alternative in its place would say "here it
 * is again" twice; the edit that fits removes the reproach and lets the agent's delivery open the sentence
 * ("Here it is again: 4471"). Returns that edit, or null when the draft delivers nothing after the reproach
 * or the words between them refuse something (a refusal is never dropped for tone).
 */
export function reproachBeforeDelivery(text: string, findingStart: number, findingEnd: number, suggestions: readonly string[]): { start: number; end: number; text: string } | null {
  if (!suggestions.some((s) => RESEND_LINE.test(s))) return null;
  const window = text.slice(findingEnd, findingEnd + 160);
  const m = DELIVERS_AGAIN.exec(window);
  if (!m) return null;
  const deliveryAt = findingEnd + m.index + m[0].length;
  // Only the reproach goes: no line break (a new paragraph is not this thought) and no refusal in between.
  const between = text.slice(findingStart, deliveryAt);
  if (between.includes('\n') || refuses(between)) return null;
  // From the flagged words on: a greeting or @handle before them stays ("Hi Sam, here it is again…").
  const opens = startsSentence(text, findingStart);
  const letter = text[deliveryAt];
  return { start: findingStart, end: deliveryAt + 1, text: opens ? letter.toUpperCase() : letter };
}
