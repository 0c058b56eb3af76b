import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  BUNDLED_NAME,
  checkPack,
  getEffectivePhrasebank,
  getLayers,
  getLockedRuleIds,
  getManagedPacks,
  importPack,
  invalidate,
  removePack,
} from '../../../lib/extension/packs';
import { packsItem } from '../../../lib/extension/settings';
import { bundledPhrasebank } from '../../../lib/phrasebank/bundled';
import { runExamples } from '../../../lib/analysis/examples';
import type { CompiledPhrasebank, RuleEntry } from '../../../lib/phrasebank/types';

/** A small team pack written for these tests. */
function teamPack(over: Partial<RuleEntry> = {}): CompiledPhrasebank & { name: string } {
  const rule: RuleEntry = {
    ruleId: 'team-tone/no-worries',
    id: 'no-worries',
    category: 'team-tone',
    match: ['no worries'],
    unless: [],
    severity: 'low',
    why: 'Our team prefers a warmer closing than a brush-off.',
    suggest: ['Happy to help with this.'],
    examples: { flag: ['No worries, that is sorted.'], pass: ['I have no concerns about the refund.'] },
    ...over,
  };
  return {
    name: 'Support team tone',
    version: 1,
    categories: [{ category: 'team-tone', title: 'Team tone', why: 'House style.', kind: 'dismissive', file: 'team-tone.yml' }],
    rules: [rule],
    signals: [],
    renames: {},
  };
}

beforeEach(() => {
  fakeBrowser.reset();
  invalidate();
});

describe('pack import', () => {
  it('stores a valid pack whose examples pass, and the effective phrasebank uses it', async () => {
    const result = await importPack(JSON.stringify(teamPack()), 'team.json');
    expect(result.errors).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.name).toBe('Support team tone');
    expect(result.exampleCount).toBe(2);
    const stored = await packsItem.getValue();
    expect(stored.map((p) => [p.name, p.layer])).toEqual([['Support team tone', 'team']]);
    const pb = await getEffectivePhrasebank();
    expect(pb.rules.some((r) => r.ruleId === 'team-tone/no-worries')).toBe(true);
    expect(pb.rules.length).toBe(bundledPhrasebank.rules.length + 1);
  });

  it('refuses bad JSON and stores nothing', async () => {
    await importPack(JSON.stringify(teamPack()), 'team.json');
    const before = await packsItem.getValue();
    const result = await importPack('{"version": 1, "rules": [', 'broken.json');
    expect(result.ok).toBe(false);
    expect(result.errors[0]).toMatch(/not valid JSON/);
    expect(await packsItem.getValue()).toEqual(before);
  });

  it('refuses the wrong shape with the exact field, and stores nothing', async () => {
    const bad = teamPack({ severity: 'urgent' as any });
    const result = await importPack(JSON.stringify(bad), 'bad.json');
    expect(result.ok).toBe(false);
    expect(result.errors).toEqual(['team-tone/no-worries: severity "urgent" must be high, medium or low.']);
    expect(await packsItem.getValue()).toEqual([]);
    expect((await importPack('[1,2]', 'list.json')).errors[0]).toMatch(/JSON object/);
  });

  it('refuses a pack whose own examples fail, naming the rule and the example', async () => {
    const bad = teamPack({ examples: { flag: ['This sentence has nothing in it.'], pass: ['No worries at all.'] } });
    const result = await importPack(JSON.stringify(bad), 'failing.json');
    expect(result.ok).toBe(false);
    expect(result.errors).toHaveLength(2);
    expect(result.errors[0]).toContain('team-tone/no-worries');
    expect(result.errors[0]).toContain('"This sentence has nothing in it."');
    expect(result.errors[1]).toContain('"No worries at all."');
    expect(await packsItem.getValue()).toEqual([]);
  });

  it('reports conflicts with the bundled phrasebank and keeps the bundled rule', async () => {
    // A bundled rule whose own examples pass on their own (so the only issue is the clash).
    const bundledRule = bundledPhrasebank.rules.find((r) =>
      runExamples({ ...bundledPhrasebank, rules: [r], signals: [] }).every((x) => x.ok),
    )!;
    expect(bundledRule).toBeDefined();
    const pack = teamPack();
    pack.rules.push({ ...bundledRule, why: 'A team rewording that must not silently win.' });
    pack.categories.push(bundledPhrasebank.categories.find((c) => c.category === bundledRule.category)!);
    const result = await importPack(JSON.stringify(pack), 'clash.json');
    expect(result.ok).toBe(true);
    expect(result.conflicts).toEqual([{ ruleId: bundledRule.ruleId, kept: BUNDLED_NAME, ignored: 'Support team tone', reason: 'order' }]);
    const pb = await getEffectivePhrasebank();
    expect(pb.rules.find((r) => r.ruleId === bundledRule.ruleId)?.why).toBe(bundledRule.why);
  });

  it('re-importing a pack with the same name replaces it; removing drops it', async () => {
    await importPack(JSON.stringify(teamPack()), 'a.json');
    await importPack(JSON.stringify(teamPack({ suggest: ['Glad to sort this out.'] })), 'b.json');
    const stored = await packsItem.getValue();
    expect(stored).toHaveLength(1);
    expect(stored[0].phrasebank.rules[0].suggest).toEqual(['Glad to sort this out.']);
    await removePack('Support team tone');
    expect(await packsItem.getValue()).toEqual([]);
    expect((await getEffectivePhrasebank()).rules.length).toBe(bundledPhrasebank.rules.length);
  });

  it('drops invisible and bidi control characters from a pack name (they reordered the page around it)', async () => {
    const pack = { ...teamPack(), name: '\u202EBilling\u200B team\u2066\n\t' };
    const check = await checkPack(JSON.stringify(pack), 'file', []);
    expect(check.ok).toBe(true);
    expect(check.name).toBe('Billing team');
    const onlyControls = { ...teamPack(), name: '\u202E\u202C' };
    expect((await checkPack(JSON.stringify(onlyControls), 'team\u202E.json', [])).name).toBe('team.json');
  });

  it('uses the file name when the pack has no name', async () => {
    const { name: _n, ...unnamed } = teamPack();
    expect((await checkPack(JSON.stringify(unnamed), 'my-team', [])).name).toBe('my-team');
  });

  it('adds an organisation pack pinned by policy (storage.managed) after the bundled one', async () => {
    const pack = teamPack();
    await fakeBrowser.storage.managed.set({ pinnedPack: JSON.stringify(pack), pinnedPackName: 'Acme policy' });
    const layers = await getLayers();
    expect(layers.map((l) => [l.name, l.layer])).toEqual([
      [BUNDLED_NAME, 'bundled'],
      ['Acme policy', 'organisation'],
    ]);
    // A team pack with the same rule conflicts with the organisation's, which wins.
    const result = await importPack(JSON.stringify({ ...pack, name: 'Team copy' }), 't.json');
    expect(result.conflicts.map((c) => [c.ruleId, c.kept, c.ignored])).toEqual([['team-tone/no-worries', 'Acme policy', 'Team copy']]);
  });

  it('pins several organisation packs in the policy order; a broken one is left out and named, the others apply', async () => {
    const second = teamPack({ ruleId: 'team-tone/all-set', id: 'all-set', match: ['you are all set'], examples: { flag: ['You are all set now.'], pass: ['Are you set on a plan?'] } });
    await fakeBrowser.storage.managed.set({
      pinnedPack: JSON.stringify(teamPack()),
      pinnedPackName: 'Acme tone',
      pinnedPacks: [{ name: 'Acme billing', pack: JSON.stringify(second) }, { name: 'Broken', pack: '{"version": 1' }, { name: 'Empty' }],
    });
    const managed = await getManagedPacks();
    expect(managed.layers.map((l) => l.name)).toEqual(['Acme tone', 'Acme billing']);
    expect(managed.errors).toHaveLength(2);
    expect(managed.errors).toContain('The organisation policy’s pinnedPacks[2] has no pack in it.');
    expect(managed.errors.some((e) => /^Organisation pack “Broken” is not valid JSON/.test(e))).toBe(true);
    expect((await getLayers()).map((l) => l.layer)).toEqual(['bundled', 'organisation', 'organisation']);
  });

  it('locks from the policy: locked ids of the effective phrasebank, and an import that redefines one is told why it is not used', async () => {
    await fakeBrowser.storage.managed.set({ pinnedPack: JSON.stringify(teamPack()), pinnedPackName: 'Acme tone', lockedCategories: ['team-tone'], lockedRules: ['invalidating/calm-down'] });
    expect((await getLockedRuleIds()).sort()).toEqual(['invalidating/calm-down', 'team-tone/no-worries']);
    const result = await importPack(JSON.stringify({ ...teamPack({ why: 'A softer version of our own.' }), name: 'My copy' }), 'm.json', 'personal');
    expect(result.conflicts).toEqual([{ ruleId: 'team-tone/no-worries', kept: 'Acme tone', ignored: 'My copy', reason: 'locked' }]);
    expect((await getEffectivePhrasebank()).rules.find((r) => r.ruleId === 'team-tone/no-worries')?.why).toBe(teamPack().rules[0].why);
  });

  it('recomputes the effective phrasebank after packs change in storage', async () => {
    const first = await getEffectivePhrasebank();
    expect(await getEffectivePhrasebank()).toBe(first); // cached
    await packsItem.setValue([{ name: 'x', layer: 'team', importedAt: '2026-11-25T00:00:00Z', phrasebank: teamPack() }]);
    const second = await getEffectivePhrasebank();
    expect(second).not.toBe(first);
    expect(second.rules.some((r) => r.ruleId === 'team-tone/no-worries')).toBe(true);
  });
});
