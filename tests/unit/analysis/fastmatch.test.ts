import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { loadPhrasebank } from '../../../lib/phrasebank/node';
import { matcherFor, matchSentence, matchSentencesWithNlp, matchWithNlp } from '../../../lib/analysis/matcher';
import { normaliseForMatching, splitSentences } from '../../../lib/analysis/text';
import { compileFast, findAll, tokenize } from '../../../lib/analysis/fastmatch';
import { parseMatch } from '../../../lib/analysis/nlp';
import type { ParsedTerm } from '../../../lib/analysis/prefilter';
import { fixturePhrasebank } from './fixture';
import { compilePhrasebank } from '../../../lib/phrasebank/compile';
import { analyze } from '../../../lib/analysis/index';
import { restoreApostrophes } from '../../../lib/analysis/apostrophes';

const fast = (pattern: string, text: string) => findAll(compileFast(parseMatch(pattern) as ParsedTerm[]), tokenize(normaliseForMatching(text))).length > 0;

describe('fast matcher', () => {
  it('handles contractions both ways', () => {
    expect(fast('do not worry', "Don't worry.")).toBe(true);
    expect(fast("don't worry", "Don\u2019t worry.")).toBe(true);
    expect(fast('can not help', 'I cannot help')).toBe(true);
    expect(fast('do check', "Don't check")).toBe(false);
    expect(fast('not worry', "Don't worry")).toBe(true); // starts on the hidden half, as compromise allows
    expect(fast('will help', "I'll help")).toBe(true);
  });

  it('supports choices, optional words, ^ and $', () => {
    expect(fast('[please]? (calm|settle) down', 'ok settle down')).toBe(true);
    expect(fast('^so you', 'Right. So you paid twice')).toBe(true);
    expect(fast('^so you', 'I think so you know')).toBe(false);
    expect(fast('thanks$', 'Many thanks!')).toBe(true);
    expect(fast('thanks$', 'Thanks for that')).toBe(false);
  });

  it('treats tags as any word, so it is a superset of compromise', () => {
    expect(fast('i will #Verb', 'I will check')).toBe(true);
    expect(fast('i will #Verb', 'I will')).toBe(false);
  });

  it('matches hyphenated words as parts and as a whole', () => {
    expect(fast('follow up', 'I will follow-up tomorrow')).toBe(true);
    expect(fast('email me', 'Please e-mail me')).toBe(true);
  });
});

// The fast path must give exactly what the compromise path gives, on every example sentence.
describe('fast path agrees with the compromise path', () => {
  const real = loadPhrasebank(fileURLToPath(new URL('../../../phrasebank', import.meta.url))).phrasebank;
  for (const [name, pb] of [['real phrasebank', real], ['fixture', fixturePhrasebank()]] as const) {
    it(`on all examples of the ${name}`, () => {
      const m = matcherFor(pb);
      const texts = [...pb.rules, ...pb.signals].flatMap((e) => [...e.examples.flag, ...e.examples.pass]);
      texts.push("Don't worry about it, I'm not sure it's fine and I can't help.", "I'll help, it's fine.",
        "I'm sorry it's missing, I'll sort it.", "We've sent it; you'd like a refund?", 'So you were charged twice. I can see how frustrating that is!');
      let compared = 0;
      for (const text of texts) {
        for (const s of splitSentences(normaliseForMatching(text))) {
          const key = (h: { kind: string; index: number; start: number; end: number }) => `${h.kind}:${h.index}:${h.start}:${h.end}`;
          // As analyze() does: both paths see "im" and "dont" with their apostrophes back.
          const sentence = restoreApostrophes(s.text).text;
          expect(matchSentence(m, sentence).map(key).sort(), sentence).toEqual(matchWithNlp(m, sentence).map(key).sort());
          compared++;
        }
      }
      expect(compared).toBeGreaterThan(10);
      // batching many sentences into one compromise call gives each the same result as alone
      const sentences = texts.flatMap((t) => splitSentences(normaliseForMatching(t)).map((s) => s.text));
      const batched = matchSentencesWithNlp(m, sentences);
      sentences.forEach((s, i) => expect(batched[i], s).toEqual(matchWithNlp(m, s)));
    }, 60_000); // compromise tags every sentence on the reference path
  }
});

describe('matches that start inside a contraction', () => {
  const source = [
    'category: ownership', 'title: T', 'why: W.', 'mechanism: ownership', 'entries:',
    ...['not worry', 'will help', 'is fine', 'am not sure'].map((m, i) => `  - id: s${i}\n    match: "${m}"\n    why: W.\n    examples: {flag: [x], pass: [y]}`),
  ].join('\n');
  const { phrasebank, errors } = compilePhrasebank([{ path: 'signals/ownership.yml', source }]);

  it('agree between the fast and compromise paths and show the whole contracted word', () => {
    expect(errors).toEqual([]);
    const m = matcherFor(phrasebank);
    for (const text of ["Don't worry about it.", "I'll help you.", "It's fine.", "I'm not sure.", 'I am not sure.']) {
      const key = (h: { index: number; start: number; end: number }) => `${h.index}:${h.start}:${h.end}`;
      expect(matchSentence(m, text).map(key), text).toEqual(matchWithNlp(m, text).map(key));
    }
    expect(analyze("Don't worry about it.", phrasebank).signals.map((s) => s.text)).toEqual(["Don't worry"]);
    expect(analyze("I'm not sure.", phrasebank).signals.map((s) => s.text)).toEqual(["I'm not sure"]);
  });
});
