/**
 * Turns a customer's question into reported speech for a coaching line: "Can I keep the old one?" →
 * "whether they can keep the old one". Only simple, common shapes are turned; anything else is
 * quoted as written (a wrong paraphrase would put words in the customer's mouth).
 */

const SWAP: Record<string, string> = { i: 'they', me: 'them', my: 'their', mine: 'theirs', myself: 'themselves', "i'm": "they're", "i've": "they've", "i'll": "they'll", "i'd": "they'd", am: 'are', we: 'they', us: 'them', our: 'their', "we're": "they're" };
const swapPronouns = (s: string) => s.replace(/[\p{L}']+/gu, (w) => SWAP[w.toLowerCase()] ?? w);
const SUBJECT = "(i|we|you|it|this|that|they|(?:my|our|the|this) [\\p{L}-]+)";
const AUX = '(can|could|may|will|would|should|shall|is|are|am|do|does|have|has)';

/** "whether they can keep the old one", or null when the question's shape isn't one we turn. */
export function reportedQuestion(question: string): string | null {
  const q = question.trim().replace(/[?!.\s]+$/u, '').replace(/^(?:(?:and|so|also|but|ok|okay)[\s,]+)+/iu, '');
  if (/[,;:"]/.test(q) || q.split(/\s+/).length > 14) return null;
  const yesNo = new RegExp(`^${AUX} ${SUBJECT} (.+)$`, 'iu').exec(q);
  if (yesNo) {
    const [, aux, subject, rest] = yesNo;
    const verb = aux.toLowerCase();
    if (verb === 'does') return null; // "does it take" → "it takes": the verb would need changing
    if (verb === 'do') return `whether ${swapPronouns(subject)} ${swapPronouns(rest)}`;
    return `whether ${swapPronouns(subject)} ${agree(verb, subject)} ${swapPronouns(rest)}`;
  }
  const wh = new RegExp(`^(when|where|why|how|how long|how much|what|which) ${AUX} ${SUBJECT} (.+)$`, 'iu').exec(q);
  if (wh) {
    const [, word, aux, subject, rest] = wh;
    const verb = aux.toLowerCase();
    if (/^(is|are|am)$/.test(verb)) return null; // "when is my refund coming": the verb's place is unclear
    if (verb === 'does') return null;
    if (verb === 'do') return `${word.toLowerCase()} ${swapPronouns(subject)} ${swapPronouns(rest)}`;
    return `${word.toLowerCase()} ${swapPronouns(subject)} ${agree(verb, subject)} ${swapPronouns(rest)}`;
  }
  return null;
}

/** "am" after "I" becomes "are" after "they". */
function agree(verb: string, subject: string): string {
  return verb === 'am' && /^i$/i.test(subject) ? 'are' : verb;
}
