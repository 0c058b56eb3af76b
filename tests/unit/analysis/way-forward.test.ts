import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { analyze } from '../../../lib/analysis/index';
import { loadPhrasebank } from '../../../lib/phrasebank/node';
import { bundledPhrasebank } from '../../../lib/phrasebank/bundled';

// Labelling guide R2/R3: a refusal or a policy is judged by the whole reply. The bundled phrasebank, rules
// only, so the test is about the combination policy and not the model's verdicts.
const pb = loadPhrasebank(resolve(import.meta.dirname, '../../../phrasebank')).phrasebank;
const RULES = { layers: { model: false } } as const;
const categories = (text: string) => analyze(text, pb, undefined, RULES).findings.map((f) => f.category);

describe('a way forward anywhere in the reply answers a refusal or a policy', () => {
  it('flags a bare no', () => {
    expect(categories("We don't offer gift wrapping.")).toContain('refusing');
    expect(categories('Sorry, no idea when the van comes.')).toContain('refusing');
  });

  it('drops it when another sentence gives a next step or an owned action', () => {
    expect(categories("We don't offer gift wrapping. I'll pop a card in the box for you and email you once it ships.")).not.toContain('refusing');
    expect(categories("Sorry, no idea when the van comes. I've asked the depot and I'll update you by 3pm.")).not.toContain('refusing');
  });

  it('drops it when the reply links somewhere to go on, and only then', () => {
    expect(categories("We don't offer gift wrapping. Our gift options: https://example.com/gifts")).not.toContain('refusing');
    expect(categories("We don't offer gift wrapping. Have a lovely weekend.")).toContain('refusing');
  });

  it('keeps findings of other categories whatever follows', () => {
    const text = "As mentioned in my earlier email, the invoice is attached. I'll update you by 3pm.";
    expect(categories(text)).toContain('rushing');
  });
});

describe('what the reply says the customer can do next is a way forward (lexicon they-can)', () => {
  it('a refusal or a stock line beside "you can …" / "please reinstall …" is not left standing', () => {
    const ids = (t: string) => analyze(t, bundledPhrasebank).findings.map((f) => f.ruleId);
    expect(ids("I understand your concern.")).toContain('robotic-empathy/we-understand-your-frustration');
    expect(ids("I understand your concern. You can check the exchange options once the sale starts.")).not.toContain('robotic-empathy/we-understand-your-frustration');
    expect(ids("Unfortunately we can't offer that upgrade.").some((id) => id.startsWith('refusing/'))).toBe(true);
    expect(ids("Unfortunately we can't offer that upgrade. You can still switch plans from your account page.").some((id) => id.startsWith('refusing/'))).toBe(false);
  });

  it('one part of a split reply ("1/2") is not judged alone for a missing way forward', () => {
    const refusal = (t: string) => analyze(t, bundledPhrasebank).findings.some((f) => f.category === 'refusing');
    expect(refusal("Unfortunately we can't offer that upgrade.")).toBe(true);
    expect(refusal("Unfortunately we can't offer that upgrade. 1/2")).toBe(false);
  });
});
