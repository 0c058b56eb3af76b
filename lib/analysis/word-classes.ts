/**
 * Word classes for the sentence model: words that play the same part in a dismissive or a kind reply
 * share a class feature, so a weight learned from "just a tiny scratch" also speaks for "merely a small
 * mark", and "as stated in my last email" for "as noted in our prior note". Written from the labelling
 * guide's categories and everyday support English, not from any evaluation text. A word may be in
 * several classes. Part of the model: changing a list changes the features, so retrain (`npm run train`).
 * (GloVe clusters were tried instead and not kept: docs/design.md.)
 */
export const WORD_CLASSES: Record<string, string[]> = {
  minimiser: ['just', 'only', 'merely', 'simply', 'barely', 'hardly', 'little', 'tiny', 'small', 'minor', 'slight', 'slightly', 'bit', 'trivial', 'petty', 'negligible', 'mere', 'teeny', 'wee', 'couple'],
  feeling: ['upset', 'angry', 'annoyed', 'frustrated', 'furious', 'livid', 'disappointed', 'worried', 'anxious', 'stressed', 'confused', 'cross', 'irritated', 'mad', 'sad', 'gutted', 'devastated', 'scared', 'nervous', 'embarrassed', 'exhausted', 'overwhelmed', 'offended', 'hurt', 'shocked', 'appalled', 'heartbroken', 'panicked', 'concerned', 'unhappy', 'disheartened', 'fed'],
  hardship: ['frustrating', 'annoying', 'stressful', 'upsetting', 'worrying', 'disappointing', 'confusing', 'infuriating', 'maddening', 'exhausting', 'awful', 'horrible', 'terrible', 'miserable', 'rotten', 'rough', 'nightmare', 'hassle', 'headache', 'ordeal', 'pain', 'mess', 'worry', 'stress', 'shock', 'blow', 'letdown'],
  overreaction: ['overreacting', 'exaggerating', 'dramatic', 'fuss', 'fussing', 'worked', 'hysterical', 'panicking', 'overthinking', 'sensitive', 'touchy', 'overboard', 'drama', 'storm'],
  calming: ['calm', 'relax', 'chill', 'settle', 'breathe', 'cool', 'easy', 'patient', 'worry'],
  repetition: ['again', 'already', 'before', 'previously', 'earlier', 'twice', 'repeatedly', 'prior', 'above', 'last', 'third', 'fourth', 'umpteenth', 'times', 'still'],
  message: ['email', 'mail', 'message', 'reply', 'response', 'note', 'text', 'letter', 'answer', 'post', 'dm', 'comment', 'update', 'explanation', 'correspondence', 'emails', 'messages', 'replies', 'responses', 'notes', 'chat'],
  saying: ['said', 'stated', 'explained', 'mentioned', 'noted', 'told', 'wrote', 'written', 'advised', 'outlined', 'covered', 'answered', 'pointed', 'informed', 'clarified', 'repeated', 'replied', 'responded', 'conveyed', 'indicated', 'specified', 'highlighted'],
  obvious: ['obviously', 'clearly', 'surely', 'evidently', 'plainly', 'naturally', 'basic', 'obvious', 'simple', 'straightforward', 'common', 'everyone', 'anyone', 'rocket', 'science'],
  rules: ['policy', 'policies', 'terms', 'rules', 'rule', 'conditions', 'guidelines', 'procedure', 'procedures', 'regulations', 'protocol', 'process', 'contract', 'agreement', 'exceptions', 'exception'],
  slip: ['forgot', 'failed', 'neglected', 'missed', 'ignored', 'skipped', 'overlooked', 'misread', 'misunderstood', 'mistyped', 'wrongly', 'incorrectly', 'wrong', 'careless', 'mistake', 'error', 'fault'],
  refusal: ['unable', 'cannot', 'impossible', 'nothing', 'nobody', 'none', 'never', 'no', 'not', 'neither', 'nor', 'refuse', 'decline', 'denied', 'declined'],
  elsewhere: ['courier', 'carrier', 'driver', 'supplier', 'manufacturer', 'warehouse', 'bank', 'vendor', 'seller', 'partner', 'department', 'third', 'party', 'system', 'software', 'postal', 'provider', 'retailer', 'airline', 'insurer', 'landlord', 'head', 'office'],
  hurry: ['busy', 'swamped', 'rushed', 'quick', 'quickly', 'hurry', 'minute', 'minutes', 'brief', 'short', 'snappy', 'queue', 'shift', 'point', 'faster', 'asap', 'waiting'],
  obligation: ['must', 'required', 'need', 'needs', 'obliged', 'expected', 'mandatory', 'should', 'ought', 'supposed', 'have', 'got', 'demand', 'insist'],
  apology: ['sorry', 'apologise', 'apologize', 'apologies', 'apology', 'regret', 'regrets', 'unfortunate', 'apologising', 'apologizing'],
  thanks: ['thanks', 'thank', 'grateful', 'appreciate', 'appreciated', 'cheers', 'thx', 'ty', 'kind'],
  helping: ['help', 'assist', 'support', 'happy', 'glad', 'pleased', 'sort', 'fix', 'resolve', 'look', 'check', 'arrange', 'sorted', 'fixed', 'resolved'],
  details: ['send', 'share', 'provide', 'confirm', 'details', 'number', 'postcode', 'zip', 'screenshot', 'photo', 'info', 'information', 'reference', 'address', 'account', 'username'],
  hedge: ['if', 'any', 'may', 'might', 'perhaps', 'whatever', 'however', 'feel', 'see', 'way'],
};

const byWord = new Map<string, string[]>();
for (const [name, words] of Object.entries(WORD_CLASSES)) for (const w of words) (byWord.get(w) ?? byWord.set(w, []).get(w)!).push(name);

/** The classes of a lower-case word (empty when it is in none). */
export function classesOf(word: string): readonly string[] {
  return byWord.get(word) ?? NONE;
}
const NONE: readonly string[] = [];
