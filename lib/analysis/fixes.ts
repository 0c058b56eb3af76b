/**
 * The exact edit that applying a suggestion makes (`Finding.fixes[i]` for `suggestions[i]`), computed
 * once here so the in-page card, the popup and the CLI apply the same text (docs/design.md, "Fixes").
 *
 * The unit of an edit follows the suggestion:
 * - a suggestion written as a sentence (it ends in . ! or ?) replaces the flagged *clause*; the rest
 *   of the agent's sentence is kept as a sentence of its own when it can stand alone, and dropped when
 *   it was a fragment of the dismissive clause ("…, so I can look at your account" is kept as "I can
 *   look at your account."; "before ordering" after "You should have read the terms" goes with it);
 * - a suggestion written as a phrase (no final punctuation) replaces exactly the flagged words, with
 *   the capital letter fitted to where they stand;
 * - a suggestion with "…" keeps the agent's own words: "…" stands for the sentence from the last flagged
 *   word (a verb) to its end, so "Could you …?" turns "You need to send the form by Friday." into "Could you
 *   send the form by Friday?" (offered only where that word is a verb; continuation.ts).
 * Leading @handles stay where they are. The edit is trimmed to the characters that really change.
 */
import type { Fix } from './types';
import type { Span } from './text';
import { isVerbAt, opensDependent, standsAlone } from './clauses';
import { reportedContent, restatedDependent } from './facts';
import { completeEllipsis, isElliptical } from './ellipsis';
import { CONTINUE, continuationFix } from './continuation';
import { HANDLES, TERMINAL, capitalise, minimalEdit, startsSentence, uncapitalise, withFullStop } from './fix-text';

// Where one clause ends and the next begins: punctuation, a dash, or a conjunction (which opens the next clause).
const CLAUSE_BREAK =
  /\s*[,;:]\s+|\s+[-\u2013\u2014]\s+|\s+(?=(?:but|so|because|since|though|although|while|unless|until|yet|if|when|before|after|which|otherwise)\b)/gi;
// "…, however we can still swap it": a contrast word pointed at the replaced clause, and beside the kind
// alternative it would take the kindness back; the kept words stand without it.
const LEADING_COORDINATOR = /^(?:(?:and|but|so|or|yet|then|plus|also|however|that said|nevertheless|nonetheless|even so)(?:,\s*|\s+))+/i;

// Words that open a clause and only talk down to what follows: "Obviously the code is on the back", "just turn
// it off and on again", "All you have to do is press Export". What follows is the step or the fact itself.
const TALKING_DOWN_OPENER =
  /^(?:(?:obviously|clearly|of course|surely|simply|just|basically|all you (?:have|need) to do is|all you do is|it['\u2019]s (?:very |really |pretty )?(?:easy|simple)|easy fix)\s*[,:]?\s+)+/i;
// Openers that are the harm whatever the finding covers ("All you have to do is" before a model finding on the step).
const ALWAYS_TALKING_DOWN = /^(?:all you (?:have|need) to do is|all you do is|it['\u2019]s (?:very |really |pretty )?(?:easy|simple))\b/i;
// A suggestion that points back at the step it follows ("let's try that first", "give that a try").
const POINTS_BACK = /\b(?:try(?:ing)? (?:that|this)|give (?:that|this) a (?:try|go))\b/i;
// "If you had checked it, the parcel would not have gone there": the consequence of a condition that is
// contrary to fact means nothing once the condition goes.
const COUNTERFACTUAL = /\b(?:would|could|might)(?:n['\u2019]t| not)? have\b/i;
// Kept in `plain` mode without these too: "trust me, it's the router" → "It's the router"; "The seller set the
// price, not the marketplace" → "The seller set the price" (the disowning contrast is the harm).
const LEADING_ASIDE = /^(?:(?:trust me|believe me|to be honest|honestly|frankly|look|listen|seriously|of course|obviously|clearly|i promise you)\s*,?\s+)+/i;
const TRAILING_DISOWNING = /,?\s+not (?:us|me|we|by us|by me|our (?:fault|problem|doing)|the [\p{L}-]+|our [\p{L}-]+)$/iu;

// A rule stated as "no" and what it rules out ("no refunds on digital downloads", "no returns after 28 days"): what a refusal
// rests on. Replaced by "I can't change this rule…", the rule itself would be gone.
const VERBLESS_RULE = /^no\s+(?!(?:one|way|need|problem|worries|idea|point|reason|longer|more|matter)\b)[\p{L}-]+(?:\s+[\p{L}\p{N}£$€%'\u2019-]+){2,}$/iu;
const SAYS_NO = /\b(?:can['\u2019]?t|cannot|not able|isn['\u2019]t|unable)\b/i;

/** True when a suggestion is written as a whole sentence (and so replaces a clause). */
function isSentenceSuggestion(suggestion: string): boolean {
  return /[.!?]["'\u201D\u2019)]*$/.test(suggestion.trim());
}

/** A fix and the words the card shows for it (the suggestion, or the rewritten sentence for "…"). */
export interface PlannedFix {
  fix: Fix;
  shown: string;
  /** The agent's words a sentence suggestion keeps beside it (remainders, facts), as they end up. */
  kept?: string[];
}

/**
 * How much of the agent's sentence a sentence suggestion keeps (offer.ts chooses, after re-analysing the
 * result): `keep` every remainder that stands alone and every fact; `plain` the same without the words that
 * minimise or talk down ("it's only £3" → "It's £3."); `sentence` nothing: the suggestion replaces the
 * whole sentence, for a remainder that is still dismissive however it is kept.
 */
export type KeepMode = 'keep' | 'plain' | 'sentence';

// Words that make a kept fact belittle the problem or the customer; the fact reads the same without them.
// Always: "only"/"just" before an amount ("it's only £3", "just a day late"): beside the kind alternative
// it says the opposite of it, and the amount reads the same without it.
const MINIMISED_AMOUNT = /\b(?:only|just|merely|barely|simply)\s+(?=(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|a few|a couple|a little|a small|a tiny|a minor)\b|[\p{Sc}\p{N}])|\ba mere\s+(?=\S)/giu;
// In `plain` mode (the kept part is still dismissive after Apply), any of these words goes too.
const BELITTLING = /\b(?:only|just|merely|simply|barely|honestly|frankly|quite frankly|literally|obviously|clearly)\s+|\ba mere\s+/gi;

/** The edit that puts `suggestion` in place of the finding [start, end) inside `sentence`; null when it can't fit here. */
export function planFix(
  text: string,
  sentence: Span,
  finding: { start: number; end: number },
  suggestion: string,
  others: ReadonlyArray<{ start: number; end: number }> = [],
  mode: KeepMode = 'keep',
): PlannedFix | null {
  const s = suggestion.trim();
  if (s.includes(CONTINUE)) return continuationFix(text, sentence, finding, s);
  if (isSentenceSuggestion(s)) return { ...clauseFix(text, sentence, finding, s, others, mode), shown: s };
  // A phrase stands in for words that end a clause ("As I said, …" → "To recap, …"); with more words after
  // them ("as I said yesterday, …") it would leave "To recap yesterday", so the sentence suggestions remain.
  const after = text.slice(finding.end, sentence.end);
  // …and only beside words of the agent's that stay: where the flagged words are the whole sentence, the
  // phrase would stand alone ("To recap.") and announce an answer that is not there.
  const rest = text.slice(sentence.start, finding.start).replace(HANDLES, '') + after;
  if (!/[\p{L}\p{N}]/u.test(rest)) return null;
  // …and with words after it in its sentence unless it is a clause itself: "…, so please refer back to those."
  // → "…, so to recap." announces and stops ("To recap" opens what follows it).
  if (/^\s*(?:[.!?\u2026]|$)/.test(after) && !standsAlone(s)) return null;
  return /^\s*(?:[,;:.!?\u2026\u2013\u2014)]|-\s|$)/.test(after) ? { fix: phraseFix(text, sentence, finding, s), shown: s } : null;
}

function phraseFix(text: string, sentence: Span, finding: { start: number; end: number }, phrase: string): Fix {
  // After leading @handles the words still open the sentence ("@jo To recap, …").
  const lead = text.slice(sentence.start, finding.start);
  const atStart = startsSentence(text, finding.start) || (lead !== '' && HANDLES.exec(lead)?.[0] === lead && startsSentence(text, sentence.start));
  return { start: finding.start, end: finding.end, text: atStart ? capitalise(phrase) : uncapitalise(phrase) };
}

function clauseFix(
  text: string,
  sentence: Span,
  finding: { start: number; end: number },
  suggestion: string,
  others: ReadonlyArray<{ start: number; end: number }>,
  mode: KeepMode,
): { fix: Fix; kept: string[] } {
  const s = sentence.text;
  const base = sentence.start;
  const terminal = TERMINAL.exec(s);
  const coreEnd = terminal ? terminal.index : s.length;
  const lead = Math.min(HANDLES.exec(s)?.[0].length ?? 0, coreEnd);
  let [cs, ce] = flaggedClause(s, lead, coreEnd, finding.start - base, finding.end - base);
  // "Send the form today or the ticket will be closed": the threat opens at "or", and the step before it stays.
  if (cs < finding.start - base && /^or\s/i.test(s.slice(finding.start - base))) cs = finding.start - base;
  // "…, late fees apply and cannot be waived": flagged from the "and" on, what applies is the rule's content,
  // and it stays as a sentence of its own when it stands alone (the fee went with the clause otherwise).
  let statedBefore = '';
  // The "and" opens the flagged words ("and cannot be") or comes just before them ("kept and | cannot be").
  const andBefore = /\s+and\s+$/i.exec(s.slice(cs, finding.start - base));
  const andAt = /^and\s/i.test(s.slice(finding.start - base)) ? finding.start - base : andBefore ? cs + andBefore.index : -1;
  if (cs < finding.start - base && andAt > cs) {
    const stated = s.slice(cs, andAt).trim();
    if (standsAlone(stated) && !others.some((o) => o.start < finding.start && o.end > base + cs)) statedBefore = stated;
  }
  // In `plain` mode a kept part is judged as it will read, without an aside or a disowning contrast.
  const asKept = (words: string) => (mode === 'plain' ? words.replace(LEADING_ASIDE, '').replace(TRAILING_DISOWNING, '') : words);
  const left = asKept(withoutTrailingDependents(s.slice(lead, cs)).replace(/[\s,;:\u2013\u2014-]+$/, ''));
  let right = asKept(s.slice(ce, coreEnd).replace(/^[\s,;:\u2013\u2014-]+/, '').replace(LEADING_COORDINATOR, ''));
  // A remainder that is itself flagged ("…, so there's no need to panic") would sit beside the kind
  // alternative and contradict it: it goes with the flagged clause instead of being kept.
  const flaggedIn = (a: number, b: number) => others.some((o) => o.start - base < b && o.end - base > a);
  const whole = mode === 'sentence';
  const keepLeft = !whole && left !== '' && standsAlone(left) && !flaggedIn(lead, cs);
  let keepRight = !whole && right !== '' && standsAlone(right) && !flaggedIn(ce, coreEnd);
  // The consequence of a flagged condition contrary to fact goes with it (what it reports may stay, below).
  if (keepRight && /^if\b/i.test(s.slice(cs, ce)) && COUNTERFACTUAL.test(right)) keepRight = false;
  // The step or fact a talking-down opener introduced, when the flagged words are the opener (or the opener
  // always is the harm): kept as the agent wrote it, before a suggestion that points back at it, else after.
  const step = whole ? null : stepAfterOpener(s, cs, ce, finding.start - base, finding.end - base);
  const stepText = step && !flaggedIn(step[0], step[1]) && !others.some((o) => o.start - base < step[1] && o.end - base > step[0] && (o.start !== finding.start || o.end !== finding.end)) ? s.slice(step[0], step[1]) : '';
  // "Please calm down and restart the router": the "please" belonged to the instruction too.
  if (keepRight && /^please\b/i.test(s.slice(cs, ce)) && !/^please\b/i.test(right) && isVerbAt(s, s.indexOf(right, ce))) right = 'please ' + right;

  // What the customer needs that the replaced words carried (facts.ts): what was told or would be known,
  // and a fact-bearing dependent clause the flagged one would otherwise take with it. Never a flagged part.
  const after: string[] = statedBefore && !whole ? [statedBefore] : [];
  const told = whole ? null : reportedContent(s, cs, finding.end - base, ce);
  if (told && !flaggedIn(told[0], told[1])) after.push(s.slice(told[0], told[1]));
  if (whole) {
    // Nothing of the sentence is kept.
  } else if (right !== '' && !flaggedIn(ce, coreEnd) && isElliptical(right)) {
    // "…, but the billing team can": without the replaced clause it says nothing unless its verb comes back.
    const completed = completeEllipsis(right, s.slice(cs, ce));
    if (completed) after.push(completed);
  } else if (keepRight) after.push(right);
  else if (right !== '' && !flaggedIn(ce, coreEnd)) {
    const restated = restatedDependent(right);
    if (restated) after.push(restated);
  }
  // "Only £3 is left" → "£3 is left": a capital the dropped word carried goes to the next one.
  const plain = (words: string) => {
    let out = words.replace(MINIMISED_AMOUNT, '');
    if (mode === 'plain') out = out.replace(LEADING_ASIDE, '').replace(TRAILING_DISOWNING, '').replace(BELITTLING, '');
    return /^[A-Z]/.test(words) ? capitalise(out) : out;
  };
  // The rule a refusal rests on stays, before an alternative that refers to it ("…: no refunds on digital
  // downloads. I can't change this rule, but…"), unless another finding flags it.
  const clauseText = s.slice(cs, ce).trim();
  const ruleFirst = !whole && VERBLESS_RULE.test(clauseText) && SAYS_NO.test(suggestion) ? clauseText : '';
  const stepFirst = stepText !== '' && POINTS_BACK.test(suggestion);
  if (stepText && !stepFirst) after.unshift(stepText);
  const kept = after.filter((a) => !suggestion.toLowerCase().includes(a.toLowerCase())).map(plain);

  let out = s.slice(0, lead);
  // "it's in our T&Cs: no refunds…" keeps its colon when the rule follows the kept words.
  if (keepLeft && ruleFirst && /:\s*$/.test(s.slice(0, cs))) out += `${plain(left)}: ${withFullStop(ruleFirst)} `;
  else {
    if (keepLeft) out += withFullStop(plain(left)) + ' ';
    if (ruleFirst) out += withFullStop(keepLeft || lead > 0 || startsSentence(text, base) ? capitalise(ruleFirst) : ruleFirst) + ' ';
  }
  const startsHere = lead > 0 || startsSentence(text, base);
  if (stepFirst) out += withFullStop(keepLeft || startsHere ? capitalise(plain(stepText)) : plain(stepText)) + ' ';
  const opensSentence = keepLeft || stepFirst || !!ruleFirst || startsHere;
  let middle = opensSentence ? capitalise(suggestion) : uncapitalise(suggestion);
  for (const k of kept) middle = withFullStop(middle) + ' ' + capitalise(k);
  if (kept.length) middle += terminal?.[0] ?? '';
  out += middle;
  const keptAll = [...(keepLeft ? [plain(left)] : []), ...(ruleFirst ? [ruleFirst] : []), ...(stepFirst ? [plain(stepText)] : []), ...kept];
  return { fix: minimalEdit(base, s, out), kept: keptAll };
}

/**
 * [start, end) within s of what a talking-down opener at the start of the flagged clause s[cs, ce) introduces
 * ("Obviously [the code is on the back of the card]", "just [turn it off and on again]"), when the finding is on the
 * opener (or the opener is always the harm) and what follows stands alone or is a step; null otherwise.
 */
function stepAfterOpener(s: string, cs: number, ce: number, from: number, to: number): [number, number] | null {
  const clause = s.slice(cs, ce);
  const opener = TALKING_DOWN_OPENER.exec(clause);
  if (!opener) return null;
  const at = cs + opener[0].length;
  // The finding starts in the opener ("Obviously the", "just turn it off…"), or the opener is the harm itself.
  if (from >= at && !ALWAYS_TALKING_DOWN.test(clause)) return null;
  void to;
  const rest = s.slice(at, ce).trim();
  const words = rest.match(/[\p{L}\p{N}'\u2019]+/gu) ?? [];
  if (!rest || !(standsAlone(rest) || (words.length >= 2 && isVerbAt(s, at)))) return null;
  return [at, at + rest.length];
}

/** "the fare covers one bag, which you'd know if…": the "which" clause leans on the one after it. */
function withoutTrailingDependents(left: string): string {
  for (;;) {
    const cut = Math.max(left.lastIndexOf(', '), left.lastIndexOf('; '));
    if (cut < 0 || !opensDependent(left.slice(cut + 2))) return left;
    left = left.slice(0, cut);
  }
}

/** [start, end) of the clause(s) holding [from, to), within s[lead, coreEnd). */
function flaggedClause(s: string, lead: number, coreEnd: number, from: number, to: number): [number, number] {
  const clauses: Array<[number, number]> = [];
  let start = lead;
  const body = s.slice(0, coreEnd);
  CLAUSE_BREAK.lastIndex = lead;
  for (let m = CLAUSE_BREAK.exec(body); m; m = CLAUSE_BREAK.exec(body)) {
    if (m[0].length === 0) CLAUSE_BREAK.lastIndex++;
    if (m.index > start) clauses.push([start, m.index]);
    start = m.index + m[0].length;
  }
  if (start < coreEnd) clauses.push([start, coreEnd]);
  const hit = clauses.filter(([a, b]) => a < Math.max(to, from + 1) && b > from);
  if (!hit.length) return [lead, coreEnd];
  return narrowAtAnd(s, hit[0][0], hit[hit.length - 1][1], from, to);
}

// Words that may sit beside the flagged ones in their half of an "and" without carrying anything.
const LIGHT_WORDS = /^(?:just|please|now|so|ok|okay|then|a|little|bit|first|really|simply)$/i;
const AND = /\s+and\s+(?:then\s+)?/gi;

/**
 * "Calm down and send me the order number": "and" usually joins words inside one clause ("log out and log
 * back in"), but when one side of it is only the flagged words and the other side is an instruction of its
 * own, the clause ends at the "and", so applying the alternative keeps "Send me the order number."
 */
function narrowAtAnd(s: string, cs: number, ce: number, from: number, to: number): [number, number] {
  const onlyFlagged = (a: number, b: number) => {
    const extra = (s.slice(a, Math.max(a, from)) + ' ' + s.slice(Math.min(b, to), b)).match(/[\p{L}'\u2019]+/gu) ?? [];
    return extra.length <= 2 && extra.every((w) => LIGHT_WORDS.test(w));
  };
  AND.lastIndex = cs;
  for (let m = AND.exec(s); m && m.index < ce; m = AND.exec(s)) {
    const andStart = m.index, restStart = m.index + m[0].length;
    // The flagged words, then "and", then what stands alone: the clause ends before the "and".
    if (andStart >= to && onlyFlagged(cs, andStart) && standsAloneInstruction(s, restStart, ce)) return [cs, andStart];
    // What stands alone, then "and", then the flagged words: the clause starts at the "and".
    if (restStart <= from && onlyFlagged(restStart, ce) && standsAloneInstruction(s, cs, andStart)) return [andStart, ce];
  }
  return [cs, ce];
}

/**
 * s[a, b) is an instruction that can be a sentence of its own ("send me the order number"). Only an
 * instruction: a statement joined by "and" is as often the same dismissive point again ("our decision is
 * final and this thread is closed"), which is better replaced with it.
 */
function standsAloneInstruction(s: string, a: number, b: number): boolean {
  const part = s.slice(a, b).trim();
  const at = a + s.slice(a, b).indexOf(part);
  // "…and has been noted": a verb with no subject of its own is an instruction only in the base form.
  return part !== '' && standsAlone(part) && isVerbAt(s, at) && !/^(?:has|is|was|are|were|does|did|had|been)\b/i.test(part);
}
