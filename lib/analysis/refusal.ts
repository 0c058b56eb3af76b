/**
 * Does a sentence say no to the customer? A refusal or denial ("No.", "Not possible.", "We can't reissue
 * it", "the deposit is non-refundable") carries the answer: an applied alternative that drops every "no"
 * turns it into a yes or a maybe (issue 8 §1). Only refusals: a negation that is itself the harm — blame
 * ("you didn't cancel"), minimising ("nothing worth stressing over"), disowning ("not my problem"), rushing
 * ("I can't read the whole thread"), stonewalling ("we will not discuss this further") — is meant to go.
 * Used by the fix planner to put an alternative that keeps the "no" first (offer.ts), and by the quality
 * measure (tests/quality/negation.ts).
 */
export const ANY_NEGATION = /\b(?:no|not|never|nothing|none|nobody|cannot|unable|nope)\b|n['\u2019]t\b/i;
const N = "(?:n['\\u2019]?t|\\s+not)";
// A whole clause that is only the answer "no" ("No.", "Hi Sam, no, sorry.", "Not possible.").
const BARE_NO = /(?:^|[,;:]\s+|^\W*)(?:no|nope|nah|not (?:possible|allowed|available|an option|happening|today|yet|now|at the moment|at this (?:time|point|stage)))(?:,?\s+(?:sorry|i['\u2019]m afraid|unfortunately|i['\u2019]m sorry))?\s*[.!]*$/i;
// A refused outcome: what can't, won't or isn't allowed to happen, or isn't on offer.
const REFUSED = new RegExp(
  [
    `\\b(?:can['\\u2019]?t|cannot|can not|won['\\u2019]?t|will not|couldn['\\u2019]?t|could not|unable to|not able to|(?:is|are)${N} able to)\\s+(?!(?:read|listen|keep|spend|stay|chat|talk|be bothered|go through|repeat|see why|understand|believe|imagine|enter into|discuss|correspond|respond|reply)\\b)`,
    `\\b(?:not|no longer|never) (?:possible|happening|going to happen|allowed|permitted|eligible|available|refundable|covered|included|supported|offered|an option)\\b`,
    `\\b(?:impossible|non-refundable|unavailable|ineligible|no longer|discontinued|sold out|out of stock)\\b`,
    `\\b(?:does|do)${N} (?:allow|permit|cover|include|qualify|offer|accept|refund|replace|exchange|ship|deliver|support|provide|issue|collect|sell|stock|handle|do (?:that|this|refunds|exchanges|returns))\\b`,
    `\\bnot something (?:we|i) (?:can|do|offer)\\b`,
    `\\bno (?:refunds?|exceptions?|returns?|exchanges?|way to)\\b`,
    `\\bnothing (?:more |else |further )?(?:we|i) can do\\b`,
  ].join('|'),
  'i',
);

// The answer "no" opening a sentence the splitter kept whole ("no. That's…", "No, sorry, …").
const OPENING_NO = /(?:^|^[^,]{1,30},\s+)(?:no|nope|nah)[.!,]\s/i;

/** True when `sentence` refuses or denies something the customer asked for. */
export function refuses(sentence: string): boolean {
  const s = sentence.trim();
  return BARE_NO.test(s) || OPENING_NO.test(s) || REFUSED.test(sentence);
}
