import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { loadPhrasebank } from '../../../lib/phrasebank/node';
import { compilePhrasebank, formatError } from '../../../lib/phrasebank/compile';
import type { PhrasebankError } from '../../../lib/phrasebank/types';

const dir = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
const broken = loadPhrasebank(dir('broken'));
const find = (pred: (e: PhrasebankError) => boolean) => {
  const hit = broken.errors.find(pred);
  expect(hit, `no such error in:\n${broken.errors.map(formatError).join('\n')}`).toBeDefined();
  return hit!;
};

describe('phrasebank validation: one precise error per mistake', () => {
  it('the good fixture compiles cleanly', () => {
    const good = loadPhrasebank(dir('good'));
    expect(good.errors).toEqual([]);
    expect(good.phrasebank.rules.map((r) => r.ruleId)).toContain('invalidating/calm-down');
    expect(good.phrasebank.signals.map((s) => s.mechanism).sort()).toEqual(['emotional-reaction', 'next-steps', 'ownership']);
  });

  it('non-kebab id, with the fixed spelling', () => {
    const e = find((e) => e.entryId === 'Calm_Down');
    expect(e).toMatchObject({ file: 'invalidating.yml', line: 5 });
    expect(e.message).toContain('"calm-down"');
  });

  it('bad severity with a hint', () => {
    expect(find((e) => e.entryId === 'bad-severity' && /severity/.test(e.message))).toMatchObject({ line: 13 });
  });

  it('unbalanced bracket in a pattern', () => {
    expect(find((e) => e.entryId === 'bad-pattern' && /never closes/.test(e.message)).line).toBe(18);
  });

  it('unknown key with "did you mean"', () => {
    const e = find((e) => /Unknown key "sugest"/.test(e.message));
    expect(e).toMatchObject({ entryId: 'unknown-key', line: 27 });
    expect(e.message).toContain('Did you mean "suggest"?');
  });

  it('high severity needs two flag and two pass examples', () => {
    const errs = broken.errors.filter((e) => e.entryId === 'too-few-examples');
    expect(errs.map((e) => e.message).join(' ')).toMatch(/two "flag".*two "pass"/);
  });

  it('empty why and missing examples', () => {
    expect(find((e) => e.entryId === 'empty-why').message).toMatch(/"why:"/);
    expect(find((e) => e.entryId === 'no-examples').message).toMatch(/"examples:"/);
  });

  it('duplicate id and unknown tag', () => {
    expect(find((e) => /used twice/.test(e.message)).line).toBe(46);
    expect(find((e) => /unknown tag #Nown/.test(e.message)).line).toBe(47);
  });

  it('category must equal the file name', () => {
    expect(find((e) => e.file === 'wrong-name.yml').message).toMatch(/must equal the file name "wrong-name"/);
  });

  it('unknown mechanism in a signal file', () => {
    expect(find((e) => e.file === 'signals/ownership.yml').message).toContain('Did you mean "ownership"?');
  });

  it('YAML syntax errors carry a line', () => {
    expect(find((e) => e.file === 'syntax.yml')).toMatchObject({ line: 6 });
  });

  it('renames: old id still present, new id missing', () => {
    expect(find((e) => e.file === 'renames.json' && /still exists/.test(e.message))).toMatchObject({ line: 2, entryId: 'invalidating/bad-severity' });
    expect(find((e) => e.file === 'renames.json' && /invalidating\/missing/.test(e.message))).toMatchObject({ line: 3 });
  });

  it('rejects nested groups, which compromise silently never matches', () => {
    const source = 'category: x\ntitle: X\nwhy: Y.\nentries:\n  - id: a\n    match: "sorry (for the (trouble|mess)|that)"\n    severity: low\n    why: W.\n    suggest: [S]\n    examples: {flag: [A], pass: [B]}\n';
    const { errors } = compilePhrasebank([{ path: 'x.yml', source }]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ line: 6, entryId: 'a' });
    expect(errors[0].message).toMatch(/inside another one/);
  });

  it('duplicate categories across files are reported', () => {
    const source = 'category: x\ntitle: X\nwhy: Y.\nentries:\n  - id: a\n    match: "a b"\n    severity: low\n    why: W.\n    suggest: [S]\n    examples: {flag: [a b], pass: [B]}\n';
    const { errors } = compilePhrasebank([{ path: 'one/x.yml', source }, { path: 'two/x.yml', source }]);
    expect(errors.map((e) => e.message).join()).toMatch(/already defined in one\/x.yml/);
  });
});

describe('patterns whose matching cost can explode', () => {
  const pack = (match: string) => compilePhrasebank([{ path: 'team.yml', source: `category: team\ntitle: Team\nwhy: Team rules.\nentries:\n  - id: wild\n    match: "${match}"\n    severity: low\n    why: Too loose.\n    suggest: [Say it kindly.]\n    examples:\n      flag: [you are so wrong about this]\n      pass: [all good here]\n` }]).errors;
  it('are refused at validation with the reason and a fix', () => {
    const [e] = pack('you . . . . . . . . wrong');
    expect(e.message).toMatch(/has 8 wildcards .*at most 3.*bound a gap with \.\{0,3\}/);
    expect(pack('you .+ are .+ wrong')[0].message).toMatch(/2 without a limit/);
  });
  it('a bounded gap or a single wildcard is fine', () => {
    expect(pack('you .{0,3} wrong')).toEqual([]);
    expect(pack('you are . wrong')).toEqual([]);
  });
});

describe('a flag example can mark the words it expects: "Please [calm down] so I can look"', () => {
  const file = (flag: string, pass = 'The queue should settle down soon.') => ({ path: 'invalidating.yml', source: `category: invalidating\ntitle: Invalidating\nwhy: Feelings.\nentries:\n  - id: calm-down\n    match: "[please]? calm down"\n    severity: low\n    why: Tells them how to feel.\n    suggest: [I can hear how frustrating this is.]\n    examples:\n      flag: ["${flag}"]\n      pass: ["${pass}"]\n` });
  it('is stored without the brackets, with the span', () => {
    const { phrasebank, errors } = compilePhrasebank([file('Ok, [please calm down] so I can look.')]);
    expect(errors).toEqual([]);
    expect(phrasebank.rules[0].examples.flag).toEqual(['Ok, please calm down so I can look.']);
    expect(phrasebank.rules[0].examples.flagSpans).toEqual([[4, 20]]);
  });
  it('fails when the finding covers other words, and says which', async () => {
    const { runExamples } = await import('../../../lib/analysis/examples');
    const good = runExamples(compilePhrasebank([file('Ok, [please calm down] so I can look.')]).phrasebank);
    expect(good.every((r) => r.ok)).toBe(true);
    const [wrong] = runExamples(compilePhrasebank([file('Ok, please [calm down] so I can look.')]).phrasebank).filter((r) => !r.ok);
    expect(wrong.detail).toMatch(/cover exactly "calm down" but it covered "please calm down"/);
  });
  it('two marks, or a mark in a pass example, are refused', () => {
    expect(compilePhrasebank([file('[Please] [calm down].')]).errors[0].message).toMatch(/marks 2 spans/);
    expect(compilePhrasebank([file('Please calm down.', 'The [queue] settles.')]).errors[0].message).toMatch(/only flag examples can/);
  });
});

describe('a flag example can state the draft after applying the first suggestion: "… -> …"', () => {
  const file = (flag: string, suggest = 'I can hear how frustrating this is.') => ({ path: 'invalidating.yml', source: `category: invalidating\ntitle: Invalidating\nwhy: Feelings.\nentries:\n  - id: calm-down\n    match: "[please]? calm down"\n    severity: low\n    why: Tells them how to feel.\n    suggest: ["${suggest}"]\n    examples:\n      flag: ['${flag}']\n      pass: ["The queue should settle down soon."]\n` });
  const run = async (f: ReturnType<typeof file>) => (await import('../../../lib/analysis/examples')).runExamples(compilePhrasebank([f]).phrasebank);
  it('is stored apart from the example, and passes when applying gives exactly that', async () => {
    const f = file('Please calm down so I can look. -> I can hear how frustrating this is. I can look.');
    expect(compilePhrasebank([f]).phrasebank.rules[0].examples).toMatchObject({ flag: ['Please calm down so I can look.'], flagResults: ['I can hear how frustrating this is. I can look.'] });
    expect((await run(f)).every((r) => r.ok)).toBe(true);
  });
  it('fails with what applying really gave', async () => {
    const [wrong] = (await run(file('Please calm down so I can look. -> I can hear how frustrating this is.'))).filter((r) => !r.ok);
    expect(wrong.detail).toMatch(/expected applying the first suggestion to give "I can hear how frustrating this is\." but it gave "I can hear how frustrating this is\. I can look\."/);
  });
  it('fails, saying why, when no suggestion can be offered (it names a refund the example never mentions)', async () => {
    const [wrong] = (await run(file('Please calm down. -> I will refund you.', 'I will refund you.'))).filter((r) => !r.ok);
    expect(wrong.detail).toMatch(/no suggestion could be offered here/);
  });
});

describe('suggestion slots are checked', () => {
  const file = (...suggest: string[]) => ({ path: 'invalidating.yml', source: `category: invalidating\ntitle: Invalidating\nwhy: Feelings.\nentries:\n  - id: calm-down\n    match: "[please]? calm down"\n    severity: low\n    why: Tells them how to feel.\n    suggest: [${suggest.map((s) => JSON.stringify(s)).join(', ')}]\n    examples:\n      flag: ["Please calm down."]\n      pass: ["The queue should settle down soon."]\n` });
  const errors = (...s: string[]) => compilePhrasebank([file(...s)]).errors.map((e) => e.message);
  it('accepts known slots, in or out of [ ], with one suggestion that needs none', () => {
    expect(errors('I can see your order[ {order}] is late.', 'Would you prefer {option} or {option}?', 'I hear you.')).toEqual([]);
  });
  it('names an unknown slot with the right spelling', () => {
    expect(errors('Your {orders} is late.', 'I hear you.')[0]).toMatch(/unknown slot \{orders\}.*Did you mean "order"/);
  });
  it('refuses unbalanced brackets and stray braces', () => {
    expect(errors('Your order[ {order} is late.', 'I hear you.')[0]).toMatch(/unbalanced \[ \]/);
    expect(errors('Your order {order is late.', 'I hear you.')[0]).toMatch(/unmatched \{ or \}/);
  });
  it('needs one suggestion that works without a slot', () => {
    expect(errors('Would you prefer {option} or {option}?')[0]).toMatch(/add one that works without it/);
  });
});
