/**
 * Issue 8 §1: an applied alternative fits what stands around it (lib/analysis/fit.ts). The sentences here
 * are written for these tests.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../lib/analysis/index';
import { bundledPhrasebank } from '../../../lib/phrasebank/bundled';
import { needsAbsentParty, promiseTakenBack, repeatsAnnouncement } from '../../../lib/analysis/fit';
import { planFix } from '../../../lib/analysis/fixes';
import { splitSentences } from '../../../lib/analysis/text';
import { seamProblems } from '../../quality/seams';

/** Every suggestion of the first finding, applied in order (bundled phrasebank and model). */
function appliedAll(text: string): string[] {
  const f = analyze(text, bundledPhrasebank).findings[0];
  expect(f).toBeDefined();
  return f.fixes.map((x) => text.slice(0, x.start) + x.text + text.slice(x.end));
}

describe('a promise to put it right is not followed by a refusal or "all is well"', () => {
  const at = (applied: string, edit: string) => [applied.indexOf(edit), applied.indexOf(edit) + edit.length] as const;
  it('recognises a promise taken back by the next sentence', () => {
    const a = "I'll get it sorted for you. The scratch isn't covered.";
    expect(promiseTakenBack(a, ...at(a, "I'll get it sorted for you."))).toBe(true);
    const b = 'Let me put it right. The heater is working as it should.';
    expect(promiseTakenBack(b, ...at(b, 'Let me put it right.'))).toBe(true);
    // A promise followed by what was done, or a sympathy line with no promise, is fine.
    const c = "I'll get it sorted for you. A new cable went out this morning.";
    expect(promiseTakenBack(c, ...at(c, "I'll get it sorted for you."))).toBe(false);
    const d = "I'm sorry about this. The scratch isn't covered.";
    expect(promiseTakenBack(d, ...at(d, "I'm sorry about this."))).toBe(false);
  });
  it('the promise may run past an edit trimmed to the letters that change', () => {
    const a = 'Let me put it right. The heater is working as it should.';
    expect(promiseTakenBack(a, 0, 'Let me put it rig'.length)).toBe(true);
  });
  it('what Enter applies promises nothing right before "it works as it should" (bundled phrasebank)', () => {
    const first = appliedAll("Honestly, it's a storm in a teacup. The heater is working as it should.")[0];
    expect(first).toMatch(/working as it should/);
    expect(first).not.toMatch(/put it right|sort|fix/i);
  });
  it('…nor right before a refusal', () => {
    const first = appliedAll('The hinge snapped because you skipped a step, so it isn\'t covered.')[0];
    expect(first).toMatch(/isn't covered/);
    expect(first).not.toMatch(/put it right|get it sorted|sort it/i);
    const second = appliedAll('The panel split because this step was skipped, so it isn\'t covered.')[0];
    expect(second).toMatch(/isn't covered/);
    expect(second).not.toMatch(/sort it|get this fixed/i);
  });
});

describe('an offer to take it up "with them" needs someone to take it up with', () => {
  it('a system, an app or a rule is nobody; a courier or a team is somebody', () => {
    expect(needsAbsentParty("I'm sorry; let me take it up with them for you.", 'the app closed my account, not me.')).toBe(true);
    expect(needsAbsentParty("I'm sorry; let me take it up with them for you.", 'the courier lost it, not me.')).toBe(false);
    expect(needsAbsentParty("I'm sorry this happened, and I'll look into it.", 'the app closed my account, not me.')).toBe(false);
  });
  it('not offered where the other party is a system (bundled phrasebank)', () => {
    for (const a of appliedAll('The portal deleted the booking, not me.')) expect(a).not.toMatch(/with them|chase them/);
  });
});

describe("a kept remainder does not repeat the alternative's announcement", () => {
  it('recognises a remainder that only announces', () => {
    expect(repeatsAnnouncement('Let me explain the rest, and then tell me what you think.', 'I was about to explain')).toBe(true);
    expect(repeatsAnnouncement('Let me explain the rest, and then tell me what you think.', 'The fee is £5')).toBe(false);
    expect(repeatsAnnouncement("I'm sorry about that.", 'I was about to explain')).toBe(false);
  });
  it('applied, the announcement is said once (bundled phrasebank)', () => {
    for (const a of appliedAll("If you'd let me finish, I was going to explain.")) expect(a).not.toMatch(/going to explain/);
  });
});

describe('an alternative that drops the reply\'s only "no" is not offered when another keeps it', () => {
  it('every alternative offered for a lone refusal still refuses (bundled phrasebank)', () => {
    for (const a of appliedAll("Hi Pat, the bakery can't take back opened cakes, that's out of my hands. Thanks, Lou")) expect(a).toMatch(/can['\u2019]t|cannot|not|isn['\u2019]t/);
  });
});

describe('a reproach before the agent\'s own delivery is removed, not answered with a second resend line', () => {
  it('the delivery opens the sentence, once (bundled phrasebank)', () => {
    const all = appliedAll('I did send the link on Tuesday... but here it is again: go.example.com/r7');
    expect(all[0]).toBe('Here it is again: go.example.com/r7');
    for (const a of all) expect(a.match(/here it is again/gi)?.length ?? 0).toBeLessThanOrEqual(1);
  });
  it('a greeting before the reproach stays, and the delivery fits after it', () => {
    expect(appliedAll('Hi Sam, we did send the form on Tuesday, but here it is again: go.example.com/f2')[0]).toBe('Hi Sam, here it is again: go.example.com/f2');
  });
  it('with nothing delivered after it, the resend line is still what is offered', () => {
    expect(appliedAll('I did send the link on Tuesday. Please check your spam folder.')[0]).toMatch(/here it is again|resending/i);
  });
});

describe('pointing back to an earlier message is replaced by a phrase that opens the agent\'s own answer', () => {
  it('the answer stays, with nothing announced before it (bundled phrasebank)', () => {
    expect(appliedAll('As mentioned in my last email, the spare part ships on Monday.')[0]).toBe('To recap, the spare part ships on Monday.');
    expect(appliedAll('As previously stated, the deposit cannot be returned.')[0]).toBe('To recap, the deposit cannot be returned.');
  });
  it('after an @handle the phrase still opens the sentence', () => {
    expect(appliedAll('@lin As mentioned in my last email, the spare part ships on Monday.')[0]).toBe('@lin To recap, the spare part ships on Monday.');
  });
  it('a phrase never stands as a sentence of its own', () => {
    for (const a of appliedAll('The answer is all in my previous message.')) expect(a).not.toMatch(/^To recap[.!]?$/);
  });
});

describe('what a rule imposes stays when the refusal joined to it by "and" is replaced', () => {
  const S = "I can't change this rule, but I'll look into what I can do for you instead.";
  const planned = (draft: string, flagged: string) => {
    const start = draft.indexOf(flagged);
    const sentence = splitSentences(draft).find((x) => x.start <= start && start < x.end)!;
    const fix = planFix(draft, sentence, { start, end: start + flagged.length }, S)!.fix;
    expect(seamProblems(draft, fix)).toEqual([]);
    return draft.slice(0, fix.start) + fix.text + draft.slice(fix.end);
  };
  it('flagged from the "and" on, or just after it', () => {
    expect(planned('Under clause 9 of our terms, a restocking charge applies and cannot be waived.', 'and cannot be')).toBe(`${S} A restocking charge applies.`);
    expect(planned('Hi, the deposit is kept and cannot be returned.', 'cannot be')).toBe(`Hi, ${S} The deposit is kept.`);
  });
  it('an "and" that joins two dismissive points does not keep the first', () => {
    // The flagged words are the whole first half: nothing before the "and" is the rule's content.
    expect(planned('Our decision is final and that is the end of it.', 'Our decision is final and that is the end of it')).toBe(S);
  });
});
