/** A synthetic support draft of about N words, built from sentences written for this benchmark. */

const SENTENCES = [
  'Hi Morgan, thanks for getting back to me so quickly.',
  'I can see how frustrating it is to be charged twice for the same month.',
  'I have checked your account and the second payment is still pending.',
  'Please calm down, we are looking into it.',
  "Unfortunately that's our policy for annual plans.",
  "I'll ask our billing team to reverse the duplicate charge today.",
  'You should have received a confirmation email from us by now.',
  'If you would like, I can also move your renewal date to the first of the month.',
  'The export tool sometimes times out when a report has more than ten thousand rows.',
  'As I already said, the feature is not available on the starter plan.',
  'Would it help if I sent you a short guide with screenshots?',
  'Our engineers shipped a fix for the login loop last night.',
  'There is nothing I can do about the exchange rate, but I can refund the fee.',
  "We apologize for any inconvenience this may have caused.",
  'You mentioned the app was working fine until the update on Tuesday.',
  'I will follow up by Friday with the results of the investigation.',
  'Traffic on the status page should calm down after the fix.',
  'Just restart the router and it will work.',
  'Thank you for your patience while we sorted this out.',
  'It sounds like the invoice went to an old address.',
  'Our refund policy gives you sixty days to change your mind.',
  'I just shipped the replacement part by express courier.',
  'Let me know which option suits you best, and I will set it up.',
  '- Reset your password from the sign-in page',
  '- Clear the browser cache and try again',
  'We will get back to you as soon as possible.',
  'Good catch on the typo in the invoice, I have corrected it.',
  "You're not allowed to share a licence between two companies.",
  'So you were billed for a seat that nobody uses.',
  'Best wishes, Sam from the support team',
];

/** Deterministic PRNG (mulberry32). */
export function rng(seed: number): () => number {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Builds a draft of at least `words` words; paragraphs every few sentences. */
export function syntheticDraft(words: number, seed: number): string {
  const random = rng(seed);
  const parts: string[] = [];
  let count = 0;
  let n = 0;
  while (count < words) {
    const s = SENTENCES[Math.floor(random() * SENTENCES.length)];
    // vary the numbers so sentences are not all cache hits
    const varied = s.replace(/\bsixty\b/, String(10 + Math.floor(random() * 90))).replace(/Morgan/, `Morgan${n}`);
    parts.push(varied);
    count += varied.split(/\s+/).length;
    n++;
    parts.push(n % 5 === 0 ? '\n\n' : s.startsWith('-') ? '\n' : ' ');
  }
  return parts.join('').trim();
}
