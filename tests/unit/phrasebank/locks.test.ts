/** What an organisation's locks mean: which ids they lock (renames followed), and which name nothing. */
import { describe, expect, it } from 'vitest';
import { isLocked, lockedRuleIds, normalizeLocks, unknownLocks } from '../../../lib/phrasebank/locks';
import type { CompiledPhrasebank, RuleEntry } from '../../../lib/phrasebank/types';

const rule = (category: string, id: string): RuleEntry => ({
  ruleId: `${category}/${id}`, id, category, match: [id], unless: [], severity: 'low', why: 'w', suggest: ['s'], examples: { flag: [], pass: [] },
});
const pb: CompiledPhrasebank = {
  version: 1,
  categories: [
    { category: 'blame', title: 'Blame', why: 'w', kind: 'dismissive', file: '' },
    { category: 'tone', title: 'Tone', why: 'w', kind: 'dismissive', file: '' },
  ],
  rules: [rule('blame', 'your-fault'), rule('blame', 'you-failed'), rule('tone', 'calm-down'), rule('tone', 'whatever')],
  signals: [],
  renames: { 'tone/chill': 'tone/calm-down' },
};

describe('locks', () => {
  it('accepts a list or a comma/space separated text; anything else locks nothing', () => {
    expect(normalizeLocks(['blame', ' tone ', 'blame'], 'tone/whatever, tone/calm-down')).toEqual({ categories: ['blame', 'tone'], rules: ['tone/whatever', 'tone/calm-down'] });
    expect(normalizeLocks(42, { a: 1 })).toEqual({ categories: [], rules: [] });
    expect(normalizeLocks([7, null, 'x'.repeat(200)], undefined)).toEqual({ categories: [], rules: [] });
  });

  it('locks every rule of a locked category and each locked rule, following renames', () => {
    expect(lockedRuleIds(pb, { categories: ['blame'], rules: ['tone/chill'] })).toEqual(['blame/your-fault', 'blame/you-failed', 'tone/calm-down']);
    expect(isLocked(pb.rules[3], { categories: ['blame'], rules: [] })).toBe(false);
    expect(isLocked(pb.rules[0], { categories: ['blame'], rules: [] })).toBe(true);
  });

  it('names the locks that match nothing loaded (a typo would otherwise lock nothing, silently)', () => {
    expect(unknownLocks(pb, { categories: ['blame', 'blmae'], rules: ['tone/chill', 'tone/nope'] })).toEqual({ categories: ['blmae'], rules: ['tone/nope'] });
  });
});
