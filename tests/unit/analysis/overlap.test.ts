import { describe, expect, it } from 'vitest';
import { analyze } from '../../../lib/analysis/index';
import type { CompiledPhrasebank, RuleEntry } from '../../../lib/phrasebank/types';

const rule = (id: string, match: string, severity: RuleEntry['severity']): RuleEntry => ({
  ruleId: `rushing/${id}`, id, category: 'rushing', match: [match], unless: [], severity,
  why: 'w', suggest: ['s'], examples: { flag: [], pass: [] },
});
const pb: CompiledPhrasebank = {
  version: 1,
  categories: [{ category: 'rushing', title: 'Rushing', why: 'w', kind: 'dismissive', file: 'rushing.yml' }],
  rules: [rule('as-i-said', 'as i (already)? said', 'medium'), rule('already-said', 'i already said', 'high'), rule('said', 'said', 'low')],
  signals: [],
  renames: {},
};

describe('overlapping findings', () => {
  it('show one finding per phrase: the most severe wins', () => {
    const { findings } = analyze('As I already said, it ships today.', pb);
    expect(findings.map((f) => [f.ruleId, f.text])).toEqual([['rushing/already-said', 'I already said']]);
  });
  it('keep findings that do not overlap', () => {
    const { findings } = analyze('As I already said, it ships today. I said so.', pb);
    expect(findings.map((f) => f.text)).toEqual(['I already said', 'said']);
  });
  it('keep every rule when asked (rule testing)', () => {
    const { findings } = analyze('As I already said, it ships today.', pb, undefined, { keepOverlapping: true });
    expect(findings.map((f) => f.ruleId).sort()).toEqual(['rushing/already-said', 'rushing/as-i-said', 'rushing/said']);
  });
});
