import { describe, expect, it } from 'vitest';
import { analyze } from '../../../lib/analysis/index';
import { fixturePhrasebank } from './fixture';

const pb = fixturePhrasebank();

function spans(text: string) {
  const report = analyze(text, pb);
  for (const f of [...report.findings, ...report.signals]) expect(text.slice(f.start, f.end)).toBe(f.text);
  return report.findings.map((f) => [f.ruleId, f.text, f.start]);
}

describe('finding offsets on real-world text', () => {
  it('excludes trailing punctuation from the span', () => {
    expect(spans('Please calm down!!')).toEqual([['invalidating/calm-down', 'Please calm down', 0]]);
  });

  it('handles curly apostrophes while keeping the original characters', () => {
    const text = 'Sorry, that\u2019s our policy.';
    expect(spans(text)).toEqual([['refusing/our-policy', 'that\u2019s our policy', 7]]);
  });

  it('counts emoji (astral characters) as two UTF-16 units', () => {
    const text = '\u{1F600}\u{1F64F} ok \u{1F600} please calm down.';
    const [[, found, start]] = spans(text);
    expect(found).toBe('please calm down');
    expect(start).toBe(text.indexOf('please'));
  });

  it('matches across a non-breaking space and keeps it in the span', () => {
    const text = 'Please calm\u00A0down.';
    expect(spans(text)).toEqual([['invalidating/calm-down', 'Please calm\u00A0down', 0]]);
  });

  it('treats each line and bullet as its own sentence', () => {
    const text = 'Hi Dana,\n\n- there is nothing I can do\n- please calm down\nBest,\nAlex';
    const found = spans(text);
    expect(found.map((f) => f[1])).toEqual(['there is nothing I can do', 'please calm down']);
  });

  it('does not join a line with the next one into a phrase', () => {
    // About the rules' phrases only: the model judges each line on its own words, and a line that ends
    // "please calm" may read as invalidating to it.
    expect(spans('Thanks for writing, please calm\ndown the road is our office.').filter(([id]) => !String(id).startsWith('model/'))).toEqual([]);
  });

  it('handles contractions in either direction', () => {
    expect(spans("Honestly there\u2019s nothing we can do.").map((f) => f[1])).toEqual(["there\u2019s nothing we can do"]);
    expect(spans('Unfortunately, it is against our policy.').map((f) => f[1])).toEqual(['it is against our policy']);
  });

  it('sorts findings by start offset', () => {
    const report = analyze('That is our policy. Please calm down. There is nothing I can do.', pb);
    const starts = report.findings.map((f) => f.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expect(report.findings).toHaveLength(3);
  });

  it('is case-insensitive', () => {
    expect(spans('PLEASE CALM DOWN').map((f) => f[1])).toEqual(['PLEASE CALM DOWN']);
  });

  it('returns an empty report for empty text', () => {
    expect(analyze('', pb)).toEqual({ findings: [], signals: [], coaching: [] });
    expect(analyze('   \n\n  ', pb)).toEqual({ findings: [], signals: [], coaching: [] });
  });
});
