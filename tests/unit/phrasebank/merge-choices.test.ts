/** Clashes between layers: where each rule comes from, a lead's choice, and the organisation's pin. */
import { describe, expect, it } from 'vitest';
import { mergePacks, type PackInput } from '../../../lib/phrasebank/merge';
import type { CompiledPhrasebank } from '../../../lib/phrasebank/types';

function layer(name: string, l: PackInput['layer'], why: string): PackInput {
  const pb: CompiledPhrasebank = {
    version: 1,
    categories: [{ category: 'tone', title: 'Tone', why: 'x', kind: 'dismissive', file: '' }],
    rules: [{ ruleId: 'tone/no-way', id: 'no-way', category: 'tone', match: ['no way'], unless: [], severity: 'low', why, suggest: ['Let me check.'], examples: { flag: [], pass: [] } }],
    signals: [],
    renames: {},
  };
  return { name, layer: l, phrasebank: pb };
}

describe('mergePacks choices', () => {
  const bundled = layer('Built in', 'bundled', 'built-in');
  const team = layer('Team rules', 'team', 'team');
  const org = layer('Acme policy', 'organisation', 'org');

  it('without a choice the earlier layer wins, and the clash is reported with where the rule came from', () => {
    const { phrasebank, conflicts, sources } = mergePacks([team, bundled]);
    expect(phrasebank.rules[0].why).toBe('built-in');
    expect(sources).toEqual({ 'tone/no-way': 'Built in' });
    expect(conflicts).toEqual([{ ruleId: 'tone/no-way', kept: 'Built in', ignored: 'Team rules' }]);
  });

  it("the lead's choice uses the later version, and the clash is still reported, marked chosen", () => {
    const { phrasebank, conflicts, sources } = mergePacks([bundled, team], { 'tone/no-way': 'Team rules' });
    expect(phrasebank.rules.map((r) => r.why)).toEqual(['team']);
    expect(sources['tone/no-way']).toBe('Team rules');
    expect(conflicts).toEqual([{ ruleId: 'tone/no-way', kept: 'Team rules', ignored: 'Built in', chosen: true }]);
  });

  it("no choice puts a team version over the organisation's; the organisation's can be chosen over the built-in one", () => {
    expect(mergePacks([bundled, org, team], { 'tone/no-way': 'Team rules' }).phrasebank.rules[0].why).toBe('built-in');
    expect(mergePacks([org, team], { 'tone/no-way': 'Team rules' }).phrasebank.rules[0].why).toBe('org');
    expect(mergePacks([bundled, org], { 'tone/no-way': 'Acme policy' }).phrasebank.rules[0].why).toBe('org');
  });

  it('a choice naming a pack that does not define the rule changes nothing', () => {
    expect(mergePacks([bundled, team], { 'tone/no-way': 'Gone pack' }).phrasebank.rules[0].why).toBe('built-in');
  });
});
