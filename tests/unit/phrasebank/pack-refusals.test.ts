/**
 * Pack import refuses what `phrasebank test` refuses, with the validator's own words: each case is a pack
 * made from a good one with one thing broken, and the same entry written as YAML must fail the same way.
 */
import { describe, expect, it } from 'vitest';
import { validateCompiledPack } from '../../../lib/phrasebank/merge';
import { compilePhrasebank } from '../../../lib/phrasebank/compile';
import { emitCategoryFile } from '../../../lib/phrasebank/emit';
import type { CompiledPhrasebank } from '../../../lib/phrasebank/types';

function pack(): CompiledPhrasebank {
  return {
    version: 1,
    categories: [{ category: 'billing-tone', title: 'Billing tone', why: 'How our billing team wants to sound.', kind: 'dismissive', file: 'billing-tone.yml' }],
    rules: [{
      ruleId: 'billing-tone/system-says', id: 'system-says', category: 'billing-tone', match: ['the system says'], unless: [], severity: 'medium',
      why: 'Hiding behind the system sounds like nobody is in charge.', suggest: ['I checked your account and can see the charge.'],
      examples: { flag: ['The system says you were charged.'], pass: ['Our system sent the receipt.'] },
    }],
    signals: [],
    renames: {},
  };
}

/** The errors compile.ts gives the same content as a YAML file. */
function yamlErrors(pb: CompiledPhrasebank): string[] {
  return compilePhrasebank([emitCategoryFile(pb.categories[0], pb.rules)]).errors.map((e) => e.message);
}

describe('pack import refuses what phrasebank test refuses', () => {
  it('accepts the good pack', () => {
    expect(validateCompiledPack(pack()).errors).toEqual([]);
  });

  const cases: Array<[string, (pb: CompiledPhrasebank) => void, RegExp]> = [
    ['no examples', (pb) => (pb.rules[0].examples = { flag: [], pass: [] }), /"flag" is empty; add sentences this entry must flag/],
    ['a high-severity rule with one example', (pb) => (pb.rules[0].severity = 'high'), /High-severity entries need at least two "flag" examples/],
    ['a 20,000-character id', (pb) => {
      const id = 'a'.repeat(20_000);
      Object.assign(pb.rules[0], { id, ruleId: `billing-tone/${id}` });
    }, /has 20000 characters; use at most 60/],
    ['an exploding wildcard pattern', (pb) => (pb.rules[0].match = ['. * . * . * the * system']), /wildcards .* at most 3/],
    ['an unknown slot', (pb) => (pb.rules[0].suggest = ['Your {orders} is on its way.', 'I can see the charge.']), /unknown slot \{orders\}/],
  ];
  for (const [what, breakIt, message] of cases) {
    it(`refuses ${what}, with the words the YAML validator uses`, () => {
      const pb = pack();
      breakIt(pb);
      const { phrasebank, errors } = validateCompiledPack(JSON.parse(JSON.stringify(pb)));
      expect(phrasebank).toBeUndefined();
      expect(errors.some((e) => message.test(e)), errors.join('\n')).toBe(true);
      expect(yamlErrors(pb).some((e) => message.test(e))).toBe(true);
      for (const e of errors) expect(e.length).toBeLessThan(400);
    });
  }

  it('refuses a rule in a category the pack does not declare', () => {
    const pb = pack();
    pb.rules[0] = { ...pb.rules[0], category: 'tone', ruleId: 'tone/system-says' };
    expect(validateCompiledPack(pb).errors).toEqual(['rules[0] (tone/system-says) is in category "tone", which the pack does not declare; add it to categories with a title and why.']);
  });
});
