import { describe, expect, it } from 'vitest';
import { compilePhrasebank } from '../../../lib/phrasebank/compile';
import { runExamples, uncoveredAlternatives } from '../../../lib/analysis/examples';
import { fixturePhrasebank } from '../analysis/fixture';

const entry = (match: string, flag: string[], pass = ['Nothing to see here.']) => {
  const source = `category: t\ntitle: T\nwhy: W.\nentries:\n  - id: a\n    match: ${JSON.stringify(match)}\n    severity: low\n    why: W.\n    suggest: [S]\n    examples:\n      flag: ${JSON.stringify(flag)}\n      pass: ${JSON.stringify(pass)}\n`;
  const { phrasebank, errors } = compilePhrasebank([{ path: 't.yml', source }]);
  expect(errors).toEqual([]);
  return phrasebank;
};

describe('runExamples', () => {
  it('passes every example of the fixture phrasebank', () => {
    const results = runExamples(fixturePhrasebank());
    expect(results.filter((r) => !r.ok)).toEqual([]);
    expect(results.length).toBeGreaterThan(10);
  });

  it('reports a flag example that is not caught and a pass example that is, with a hint', () => {
    const results = runExamples(entry('calm down', ['Please relax.'], ['Please calm down.']));
    expect(results.map((r) => [r.kind, r.ok])).toEqual([['flag', false], ['pass', false]]);
    expect(results[0].detail).toMatch(/got none/);
    expect(results[1].detail).toMatch(/matched "calm down"/);
  });
});

describe('uncoveredAlternatives', () => {
  it('lists choices no flag example uses', () => {
    const pb = entry('(calm|settle|cool) down', ['Please calm down.', 'Cool down a bit.']);
    expect(uncoveredAlternatives(pb)).toEqual([{ ruleId: 't/a', alternative: 'settle' }]);
  });

  it('lists whole match items no flag example uses', () => {
    const source = `category: t\ntitle: T\nwhy: W.\nentries:\n  - id: a\n    match: ["calm down", "settle down"]\n    severity: low\n    why: W.\n    suggest: [S]\n    examples: {flag: ["Calm down."], pass: ["Fine."]}\n`;
    const { phrasebank } = compilePhrasebank([{ path: 't.yml', source }]);
    expect(uncoveredAlternatives(phrasebank)).toEqual([{ ruleId: 't/a', alternative: 'settle down' }]);
  });

  it('is empty when every alternative is exercised', () => {
    expect(uncoveredAlternatives(entry('(calm|settle) down', ['Calm down.', 'Settle down.']))).toEqual([]);
  });
});
