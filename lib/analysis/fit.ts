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

/**
 * A flat "all is well" after the promise: there is nothing left to put right ("working as it should",
 * "was renewed correctly", "our records show it was charged correctly", "we stand by our service").
 */
const ALL_WELL = /\b(?:(?:is|are|'s|’s) (?:all )?working (?:as (?:it|they) should|fine|normally|as (?:expected|intended))|nothing (?:is |was )?wrong with|there(?:'s|’s| is| was) no (?:fault|problem|issue|error)|(?:is|are|was|were|been|'s|’s) (?:\w+ )?(?:correctly|correct|accurate|in order|as expected|as intended)|(?:we|i) stand by (?:our|the|my|this)|(?:was|were) (?:not|n['’]t) (?:at fault|our fault|a fault|an error))\b/i;

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

/** The alternative takes the problem on: "I'll take this to the team", "let me take it up with them", "I'll follow this up". */
const TAKES_IT_ON = /\b(?:take (?:this|it) (?:up )?(?:to|with)|take (?:it|this) up|follow (?:this|it) up|chase (?:this|it|them)|make sure it reaches|pass (?:this|it) (?:on )?to|ask the team|raise (?:this|it) with|contact them for you)\b/i;
/** The words after it send the customer elsewhere: "You'll have to chase them", "try the returns team", "You may wish to contact them". */
const SENDS_ELSEWHERE = /^(?:(?:please|just|so|and|but)\s+)?(?:try|contact|ask|call|email|chase|speak to|talk to|get in touch with|reach out to) (?:the|them|their)\b|\byou(?:['’]ll| will| would|['’]d)? (?:have|need) to (?:contact|call|ring|phone|ask|chase|speak|talk|email|write|get in touch|reach out|go|visit)\b|\byou (?:may|might) (?:wish|want|like) to (?:contact|call|ask|chase|speak|talk|email|write|get in touch|reach out)\b/i;

/**
 * True when the edit (applied[start, end)) says the agent takes the problem on and what reads right after it
 * (the rest of its sentence and the next one) sends the customer to do it themselves ("I'll follow this up
 * with them for you. You'll have to chase them."): applied, the reply says both.
 */
export function handOffTakenBack(applied: string, start: number, end: number): boolean {
  const piece = applied.slice(start, end + 20);
  const m = TAKES_IT_ON.exec(piece) ?? PROMISES_FIX.exec(piece);
  if (!m || m.index >= end - start) return false;
  const from = start + m.index + m[0].length;
  // The rest of the promise's sentence, and the sentence after it.
  const [, rest = '', next = ''] = /^([^.!?\n]*[.!?]?)\s*([^.!?\n]*[.!?]?)/.exec(applied.slice(from, from + 400)) ?? [];
  return [rest.replace(/^[\s,;:\u2013\u2014-]+(?:and|but|so)?\s*/i, ''), next].some((part) => SENDS_ELSEWHERE.test(part.trim()));
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

/**
 * True when a kept remainder only announces ("I was about to explain."): beside any alternative it is a promise
 * with nothing after it, or the alternative's announcement said twice.
 */
export function onlyAnnounces(kept: string): boolean {
  return ANNOUNCEMENT_ONLY.test(kept.trim());
}

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

/** True when `sentence` only sends the customer elsewhere ("You'll have to chase them.", "Try the returns team"). */
export function onlyHandsOff(sentence: string): boolean {
  const t = sentence.trim();
  return SENDS_ELSEWHERE.test(t) && t.split(/\s+/).length <= 12 && !/[.!?].+/.test(t.replace(/[.!?]+$/, '')) && !refuses(t);
}

/** True when `suggestion` takes the problem on or promises to put it right. */
export function takesItOn(suggestion: string): boolean {
  return TAKES_IT_ON.test(suggestion) || PROMISES_FIX.test(suggestion);
}

/** "Whoever caused it, …": fits where the cause is unknown, not right after the draft names it. */
const WHOEVER = /\bwho(?:ever)? caused (?:it|this)\b/i;
const NAMES_CAUSE = /\b(?:caused by|because of|due to|(?:'s|’s|is|was) (?:the )?(?:fault|problem|doing)|(?:cancelled|set|changed|deleted|lost|closed|broke|sent) (?:it|this|that|the|your))\b/i;

/** True when the suggestion says "whoever caused it" and the words just before the edit (its paragraph) name the cause. */
export function causeAlreadyNamed(suggestion: string, before: string): boolean {
  return WHOEVER.test(suggestion) && NAMES_CAUSE.test(before.slice(before.lastIndexOf('\n') + 1));
}

/** An alternative that agrees to what the customer wants ("That works for me, and I'm happy to go with what suits you"). */
const AGREES = /\b(?:that works for me|go with what suits you|happy to go with)\b/i;
/** …fits where the flagged words gave in to it ("have it your way", "fine, whatever", "suit yourself"). */
const GAVE_IN = /\b(?:your way|suit yourself|as you wish|whatever|if you insist|fine|if you say so)\b/i;
/** An alternative that says the matter is settled ("I'm glad that's sorted"). */
const SETTLED = /\bglad (?:that|it)(?:['\u2019]s| is| has been) (?:sorted|resolved|fixed|working)\b/i;
/** …fits where the flagged words said so, sarcastically ("glad we finally got there", "glad you found it"). */
const WAS_SETTLED = /\b(?:finally|eventually|at last|got there|found|managed|figured|worked (?:it )?out|sorted)\b/i;
/** Steps or instructions follow: nothing is settled yet. */
const STEPS_FOLLOW = /^[^\n]{0,80}\b(?:steps?|instructions?|how to)\b[^.\n]{0,30}(?:below|:)|\n\s*(?:1[.)]|[-*\u2022])\s/i;

/**
 * True when the alternative answers something the draft never said: an agreement where the flagged words
 * gave in to nothing, or "glad that's sorted" where they called nothing settled or steps follow (an agreeing
 * line in front of steps). `flagged` is the finding's words, `after` the draft after the edit.
 */
export function answersNothing(suggestion: string, flagged: string, after: string): boolean {
  if (AGREES.test(suggestion) && (!GAVE_IN.test(flagged) || STEPS_FOLLOW.test(after))) return true;
  return SETTLED.test(suggestion) && (!WAS_SETTLED.test(flagged) || STEPS_FOLLOW.test(after));
}
