import { describe, expect, it } from 'vitest';
import { planFix } from '../../../lib/analysis/fixes';
import { standsAlone } from '../../../lib/analysis/clauses';
import { splitSentences } from '../../../lib/analysis/text';
import { seamProblems } from '../../quality/seams';

const S = "I know this isn't the answer you wanted, and I'll see what else I can do.";

/** Applies planFix for `flagged` in `draft`, with `alsoFlagged` standing for other findings in the draft. */
function apply(draft: string, flagged: string, alsoFlagged: string[] = []): string {
  const start = draft.indexOf(flagged);
  const sentence = splitSentences(draft).find((s) => s.start <= start && start < s.end)!;
  const others = alsoFlagged.map((w) => ({ start: draft.indexOf(w), end: draft.indexOf(w) + w.length }));
  const fix = planFix(draft, sentence, { start, end: start + flagged.length }, S, others)!.fix;
  expect(seamProblems(draft, fix)).toEqual([]);
  return draft.slice(0, fix.start) + fix.text + draft.slice(fix.end);
}

describe('a fix keeps no remainder that another finding flags', () => {
  it('drops a second dismissive clause instead of leaving it beside the kind alternative', () => {
    const draft = "It's company policy, so quite frankly I'm done discussing it.";
    // Without the second finding the remainder stands alone and is kept…
    expect(apply(draft, "It's company policy")).toBe(`${S} Quite frankly I'm done discussing it.`);
    // …with it, the remainder goes with the flagged clause.
    expect(apply(draft, "It's company policy", ["I'm done discussing it"])).toBe(S);
  });
  it('still keeps a remainder no finding touches', () => {
    expect(apply('That is just how the policy works, so your order ships on Monday.', 'That is just how the policy works', ['nowhere near'])).toBe(
      `${S} Your order ships on Monday.`,
    );
  });
});

describe('a short fact whose verb the tagger reads as a plural noun still stands alone', () => {
  it('"the fee stands" and "the charge stays" are kept: the customer needs to know the fee is not waived', () => {
    expect(standsAlone('the fee stands')).toBe(true);
    expect(standsAlone('the charge stays')).toBe(true);
    expect(apply("I'm only doing what the rules say, so the deposit stays.", "I'm only doing what the rules say")).toBe(`${S} The deposit stays.`);
  });
  it('a noun phrase alone is still not a sentence', () => {
    expect(standsAlone('the late fees')).toBe(false);
    expect(standsAlone('your two orders')).toBe(false);
  });
});
