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
    expect(conflicts).toEqual([{ ruleId: 'tone/no-way', kept: 'Built in', ignored: 'Team rules', reason: 'order' }]);
  });

  it("the lead's choice uses the later version, and the clash is still reported, marked chosen", () => {
    const { phrasebank, conflicts, sources } = mergePacks([bundled, team], { 'tone/no-way': 'Team rules' });
    expect(phrasebank.rules.map((r) => r.why)).toEqual(['team']);
    expect(sources['tone/no-way']).toBe('Team rules');
    expect(conflicts).toEqual([{ ruleId: 'tone/no-way', kept: 'Team rules', ignored: 'Built in', chosen: true, reason: 'choice' }]);
  });

  it("no choice puts a team version over the organisation's; the organisation's can be chosen over the built-in one", () => {
    expect(mergePacks([bundled, org, team], { 'tone/no-way': 'Team rules' }).phrasebank.rules[0].why).toBe('built-in');
    expect(mergePacks([org, team], { 'tone/no-way': 'Team rules' }).phrasebank.rules[0].why).toBe('org');
    expect(mergePacks([bundled, org], { 'tone/no-way': 'Acme policy' }).phrasebank.rules[0].why).toBe('org');
  });

  it('a choice naming a pack that does not define the rule changes nothing', () => {
    expect(mergePacks([bundled, team], { 'tone/no-way': 'Gone pack' }).phrasebank.rules[0].why).toBe('built-in');
  });

  it("a team choice over the organisation's pack is not used, and the clash says the choice was overruled", () => {
    const { conflicts } = mergePacks([org, team], { 'tone/no-way': 'Team rules' });
    expect(conflicts).toEqual([{ ruleId: 'tone/no-way', kept: 'Acme policy', ignored: 'Team rules', reason: 'organisation', choiceOverruled: true }]);
  });
});

describe('mergePacks with locks', () => {
  const bundled = layer('Built in', 'bundled', 'built-in');
  const personal = layer('My rules', 'personal', 'personal');
  const org = layer('Acme policy', 'organisation', 'org');
  const lockTone = { categories: ['tone'], rules: [] };

  it("a locked rule keeps the built-in version over a personal one the lead chose, and the clash says why", () => {
    const { phrasebank, conflicts, sources } = mergePacks([bundled, personal], { 'tone/no-way': 'My rules' }, lockTone);
    expect(phrasebank.rules[0].why).toBe('built-in');
    expect(sources['tone/no-way']).toBe('Built in');
    expect(conflicts).toEqual([{ ruleId: 'tone/no-way', kept: 'Built in', ignored: 'My rules', reason: 'locked', choiceOverruled: true }]);
  });

  it('locking one rule by id works like locking its category; other rules stay choosable', () => {
    expect(mergePacks([bundled, personal], { 'tone/no-way': 'My rules' }, { categories: [], rules: ['tone/no-way'] }).phrasebank.rules[0].why).toBe('built-in');
    expect(mergePacks([bundled, personal], { 'tone/no-way': 'My rules' }, { categories: [], rules: ['tone/other'] }).phrasebank.rules[0].why).toBe('personal');
  });

  it("the organisation's own version of a locked rule can still be used over the built-in one", () => {
    const { phrasebank, conflicts } = mergePacks([bundled, org, personal], { 'tone/no-way': 'Acme policy' }, lockTone);
    expect(phrasebank.rules[0].why).toBe('org');
    expect(conflicts.map((c) => [c.ignored, c.reason])).toEqual([['Built in', 'choice'], ['My rules', 'locked']]);
  });
});
