import { describe, expect, it } from 'vitest';
import { splitSentences, quotedRanges, normaliseForMatching, MAX_SENTENCE_CHARS } from '../../../lib/analysis/text';
import { analyze } from '../../../lib/analysis/index';
import { fixturePhrasebank } from './fixture';

const texts = (t: string) => splitSentences(t).map((s) => s.text);

describe('splitSentences', () => {
  it('splits on sentence punctuation but not abbreviations, decimals or URLs', () => {
    expect(texts('Hi Mr. Lee. It costs 3.5 euros, e.g. on example.com today! Thanks?')).toEqual([
      'Hi Mr. Lee.', 'It costs 3.5 euros, e.g. on example.com today!', 'Thanks?',
    ]);
  });

  it('makes every line and bullet its own sentence, without the bullet marker', () => {
    expect(texts('Hello,\n* first point\n2) second point\n  \u2022 third')).toEqual(['Hello,', 'first point', 'second point', 'third']);
  });

  it('skips quoted mail lines and the signature', () => {
    expect(texts('Reply here.\n> old text\n>> older\nMore.\n--\nAlex\nSupport')).toEqual(['Reply here.', 'More.']);
  });

  it('splits a greeting off the start of a line', () => {
    expect(texts('Hi Jordan, you need to send it. Good morning Sam! Thanks.')).toEqual(['Hi Jordan,', 'you need to send it.', 'Good morning Sam!', 'Thanks.']);
    expect(texts('Hi, this is fine.')).toEqual(['Hi,', 'this is fine.']);
    expect(texts('High time we fixed it, sorry.')).toEqual(['High time we fixed it, sorry.']);
  });

  it('skips the name and role lines after a closing line, but not prose', () => {
    expect(texts('Sorted now.\nBest regards,\nSam Lee\nCalm Down Team')).toEqual(['Sorted now.', 'Best regards,']);
    expect(texts('Thanks,\nPlease calm down.')).toEqual(['Thanks,', 'Please calm down.']);
    expect(texts('Cheers')).toEqual(['Cheers']);
  });

  it('keeps offsets exact and handles CRLF', () => {
    const t = 'One.\r\nTwo \u{1F600} three.';
    for (const s of splitSentences(t)) expect(t.slice(s.start, s.end)).toBe(s.text);
    expect(texts(t)).toEqual(['One.', 'Two \u{1F600} three.']);
  });
});

describe('quotedRanges', () => {
  it('finds straight and curly quotations but not apostrophes', () => {
    const t = 'You said \u201Cno\u201D and "yes", it\u2019s the customers\u2019 call, \u2018maybe\u2019 too.';
    expect(quotedRanges(t).map(([a, b]) => t.slice(a, b))).toEqual(['\u201Cno\u201D', '"yes"', '\u2018maybe\u2019']);
  });

  it('leaves an unpaired quote alone', () => {
    expect(quotedRanges('A 5" screen is fine.')).toEqual([]);
  });
});

describe('normaliseForMatching', () => {
  it('keeps length while replacing look-alike characters', () => {
    const t = 'It\u2019s\u00A0\u201Cfine\u201D';
    expect(normaliseForMatching(t)).toBe('It\'s "fine"');
    expect(normaliseForMatching(t).length).toBe(t.length);
  });
});

describe('long run-on text', () => {
  it('is cut into windows of at most MAX_SENTENCE_CHARS with exact offsets, so cost stays linear', () => {
    const text = 'we will look at the order and you should hear from us soon, '.repeat(2000);
    const spans = splitSentences(text);
    expect(spans.length).toBeGreaterThan(text.length / MAX_SENTENCE_CHARS - 1);
    for (const s of spans) {
      expect(s.text.length).toBeLessThanOrEqual(MAX_SENTENCE_CHARS);
      expect(text.slice(s.start, s.end)).toBe(s.text);
    }
    const started = performance.now();
    analyze(text.slice(0, 40_000), fixturePhrasebank());
    expect(performance.now() - started).toBeLessThan(10_000); // was 100 s before windowing
  });
});
