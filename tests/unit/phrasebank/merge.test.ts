import { describe, expect, it } from 'vitest';
import { mergePacks, validateCompiledPack } from '../../../lib/phrasebank/merge';
import type { CompiledPhrasebank, RuleEntry } from '../../../lib/phrasebank/types';
import { fixturePhrasebank } from '../analysis/fixture';
import { loadPhrasebank } from '../../../lib/phrasebank/node';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const rule = (category: string, id: string, why: string): RuleEntry => ({
  ruleId: `${category}/${id}`, id, category, match: [id.replace(/-/g, ' ')], unless: [], severity: 'low', why, suggest: ['Kinder.'], examples: { flag: [], pass: [] },
});
const pack = (rules: RuleEntry[]): CompiledPhrasebank => ({
  version: 1, rules, signals: [], renames: {},
  categories: [...new Set(rules.map((r) => r.category))].map((category) => ({ category, title: category, why: '', kind: 'dismissive' as const, file: '' })),
});

describe('mergePacks', () => {
  it('keeps the earlier layer and reports the conflict, whatever order packs are given in', () => {
    const { phrasebank, conflicts } = mergePacks([
      { name: 'team-pack', layer: 'team', phrasebank: pack([rule('tone', 'no-way', 'team version'), rule('tone', 'team-only', 't')]) },
      { name: 'bundled', layer: 'bundled', phrasebank: pack([rule('tone', 'no-way', 'bundled version')]) },
      { name: 'acme-policy', layer: 'organisation', phrasebank: pack([rule('tone', 'no-way', 'org version')]) },
    ]);
    expect(phrasebank.rules.find((r) => r.ruleId === 'tone/no-way')?.why).toBe('bundled version');
    expect(phrasebank.rules.map((r) => r.ruleId)).toEqual(['tone/no-way', 'tone/team-only']);
    expect(conflicts).toEqual([
      { ruleId: 'tone/no-way', kept: 'bundled', ignored: 'acme-policy', reason: 'order' },
      { ruleId: 'tone/no-way', kept: 'bundled', ignored: 'team-pack', reason: 'order' },
    ]);
    expect(phrasebank.categories.map((c) => c.category)).toEqual(['tone']);
  });

  it('merges without conflicts when ids differ', () => {
    const { phrasebank, conflicts } = mergePacks([
      { name: 'bundled', layer: 'bundled', phrasebank: fixturePhrasebank() },
      { name: 'mine', layer: 'personal', phrasebank: pack([rule('mine', 'no-way', 'mine')]) },
    ]);
    expect(conflicts).toEqual([]);
    expect(phrasebank.rules.at(-1)?.ruleId).toBe('mine/no-way');
    expect(phrasebank.renames['invalidating/relax']).toBe('invalidating/calm-down');
  });
});

describe('validateCompiledPack', () => {
  it('accepts a compiled phrasebank round-tripped through JSON', () => {
    const json = JSON.parse(JSON.stringify(fixturePhrasebank()));
    const { phrasebank, errors } = validateCompiledPack(json);
    expect(errors).toEqual([]);
    expect(phrasebank?.rules.length).toBe(fixturePhrasebank().rules.length);
  });

  it('names the exact field that is wrong', () => {
    const json = JSON.parse(JSON.stringify(fixturePhrasebank()));
    json.rules[1].severity = 'severe';
    json.rules[0].match = ['(calm'];
    json.signals[0].mechanism = 'hugging';
    const { phrasebank, errors } = validateCompiledPack(json);
    expect(phrasebank).toBeUndefined();
    expect(errors.some((e) => e.startsWith('signals[0].mechanism must be one of'))).toBe(true);
    // Past the shape, the words are the YAML validator's (the same as `phrasebank test`), naming the rule.
    json.signals[0].mechanism = json.signals[0].category;
    const again = validateCompiledPack(json).errors;
    expect(again.find((e) => e.startsWith(`${json.rules[1].ruleId}: severity "severe" must be high, medium or low.`))).toBeTruthy();
    expect(again.find((e) => e.startsWith(`${json.rules[0].ruleId}: match "(calm" opens "(" but never closes it`))).toBeTruthy();
  });

  it('rejects things that are not packs', () => {
    expect(validateCompiledPack(null).errors).toHaveLength(1);
    expect(validateCompiledPack({ version: 2, rules: [], signals: [], categories: [] }).errors).toEqual(['version must be 1.']);
    expect(validateCompiledPack({ version: 1, rules: {}, signals: [], categories: [] }).errors).toEqual(['rules must be a list.']);
  });
});

describe('loadPhrasebank with a compiled .json pack', () => {
  it('loads a valid pack and reports field errors of a broken one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'attune-pack-'));
    const good = join(dir, 'team.json');
    writeFileSync(good, JSON.stringify(fixturePhrasebank()));
    expect(loadPhrasebank(good).errors).toEqual([]);
    expect(loadPhrasebank(good).phrasebank.rules.length).toBe(fixturePhrasebank().rules.length);
    const bad = join(dir, 'bad.json');
    const pb = JSON.parse(JSON.stringify(fixturePhrasebank()));
    pb.rules[0].suggest = [];
    writeFileSync(bad, JSON.stringify(pb));
    expect(loadPhrasebank(bad).errors).toEqual([{ file: bad, message: 'rules[0].suggest must be a non-empty list of texts.' }]);
  });
});
