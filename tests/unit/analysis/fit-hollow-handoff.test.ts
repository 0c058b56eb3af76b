/**
 * Issue 8 §1: what an applied alternative promises is given, what it takes on is not handed back, and the step
 * or fact the dismissive words introduced stays (lib/analysis/fit.ts, offer.ts, fixes.ts). The sentences here
 * are written for these tests.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../lib/analysis/index';
import { bundledPhrasebank } from '../../../lib/phrasebank/bundled';
import { answersNothing, causeAlreadyNamed, handOffTakenBack, onlyAnnounces, onlyHandsOff, promiseTakenBack } from '../../../lib/analysis/fit';
import { delivers, promisesMore } from '../../../lib/analysis/offer';
import { planFix } from '../../../lib/analysis/fixes';
import { splitSentences } from '../../../lib/analysis/text';
import { seamProblems } from '../../quality/seams';

/** Every suggestion of the first finding, applied in order (bundled phrasebank and model). */
function appliedAll(text: string): string[] {
  const f = analyze(text, bundledPhrasebank).findings[0];
  expect(f).toBeDefined();
  for (const x of f.fixes) expect(seamProblems(text, x)).toEqual([]);
  return f.fixes.map((x) => text.slice(0, x.start) + x.text + text.slice(x.end));
}

/** planFix for `flagged` inside `draft`, applied, in the given keep mode. */
function planned(draft: string, flagged: string, suggestion: string, mode: 'keep' | 'plain' | 'sentence' = 'keep'): string | null {
  const start = draft.indexOf(flagged);
  const sentence = splitSentences(draft).find((x) => x.start <= start && start < x.end)!;
  const p = planFix(draft, sentence, { start, end: start + flagged.length }, suggestion, [], mode);
  if (!p) return null;
  expect(seamProblems(draft, p.fix)).toEqual([]);
  return draft.slice(0, p.fix.start) + p.fix.text + draft.slice(p.fix.end);
}

describe('an announcement is delivered by what follows it, not by how many words follow', () => {
  it('a pleasantry, a proposal or a closing delivers nothing', () => {
    expect(delivers(' Sure, happy to carry on over here.', 'here it is again.')).toBe(false);
    expect(delivers(" We'll leave it with you.", 'let me show you what I mean.')).toBe(false);
    expect(delivers('\n\nKind regards,\nThe Garden Centre Team', 'let me explain.')).toBe(false);
  });
  it('a statement delivers, even a short one', () => {
    expect(delivers(" It's the fuse.", 'let me show you what I mean.')).toBe(true);
    expect(delivers(' The fee is £8', 'here it is again.')).toBe(true);
  });
  it('an announced reason needs a reason', () => {
    expect(delivers(' Opened seeds cannot be returned. This applies to every order.', "I'd like to explain the reason for this.")).toBe(false);
    expect(delivers(' Opened seeds cannot be returned, because they may have been exposed to damp.', "I'd like to explain the reason for this.")).toBe(true);
  });
  it('an announcement inside a condition is an offer', () => {
    const text = 'We covered this last week. Thanks';
    const fix = { start: 0, end: text.indexOf(' Thanks'), text: "If it's still unclear, reply and I'll go through it with you." };
    expect(promisesMore(fix, text)).toBe(false);
    expect(promisesMore({ ...fix, text: "Let me go through it again, so it's all in one place." }, text)).toBe(true);
  });
  it('what the edit keeps after its announcement is read too', () => {
    const text = 'Per the terms, opened seeds cannot be returned.';
    const fix = { start: 0, end: text.length, text: "I'd like to explain the reason for this. Opened seeds cannot be returned." };
    expect(promisesMore(fix, text)).toBe(true);
  });
});

describe('a kept remainder that only announces goes, whatever the alternative', () => {
  it('recognises one', () => {
    expect(onlyAnnounces('I was going to explain.')).toBe(true);
    expect(onlyAnnounces('The lid clips on from the left')).toBe(false);
  });
  it('applied, nothing announced is left hanging (bundled phrasebank)', () => {
    const first = appliedAll("If you'd let me finish, I was about to explain.")[0];
    expect(first).not.toMatch(/about to explain|here's the rest|let me explain/i);
  });
});

describe('what the alternative takes on is not handed back to the customer', () => {
  it('recognises a hand-off right after a promise to follow it up', () => {
    const a = "I'll follow this up with them for you. You'll need to ring them yourself.";
    expect(handOffTakenBack(a, 0, a.indexOf(' You'))).toBe(true);
    const b = "I'll get it sorted for you. Try the warranty desk first.";
    expect(handOffTakenBack(b, 0, b.indexOf(' Try'))).toBe(true);
    // What the agent did next, or a sympathy line with no promise, is fine.
    const c = "I'll follow this up with them for you. I've noted it on your account.";
    expect(handOffTakenBack(c, 0, c.indexOf(' I'))).toBe(false);
    const d = "I'm sorry about this. You'll need to ring them yourself.";
    expect(handOffTakenBack(d, 0, d.indexOf(' You'))).toBe(false);
  });
  it('only a sentence that does nothing but send them elsewhere counts as a hand-off', () => {
    expect(onlyHandsOff('Try the warranty desk.')).toBe(true);
    expect(onlyHandsOff("You'll have to ask them.")).toBe(true);
    expect(onlyHandsOff('The warranty desk opens at nine.')).toBe(false);
  });
  it('applied, the hand-off after the flagged sentence goes with the edit (bundled phrasebank)', () => {
    const all = appliedAll("That's the removal firm's problem, not ours. You'll have to chase them.");
    expect(all[0]).not.toMatch(/you'll have to chase/i);
    expect(all[0]).toMatch(/follow|take (?:it|this)|sorted|fixed|reaches/i);
  });
  it('…but a hand-off that carries a particular stays', () => {
    for (const a of appliedAll("That's the removal firm's problem, not ours. You'll have to call them on 0161 555 0199.")) expect(a).toMatch(/0161 555 0199/);
  });
});

describe('a promise to put it right is not followed by "all was correct"', () => {
  it('recognises the records saying all was in order, and standing by the service', () => {
    const a = "I'll do what I can to put it right. Our system shows the payment was taken correctly.";
    expect(promiseTakenBack(a, 0, a.indexOf(' Our'))).toBe(true);
    const b = "I'd like to put it right. We stand by our engineers.";
    expect(promiseTakenBack(b, 0, b.indexOf(' We'))).toBe(true);
    const c = "I'd like to put it right. Our engineer is booked for Tuesday.";
    expect(promiseTakenBack(c, 0, c.indexOf(' Our'))).toBe(false);
  });
});

describe('"whoever caused it" does not follow the draft naming the cause', () => {
  it('recognises a named cause just before the edit', () => {
    expect(causeAlreadyNamed("Whoever caused it, I'll make sure it gets fixed.", 'The delay was caused by the ferry strike. ')).toBe(true);
    expect(causeAlreadyNamed("Whoever caused it, I'll make sure it gets fixed.", 'Thanks for writing in. ')).toBe(false);
    expect(causeAlreadyNamed("I'm sorry this happened.", 'The delay was caused by the ferry strike. ')).toBe(false);
  });
});

describe('the step or fact a talking-down opener introduced stays', () => {
  const S = "This part isn't easy to spot, so let me go through it with you.";
  it('"Obviously" / "Clearly" before a fact: the fact stays after the alternative', () => {
    expect(planned('Obviously the reset pin is under the rubber foot.', 'Obviously the', S)).toBe(`${S} The reset pin is under the rubber foot.`);
    expect(planned('Clearly the timer is set to standby.', 'Clearly the', S)).toBe(`${S} The timer is set to standby.`);
  });
  it('"just" before a step: the step stays, before an alternative that points back at it', () => {
    expect(planned('Just unplug the dock and plug it back in.', 'Just unplug the dock and plug it back in', "Could you give that a try and let me know how it goes?")).toBe(
      'Unplug the dock and plug it back in. Could you give that a try and let me know how it goes?',
    );
  });
  it('"All you have to do is": the step stays whatever the finding covers', () => {
    expect(planned('All you have to do is hold the side button for ten seconds.', 'side button for ten seconds', S)).toBe(`${S} Hold the side button for ten seconds.`);
  });
  it('with the whole sentence replaced, nothing is kept', () => {
    expect(planned('Obviously the reset pin is under the rubber foot.', 'Obviously the', S, 'sentence')).toBe(S);
  });
});

describe('a phrase that opens what follows is not planned at the end of a sentence', () => {
  it('"To recap" needs words after it in its sentence', () => {
    expect(planned('We went over it on Monday, so please look back at that.', 'please look back at that', 'To recap')).toBeNull();
    expect(planned('As I said on Monday, the van is booked.', 'As I said on Monday', 'To recap')).toBe('To recap, the van is booked.');
  });
});

describe('the consequence of a condition contrary to fact goes with the condition', () => {
  const S = "That's an easy thing to miss, so let's go through it together.";
  it('"If you had…, it would not have…" leaves no "it would not have" behind', () => {
    expect(planned('If you had read the label, the jumper would not have shrunk.', 'If you had read', S)).toBe(S);
  });
  it('a consequence that is not contrary to fact stays', () => {
    expect(planned('If you had read the label, the wash is 30 degrees.', 'If you had read', S)).toBe(`${S} The wash is 30 degrees.`);
  });
});

describe('a kept part is kept plainer before it is dropped', () => {
  const S = "I can see why it looks that way; let me show you what I'm seeing on our side.";
  it('plain mode drops a leading "trust me" and a trailing disowning contrast', () => {
    expect(planned("I've fitted boilers for twenty years, so trust me, it's the thermostat.", "I've fitted boilers for twenty years", S, 'plain')).toBe(`${S} It's the thermostat.`);
    expect(planned('The landlord chose that date, not us, so we have no say in it.', 'we have no say in it', "I'm sorry this happened.", 'plain')).toBe("The landlord chose that date. I'm sorry this happened.");
  });
  it('applied, the fact after "trust me" survives (bundled phrasebank)', () => {
    expect(appliedAll("I've fitted boilers for twenty years, so trust me, it's the thermostat.")[0]).toMatch(/It's the thermostat\.$/);
  });
});

describe('an agreeing or "that\'s sorted" line answers only what the draft said', () => {
  it('recognises an agreement where nothing was given in to, and a settled line before steps', () => {
    expect(answersNothing("That works for me, and I'm happy to go with what suits you.", 'Glad you finally read it', '')).toBe(true);
    expect(answersNothing("That works for me, and I'm happy to go with what suits you.", 'Fine, have it your way', '')).toBe(false);
    expect(answersNothing("I'm glad that's sorted, and I'm here if anything else comes up.", 'Glad we finally got there', '')).toBe(false);
    expect(answersNothing("I'm glad that's sorted, and I'm here if anything else comes up.", 'Glad we finally got there', ' The steps are below:\n1. Open settings.')).toBe(true);
    expect(answersNothing("I'm glad that's sorted, and I'm here if anything else comes up.", 'crystal clear this time', '')).toBe(true);
  });
  it('applied, a sarcastic "glad you finally…" gets the settled line, not an agreement (bundled phrasebank)', () => {
    expect(appliedAll('Glad you finally figured out the voucher code.')[0]).toMatch(/glad that's sorted/i);
  });
});

describe('the rule a refusal rests on stays when the alternative refers to it', () => {
  const S = "I can't change this rule, but I'll look into what I can do for you instead.";
  it('a verbless "no …" rule is kept before the alternative, with its colon', () => {
    expect(planned('Hi Ana, it says so in the booking terms: no refunds after the course starts.', 'no refunds after the course starts', S)).toBe(
      `Hi Ana, it says so in the booking terms: no refunds after the course starts. ${S}`,
    );
  });
  it('…not before an alternative that does not say no, nor when the whole sentence goes', () => {
    expect(planned('Hi Ana, it says so in the booking terms: no refunds after the course starts.', 'no refunds after the course starts', "I'm sorry about this.")).not.toMatch(/no refunds/);
    expect(planned('Hi Ana, it says so in the booking terms: no refunds after the course starts.', 'no refunds after the course starts', S, 'sentence')).not.toMatch(/no refunds/);
  });
});
