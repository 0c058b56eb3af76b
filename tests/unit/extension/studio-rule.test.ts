/**
 * The rule studio's logic: a draft is checked by the phrasebank's own validator (the messages
 * `phrasebank test` gives, on the field they are about), its examples run as written, coverage names the
 * alternatives no example exercises, and layer edits keep rule ids a contract (renames).
 */
import { describe, expect, it } from 'vitest';
import { checkDraft } from '../../../lib/extension/studio-check';
import { EMPTY_DRAFT, emptyLayer, entryToDraft, putRule, removeRule, renamesAdded, type RuleDraft } from '../../../lib/extension/studio-rule';
import { validateCompiledPack } from '../../../lib/phrasebank/merge';
import { bundledPhrasebank } from '../../../lib/phrasebank/bundled';

const NEW_CATEGORY = { category: 'billing-tone', categoryTitle: 'Billing tone', categoryWhy: 'How our billing team wants to sound.' };
const DRAFT: RuleDraft = {
  ...EMPTY_DRAFT,
  ...NEW_CATEGORY,
  id: 'system-says',
  match: 'the (system|computer) says',
  severity: 'medium',
  why: 'Hiding behind the system sounds like nobody is in charge.',
  suggest: 'I checked your account and can see the charge.',
  flag: 'The system says you were charged twice.',
  pass: 'Our system sent the receipt this morning.',
};

describe('checkDraft', () => {
  it('compiles a good draft, runs its examples and lists the alternative no example exercises', () => {
    const check = checkDraft(DRAFT, undefined);
    expect(check.problems).toEqual([]);
    expect(check.rule?.ruleId).toBe('billing-tone/system-says');
    expect(check.examples.map((e) => [e.kind, e.ok])).toEqual([['flag', true], ['pass', true]]);
    expect(check.uncovered).toEqual(['computer']);
    expect(checkDraft({ ...DRAFT, flag: `${DRAFT.flag}\nThe computer says no.` }, undefined).uncovered).toEqual([]);
  });

  it('explains a pattern that does not parse with the validator’s words, on the match field', () => {
    const check = checkDraft({ ...DRAFT, match: 'the (system|computer says' }, undefined);
    expect(check.rule).toBeUndefined();
    expect(check.problems).toEqual([{ field: 'match', message: 'match "the (system|computer says" opens "(" but never closes it; add the matching closing bracket.' }]);
    const exploding = checkDraft({ ...DRAFT, match: 'the * system * says * no * way' }, undefined);
    expect(exploding.problems[0]).toMatchObject({ field: 'match' });
    expect(exploding.problems[0].message).toMatch(/wildcards/);
  });

  it('says what is missing, and that a high-severity rule needs two examples of each kind', () => {
    const check = checkDraft({ ...DRAFT, why: '', severity: 'high' }, undefined);
    const byField = Object.fromEntries(check.problems.map((p) => [p.field, p.message]));
    expect(byField.why).toMatch(/^Missing or empty "why:"/);
    expect(byField['examples.flag']).toMatch(/High-severity entries need at least two "flag" examples/);
    expect(byField['examples.pass']).toMatch(/High-severity entries need at least two "pass" examples/);
  });

  it('reports a failing example with the runner’s explanation', () => {
    const check = checkDraft({ ...DRAFT, pass: 'The system says hello to new users.' }, undefined);
    const failed = check.examples.filter((e) => !e.ok);
    expect(failed).toHaveLength(1);
    expect(failed[0].detail).toMatch(/expected no finding from billing-tone\/system-says but it matched "The system says"/);
  });

  it('reads a bundled rule back into the form unchanged (marks and results included)', () => {
    const rule = bundledPhrasebank.rules.find((r) => r.examples.flagSpans?.some(Boolean) && r.examples.flagResults?.some((x) => x !== null))!;
    const category = bundledPhrasebank.categories.find((c) => c.category === rule.category)!;
    const check = checkDraft(entryToDraft(rule, category), category);
    expect(check.problems).toEqual([]);
    expect(check.rule).toEqual(rule);
  });
});

describe('studio layer edits', () => {
  const category = { category: 'billing-tone', title: 'Billing tone', why: 'How our billing team wants to sound.', kind: 'dismissive' as const, file: '' };
  const rule = checkDraft(DRAFT, undefined).rule!;

  it('adds a rule with its category, and the layer is a valid pack', () => {
    const layer = putRule(emptyLayer(), rule, category);
    expect(layer.rules.map((r) => r.ruleId)).toEqual(['billing-tone/system-says']);
    expect(validateCompiledPack(layer).errors).toEqual([]);
  });

  it('a changed id is recorded as a rename (chains follow), and the result still validates', () => {
    const v1 = putRule(emptyLayer(), rule, category);
    const renamed = { ...rule, id: 'blaming-the-system', ruleId: 'billing-tone/blaming-the-system' };
    const v2 = putRule(v1, renamed, category, rule.ruleId);
    expect(v2.rules.map((r) => r.ruleId)).toEqual(['billing-tone/blaming-the-system']);
    expect(v2.renames).toEqual({ 'billing-tone/system-says': 'billing-tone/blaming-the-system' });
    expect(renamesAdded(v1, v2)).toEqual(v2.renames);
    // Going back (undo) moves the id back.
    expect(renamesAdded(v2, v1)).toEqual({ 'billing-tone/blaming-the-system': 'billing-tone/system-says' });
    expect(validateCompiledPack(v2).errors).toEqual([]);
    const v3 = putRule(v2, { ...rule, id: 'system-blame', ruleId: 'billing-tone/system-blame' }, category, renamed.ruleId);
    expect(v3.renames).toEqual({ 'billing-tone/system-says': 'billing-tone/system-blame', 'billing-tone/blaming-the-system': 'billing-tone/system-blame' });
    expect(validateCompiledPack(v3).errors).toEqual([]);
  });

  it('removing the last rule of a category drops the category and renames pointing at it', () => {
    const v2 = putRule(putRule(emptyLayer(), rule, category), { ...rule, id: 'x', ruleId: 'billing-tone/x' }, category, rule.ruleId);
    const empty = removeRule(v2, 'billing-tone/x');
    expect(empty).toEqual(emptyLayer());
  });
});
