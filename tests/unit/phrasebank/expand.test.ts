import { describe, expect, it } from 'vitest';
import { expandPattern, expandContractions, MAX_VARIANTS, variantsOverLimit } from '../../../lib/phrasebank/expand';
import { compilePhrasebank } from '../../../lib/phrasebank/compile';
import { analyze } from '../../../lib/analysis/index';

describe('expandPattern', () => {
  it('splits multi-word choices into separate patterns', () => {
    expect(expandPattern("(you're|you are) not allowed")).toEqual(['you\'re not allowed', 'you are not allowed']);
    expect(expandPattern('(so sorry|very sorry)? for')).toEqual(['so sorry for', 'very sorry for', 'for']);
  });

  it('keeps a start or end anchor on its word when the optional group beside it is dropped', () => {
    expect(expandPattern("^(i am|we are)? just trying to help")).toContain('^just trying to help');
    expect(expandPattern("store policy (i am afraid|sadly)?$")).toContain('store policy$');
  });

  it('reports a pattern whose choices would need more simple patterns than it may have', () => {
    const many = (n: number) => `(${Array.from({ length: n }, (_, i) => `a${i} b`).join('|')})`;
    expect(variantsOverLimit(`${many(12)} ${many(12)}`)).toBeGreaterThan(MAX_VARIANTS);
    expect(variantsOverLimit(`${many(12)} ${many(10)}`)).toBeNull();
  });

  it('leaves single-word choices and optional brackets alone', () => {
    expect(expandPattern('[please]? (calm|settle) down')).toEqual(['[please]? (calm|settle) down']);
  });

  it('writes top-level contractions in their long form, not those inside choices', () => {
    expect(expandContractions("don't (worry|can't) we're")).toBe('do not (worry|can\'t) we are');
  });
});

describe('patterns compromise alone gets wrong', () => {
  const yml = (match: string) =>
    `category: t\ntitle: T\nwhy: W.\nentries:\n  - id: a\n    match: "${match}"\n    severity: low\n    why: W.\n    suggest: [S]\n    examples: {flag: [x], pass: [y]}\n`;
  const flags = (match: string, text: string) => {
    const { phrasebank, errors } = compilePhrasebank([{ path: 't.yml', source: yml(match) }]);
    expect(errors).toEqual([]);
    return analyze(text, phrasebank).findings.length > 0;
  };

  it('order of a contracted alternative does not matter', () => {
    expect(flags("(you're|you are) not allowed", "You're not allowed to do that.")).toBe(true);
    expect(flags("(you are|you're) not allowed", "You're not allowed to do that.")).toBe(true);
  });

  it('a multi-word choice after .+ still matches', () => {
    expect(flags('not allowed to .+ (but|i can)', 'Not allowed to swap seats, but I can refund.')).toBe(true);
  });

  it('an optional multi-word opener before an anchored phrase still matches (it once left a bare "^")', () => {
    expect(flags('^(i am|we are)? (just|only) trying to help$', 'Just trying to help.')).toBe(true);
  });

  it('a pattern with too many multi-word choices is refused with the reason, not compiled to miss silently', () => {
    const many = Array.from({ length: 12 }, (_, i) => `w${i} v`).join('|');
    const { errors } = compilePhrasebank([{ path: 't.yml', source: yml(`(${many}) (${many})`) }]);
    expect(JSON.stringify(errors)).toMatch(/simple patterns \(at most 128\).*Split it/);
  });

  it("a contraction in the pattern matches the long form in the text", () => {
    expect(flags("don't worry", 'Do not worry about it.')).toBe(true);
  });
});
