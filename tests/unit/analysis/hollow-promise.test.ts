import { describe, expect, it } from 'vitest';
import { analyze } from '../../../lib/analysis/index';
import { bundledPhrasebank } from '../../../lib/phrasebank/bundled';

const first = (text: string) => {
  const f = analyze(text, bundledPhrasebank).findings[0];
  return { suggestion: f?.suggestions[0], applied: f ? text.slice(0, f.fixes[0].start) + f.fixes[0].text + text.slice(f.fixes[0].end) : text };
};
const ANNOUNCES = /another way|let me explain|walk you through|here it is again|here are the details again/i;

describe('what Enter applies does not promise an explanation the draft never gives', () => {
  it('with nothing after the edit, an offer comes first, not "let me put it another way"', () => {
    const { suggestion } = first('I already explained this in my last email.');
    expect(suggestion).toBeDefined();
    expect(suggestion).not.toMatch(ANNOUNCES);
  });

  it('with the explanation following, the announcement may lead into it', () => {
    const text = 'I already explained this in my last email. The fee is five pounds and it covers the courier both ways.';
    const f = analyze(text, bundledPhrasebank).findings[0];
    expect(f.suggestions.some((s) => ANNOUNCES.test(s))).toBe(true);
    expect(first(text).applied).toMatch(/The fee is five pounds/);
  });

  it('a sign-off after the edit delivers nothing', () => {
    const { suggestion } = first('I already explained this in my last email.\n\nBest,\nJo');
    expect(suggestion).not.toMatch(ANNOUNCES);
  });
});
