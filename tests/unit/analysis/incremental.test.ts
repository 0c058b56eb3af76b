import { describe, expect, it } from 'vitest';
import { analyze, IncrementalAnalyzer } from '../../../lib/analysis/index';
import { fixturePhrasebank } from './fixture';

const pb = fixturePhrasebank();

/** Small deterministic PRNG (mulberry32) so failures reproduce. */
function rng(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = [
  'Please calm down. ', 'That\u2019s our policy. ', 'There is nothing I can do. ', 'I can see how frustrating this has been. ',
  'I will check the order now. ', '\n- ', '\n> quoted calm down\n', '"calm down" ', 'Thanks! ', '\u{1F600} ', 'We will send it by Friday. ',
  'Traffic should calm down. ', "It's just a glitch. ", '\n\n',
];
const CHARS = 'abc .,!?\n"\u2019\u00A0-';

describe('IncrementalAnalyzer', () => {
  for (const seed of [1, 2, 3, 42]) {
    it(`equals a full analysis after every random edit (seed ${seed})`, () => {
      const random = rng(seed);
      const incremental = new IncrementalAnalyzer(pb, { maxCachedSentences: 40 });
      let text = '';
      for (let step = 0; step < 120; step++) {
        const at = Math.floor(random() * (text.length + 1));
        const r = random();
        if (r < 0.35) text = text.slice(0, at) + PIECES[Math.floor(random() * PIECES.length)] + text.slice(at);
        else if (r < 0.75) text = text.slice(0, at) + CHARS[Math.floor(random() * CHARS.length)] + text.slice(at);
        else text = text.slice(0, at) + text.slice(at + 1 + Math.floor(random() * 6));
        const context = { customer: step % 2 ? 'I am really upset about this!' : undefined };
        expect(incremental.analyze(text, context)).toEqual(analyze(text, pb, context));
      }
    });
  }

  it('reuses cached sentences (a changed sentence elsewhere keeps other findings)', () => {
    const incremental = new IncrementalAnalyzer(pb);
    const first = incremental.analyze('Please calm down. Hello there.');
    const second = incremental.analyze('Please calm down. Hello there!');
    expect(second.findings).toEqual(first.findings);
    expect(second.findings).toHaveLength(1);
  });
});
