/**
 * Issue 8 §1: an applied alternative leaves nothing in its sentence that takes the kindness back, and does
 * not turn a refusal into a maybe. The sentences here are written for these tests.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../lib/analysis/index';
import { bundledPhrasebank } from '../../../lib/phrasebank/bundled';
import { planFix } from '../../../lib/analysis/fixes';
import { conversationOf, offerFixes } from '../../../lib/analysis/offer';
import { refuses } from '../../../lib/analysis/refusal';
import { splitSentences } from '../../../lib/analysis/text';
import type { Finding } from '../../../lib/analysis/types';
import { seamProblems } from '../../quality/seams';

const S = "I can see why this matters, and I'll sort it out with you.";

/** planFix for `flagged` in a one-sentence `draft`, applied, with its seams checked. */
function planned(draft: string, flagged: string, suggestion = S): string {
  const start = draft.indexOf(flagged);
  const sentence = splitSentences(draft).find((s) => s.start <= start && start < s.end)!;
  const fix = planFix(draft, sentence, { start, end: start + flagged.length }, suggestion)!.fix;
  expect(seamProblems(draft, fix)).toEqual([]);
  return draft.slice(0, fix.start) + fix.text + draft.slice(fix.end);
}

/** Every suggestion of the first finding, applied (bundled phrasebank and model). */
function appliedAll(text: string): string[] {
  const f = analyze(text, bundledPhrasebank).findings[0];
  expect(f).toBeDefined();
  return f.fixes.map((x) => text.slice(0, x.start) + x.text + text.slice(x.end));
}

describe('a kept fact loses the words that minimise it', () => {
  it('"only" before an amount goes; the amount stays', () => {
    expect(planned("It's just a £4 charge, so there's no need to stress.", "there's no need to stress")).toBe(`It's a £4 charge. ${S}`);
    expect(planned('The van is only 20 minutes behind, so stop fretting.', 'stop fretting')).toBe(`The van is 20 minutes behind. ${S}`);
    // "only" that restricts, not minimises, stays.
    expect(planned('The shop only takes cards, so stop fretting.', 'stop fretting')).toBe(`The shop only takes cards. ${S}`);
  });
});

describe('a kept clause does not open with a contrast aimed at the replaced one', () => {
  it('"however" goes with the clause it contrasted with', () => {
    expect(planned('You ought to have checked the size chart, however we can still exchange it.', 'You ought to have checked the size chart')).toBe(
      `${S} We can still exchange it.`,
    );
  });
});

describe('a date is not an elliptical modal', () => {
  it('"…ended on 12 May" is kept as a fact, not dropped as "…may" waiting for a verb', () => {
    expect(planned('Relax, the sale ended on 12 May.', 'Relax')).toBe(`${S} The sale ended on 12 May.`);
  });
});

describe('the check after Apply: a kept part still dismissive beside the alternative goes', () => {
  it('an instruction that sends the customer elsewhere is not left after "I\'ll pass this on"', () => {
    const all = appliedAll("Hi Tess, that's not my area, you'll need to phone the warehouse.");
    for (const a of all) expect(a).not.toMatch(/phone the warehouse/);
    // …and what is applied is itself clean: nothing is flagged in it any more.
    for (const a of all) expect(analyze(a, bundledPhrasebank).findings).toEqual([]);
  });
});

describe('an alternative keeps the "no" a refusal carried', () => {
  it('recognises refusals, and not the negations that are the harm', () => {
    for (const s of ['No.', 'Hi Sam, not possible, sorry.', "We can't reopen the ticket.", 'The deposit is non-refundable.', "Nope, won't happen."]) expect(refuses(s)).toBe(true);
    for (const s of ["Don't worry about it.", "You didn't cancel in time.", "I can't read the whole thread.", "It's nothing worth stressing over.", "That's not my department."])
      expect(refuses(s)).toBe(false);
  });

  const finding = (text: string, flagged: string, suggestions: string[]): Finding => {
    const start = text.indexOf(flagged);
    return { ruleId: 't/refusal', category: 't', severity: 'medium', start, end: start + flagged.length, text: flagged, message: '', suggestions, fixes: [] };
  };
  const offer = (text: string, f: Finding) => {
    const sentence = splitSentences(text).find((s) => s.start <= f.start && f.start < s.end);
    offerFixes(f, text, sentence, conversationOf(text, undefined, []));
    return f.suggestions;
  };
  const MAYBE = "Let me look into what I can do and I'll come back to you.";
  const KEEPS_NO = "I can't do that myself, but I'll see what else might work.";

  it('the alternative that still says no is offered, and the one that drops it is not', () => {
    const text = 'Hi Ros, we cannot swap the colour. Thanks, Mel';
    expect(offer(text, finding(text, 'we cannot swap', [MAYBE, KEEPS_NO]))).toEqual([KEEPS_NO]);
    // When the reply says no elsewhere too, the alternatives are offered as written.
    const also = "Hi Ros, we cannot swap the colour. The shop doesn't allow swaps after dispatch.";
    expect(offer(also, finding(also, 'we cannot swap', [MAYBE, KEEPS_NO]))).toEqual([MAYBE, KEEPS_NO]);
  });
  it('when every alternative would turn the only "no" into a maybe, none is offered', () => {
    const text = 'Hi Ros, we cannot swap the colour. Thanks, Mel';
    expect(offer(text, finding(text, 'we cannot swap', [MAYBE, 'I hear you, and I will see what is possible.']))).toEqual([]);
  });
  it('a refusal another finding flags is left to that finding: this one\'s alternatives are still offered', () => {
    const text = 'Hi Ros, there is nothing more we can do, so read the help page. Thanks, Mel';
    const f = finding(text, 'read the help page', [MAYBE]);
    const refusal = { start: text.indexOf('nothing more'), end: text.indexOf('nothing more') + 'nothing more we can do'.length, text: 'nothing more we can do' };
    const sentence = splitSentences(text).find((s) => s.start <= f.start && f.start < s.end);
    offerFixes(f, text, sentence, conversationOf(text, undefined, []), [refusal, { start: f.start, end: f.end, text: f.text }]);
    expect(f.suggestions).toEqual([MAYBE]);
    // …while on its own words the same refusal withdraws an alternative that drops it.
    const g = finding(text, 'nothing more we can do', [MAYBE]);
    offerFixes(g, text, sentence, conversationOf(text, undefined, []), [{ start: g.start, end: g.end, text: g.text }]);
    expect(g.suggestions).toEqual([]);
  });
  it('a refusal through a system keeps a "no" in what Enter applies (bundled phrasebank)', () => {
    expect(appliedAll("Hi Noel, the system won't let me do that.")[0]).toMatch(/can['\u2019]t|cannot|isn['\u2019]t|not/);
  });
});

describe('what Enter applies promises nothing the draft then never gives', () => {
  it('an announcement is recognised even when the edit is trimmed to the letters that change ("I\'m not…" → "I\'ll try…")', () => {
    const first = appliedAll("Hi Ivo, I'm not sure how you missed it. Thanks, Bo")[0];
    expect(first).not.toMatch(/another way|try explaining|explain/i);
    expect(first).toMatch(/^Hi Ivo, /);
  });
});

describe('a kept part that only announces a fact is not a sentence', () => {
  it('"Please note that under section 4" lost the verb of its "that" clause, so it goes with the replaced clause', () => {
    expect(planned('Please note that under section 4 of the lease, the deposit stays with us and that is final.', 'that is final')).not.toMatch(/Please note/);
    // A "that" clause that keeps its verb is still kept.
    expect(planned('Please note that the gate opens at 7, so stop worrying.', 'stop worrying')).toBe(`Please note that the gate opens at 7. ${S}`);
  });
});
