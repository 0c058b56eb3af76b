import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import nlp from 'compromise';
import { fastBulkMatch } from '../../../lib/analysis/fast-sweep';
import { loadPhrasebank } from '../../../lib/phrasebank/node';
import { matcherFor, matchSentencesWithNlp } from '../../../lib/analysis/matcher';

/* eslint-disable @typescript-eslint/no-explicit-any */
const one = (nlp as any).world().methods.one;
// Whichever is installed when this file loads, keep compromise's own to compare against.
const own = one.bulkMatch === fastBulkMatch ? undefined : one.bulkMatch;

/** Runs `fn` with compromise's own bulkMatch, then with the fast one, and returns both results. */
function both<T>(fn: () => T): [T, T] {
  const before = one.bulkMatch;
  try {
    one.bulkMatch = own;
    const a = fn();
    one.bulkMatch = fastBulkMatch;
    return [a, fn()];
  } finally {
    one.bulkMatch = before;
  }
}

// Written for this test: support-reply sentences with contractions, tags the post-tagger fixes, lists.
const SENTENCES = [
  "I'm afraid that's just how our policy works, so there's nothing I can do.",
  'Please calm down and read the instructions I already sent you twice.',
  "We've refunded the order, it should reach your card within five working days.",
  'As I said before, the courier is responsible for lost parcels, not us.',
  'Could you send me a photo of the damaged box so I can look into it?',
  "You should've checked the size chart before ordering; returns aren't free.",
  'Thanks for waiting, Sam. I have escalated this to our billing team today.',
  'Honestly, nobody else has reported this problem with the update.',
  "It's working fine on our end, maybe try restarting your router?",
  'The walking boots you ordered are back in stock next Monday.',
  "I'd be happy to set up a replacement, or would a full refund suit you better?",
  "Unfortunately we can't change the delivery address once it has shipped.",
  'Running late again? That is frustrating, and I am sorry it happened.',
  'Per my last email, the invoice was attached.',
  'Let us know if there is anything else.',
];

describe('fast sweep (compromise bulkMatch with a faster hook look-up)', () => {
  it('tags every sentence exactly as compromise does (its post-tagger sweeps with it)', () => {
    // Every term's tags, chunk and switch (term ids are a running counter, so they always differ).
    const tagsOf = (s: string) => ((nlp(s) as any).json({ offset: true, tags: true }) as any[]).flatMap((sentence) =>
      sentence.terms.map((t: any) => [t.text, t.tags.join(','), t.chunk, t.switch ?? '', t.offset.start].join('|')));
    const [a, b] = both(() => SENTENCES.map(tagsOf));
    expect(a.flat().length).toBeGreaterThan(150);
    expect(b).toEqual(a);
  });

  it('finds the same rule and signal hits, in the same order, on every phrasebank example', () => {
    const { phrasebank: pb } = loadPhrasebank(fileURLToPath(new URL('../../../phrasebank', import.meta.url)));
    const m = matcherFor(pb);
    const texts = [...pb.rules, ...pb.signals].flatMap((e) => [...e.examples.flag, ...e.examples.pass]);
    const [a, b] = both(() => matchSentencesWithNlp(m, [...texts, ...SENTENCES]));
    expect(a.flat().length).toBeGreaterThan(100);
    expect(b).toEqual(a);
  }, 60_000);

  it('keeps compromise\'s matchOne (stops at the first match)', () => {
    const doc = nlp('I will check it. I will call you.');
    const net = nlp.buildNet([{ match: 'i will #Verb' }, { match: 'call you' }]);
    const [a, b] = both(() => doc.sweep(net, { matchOne: true, tagger: false }).found.map((f: any) => f.view.text()));
    expect(a).toEqual(['I will check']);
    expect(b).toEqual(a);
  });
});
/* eslint-enable @typescript-eslint/no-explicit-any */
