import { describe, expect, it } from 'vitest';
import { planFix } from '../../../lib/analysis/fixes';
import { standsAlone } from '../../../lib/analysis/clauses';
import { carriesFact, restatedDependent } from '../../../lib/analysis/facts';
import { splitSentences } from '../../../lib/analysis/text';
import { seamProblems } from '../../quality/seams';

// Issue 8 §1: an applied alternative keeps the fact or instruction the customer needs from the flagged sentence.
const S = "I know this isn't the answer you wanted, and I'll see what else I can do.";

/** The draft after applying `suggestion` for the words `flagged`, or null when it isn't offered there. */
function apply(draft: string, flagged: string, suggestion = S, alsoFlagged: string[] = []): string | null {
  const start = draft.indexOf(flagged);
  const sentence = splitSentences(draft).find((s) => s.start <= start && start < s.end)!;
  const others = alsoFlagged.map((w) => ({ start: draft.indexOf(w), end: draft.indexOf(w) + w.length }));
  const planned = planFix(draft, sentence, { start, end: start + flagged.length }, suggestion, others);
  if (!planned) return null;
  expect(seamProblems(draft, planned.fix)).toEqual([]);
  return draft.slice(0, planned.fix.start) + planned.fix.text + draft.slice(planned.fix.end);
}

describe('what was told or would be known is kept', () => {
  it('keeps the object of "told you"', () => {
    expect(apply('I already told you that the parcel left our depot on 4 May.', 'I already told you')).toBe(`${S} The parcel left our depot on 4 May.`);
    expect(apply('Hi Ana, I told you before the spare key is in the blue envelope.', 'I told you before')).toBe(
      `Hi Ana, ${S} The spare key is in the blue envelope.`,
    );
  });
  it('keeps the object of "you would know"', () => {
    expect(apply("If you'd opened the leaflet you would know the hob has a child lock.", "If you'd opened the leaflet")).toBe(`${S} The hob has a child lock.`);
  });
  it('keeps no indirect question: "explained why it was split" names the fact without stating it', () => {
    expect(apply("I've already explained why the lamp flickers.", "I've already explained")).toBe(S);
  });
  it('keeps nothing when the object is no fact of its own', () => {
    expect(apply('I told you so.', 'I told you')).toBe(S);
    expect(apply('You would know that if you had read it.', 'You would know')).toBe(S);
  });
  it('keeps nothing that another finding flags', () => {
    expect(apply('I already told you that you should have read the terms.', 'I already told you', S, ['you should have read'])).toBe(S);
  });
});

describe('a dependent clause carrying a fact becomes a sentence of its own', () => {
  it('", which lasts 6 weeks" after the replaced clause', () => {
    expect(apply('You have to keep the seal on, which lasts 6 weeks.', 'You have to keep')).toBe(`${S} This lasts 6 weeks.`);
  });
  it('a reason with a time or an amount', () => {
    expect(apply("I can't move the booking, because the venue closes at 6pm.", "I can't move the booking")).toBe(
      `${S} That's because the venue closes at 6pm.`,
    );
    expect(apply("We can't waive it because the invoice was paid 3 days late.", "We can't waive it")).toBe(`${S} That's because the invoice was paid 3 days late.`);
  });
  it('look-alikes: no fact, a "which" with a subject of its own, or a flagged reason go with the clause', () => {
    expect(apply('You have to keep the seal on, which is simply the rule.', 'You have to keep')).toBe(S);
    expect(apply("You have to keep the seal on, which you'd know from 2 leaflets.", 'You have to keep')).toBe(S);
    expect(apply("I can't move the booking, because that's the rule.", "I can't move the booking")).toBe(S);
    expect(apply("I can't refund it, because you didn't return it within 14 days.", "I can't refund it", S, ["because you didn't return"])).toBe(S);
    expect(restatedDependent('before ordering on Monday')).toBeNull();
  });
});

describe('the facts recognised by shape', () => {
  it('numbers, times, links, codes, menu paths, quoted names', () => {
    for (const f of ['within 5 days', 'at 6pm on Friday', 'see help.example.com/returns', 'use code WINTER5', 'under Settings > Privacy', 'the "Keep me signed in" box', '£12.50'])
      expect(carriesFact(f), f).toBe(true);
  });
  it('plain words are not a fact', () => {
    for (const f of ['that is just how it works', 'as I said before', 'the rules are the rules']) expect(carriesFact(f), f).toBe(false);
  });
});

describe('a remainder whose only verb is an infinitive is not a sentence', () => {
  it('"no reason to fret over it" goes with the minimising clause', () => {
    expect(standsAlone('no reason to fret over it')).toBe(false);
    expect(standsAlone('nothing to lose sleep over')).toBe(false);
    expect(apply("It's a tiny scratch, no reason to fret over it.", "It's a tiny scratch")).toBe(S);
  });
  it('a clause with a finite verb before its infinitive is kept', () => {
    expect(standsAlone('you need to restart the router')).toBe(true);
    expect(standsAlone("Glad to see you're back online, Sam")).toBe(true);
    expect(apply("It's a tiny scratch, the frame itself is sound.", "It's a tiny scratch")).toBe(`${S} The frame itself is sound.`);
  });
});

describe('"Could you …?" on an instruction flagged whole keeps the step', () => {
  const ASK = 'Could you \u2026?';
  it('goes on from the imperative verb that opens the sentence', () => {
    expect(apply('Post the key back within 3 weeks.', 'Post the key back within 3 weeks', ASK)).toBe('Could you post the key back within 3 weeks?');
    expect(apply('@kim Upload the photos to the portal.', 'Upload the photos to the portal', ASK)).toBe('@kim Could you upload the photos to the portal?');
  });
  it('leaves out a final "immediately", the urgency being the tone, not the step', () => {
    expect(apply('Send the photos immediately.', 'Send the photos immediately', ASK)).toBe('Could you send the photos?');
  });
  it('is not offered where the urgency sits mid-sentence, or the sentence is no instruction', () => {
    expect(apply('Return it right away or we cancel the order.', 'Return it right away', ASK)).toBeNull();
    expect(apply('The form must be returned within 10 days.', 'The form must be returned within 10 days', ASK)).toBeNull();
  });
});

describe('a refusal written with "…" keeps what was refused and its limit', () => {
  const NO = "We can't \u2026, but I'll look into what else might work for you.";
  it('goes on from the refused verb: the time, the day, the amount stay', () => {
    expect(apply("We don't collect on Sundays.", "We don't collect", NO)).toBe("We can't collect on Sundays, but I'll look into what else might work for you.");
    expect(apply('Sorry, we are unable to engrave more than 12 letters.', 'we are unable to', NO)).toBe(
      "Sorry, we can't engrave more than 12 letters, but I'll look into what else might work for you.",
    );
  });
  it('takes the determiner before the flagged words with them', () => {
    expect(apply("Our rules don't permit dogs in the cabin.", "rules don't permit", "I can't \u2026, but I'll look at what else might work for you.")).toBe(
      "I can't permit dogs in the cabin, but I'll look at what else might work for you.",
    );
  });
  it('is not offered where the refusal does not end on a verb', () => {
    expect(apply("Not possible, I'm afraid.", 'Not possible', NO)).toBeNull();
  });
  it('look-alikes: a verb that is no refusal of its own ("can\'t be swapped", "still counts") is not continued', () => {
    expect(apply("Used filters can't be swapped.", "Used filters can't be", NO)).toBeNull();
    expect(apply('The parking charge still counts.', 'The parking charge still counts', NO)).toBeNull();
    expect(apply('Sadly we still engrave on Sundays.', 'we still engrave', NO)).toBeNull();
  });
  it('drops a trailing "sorry" and the "allow us to" that "can\'t" already says', () => {
    expect(apply("We don't engrave glass, sorry.", "We don't engrave", NO)).toBe("We can't engrave glass, but I'll look into what else might work for you.");
    expect(apply('The rules do not let us print your photos on mugs.', 'rules do not let', "I can't \u2026, but I'll look at what else might work for you.")).toBe(
      "I can't print your photos on mugs, but I'll look at what else might work for you.",
    );
  });
});

describe('a remainder that leaves out the refused verb phrase gets it back', () => {
  it('"…, but the billing team can" says who can help, with the words the agent used', () => {
    expect(apply("I can't help with refunds, but the billing team can.", "I can't help with refunds")).toBe(`${S} The billing team can help with refunds.`);
    expect(apply("I'm on the night shift, so I can't sign off the refund, but my manager will be able to.", "so I can't sign off the refund")).toBe(
      `I'm on the night shift. ${S} My manager will be able to sign off the refund.`,
    );
  });
  it('look-alikes: no refused verb phrase to put back, so the fragment goes with the clause', () => {
    expect(apply("That is simply the rule, but the warden might be able to.", "That is simply the rule")).toBe(S);
    expect(apply("I can't, but the billing team can.", "I can't")).toBe(S);
    // A modal that closes a clause of its own is no gap: the remainder is kept as it was.
    expect(apply("That is simply the rule, but we'll ring back as soon as we can.", "That is simply the rule")).toBe(`${S} We'll ring back as soon as we can.`);
  });
});

describe('hindsight ("you should have …") keeps the step, as an option for next time', () => {
  const NEXT = "If it helps for next time, you can \u2026, and I'll help you sort this one out.";
  it('goes on with the base form of the step', () => {
    expect(apply('You should have ticked the gift box at checkout.', 'You should have ticked', NEXT)).toBe(
      "If it helps for next time, you can tick the gift box at checkout, and I'll help you sort this one out.",
    );
    expect(apply("Sorry, but you should've written the flat number on the form.", "you should've written", NEXT)).toBe(
      "Sorry, but if it helps for next time, you can write the flat number on the form, and I'll help you sort this one out.",
    );
  });
  it('moves "if you wanted it" to the present with the advice', () => {
    expect(apply('You should have ticked the box if you wanted it gift-wrapped.', 'You should have ticked', NEXT)).toBe(
      "If it helps for next time, you can tick the box if you want it gift-wrapped, and I'll help you sort this one out.",
    );
  });
  it('is not offered when the rest has a verb in a tense of its own with another subject', () => {
    expect(apply('You should have asked before we shipped it.', 'You should have asked', NEXT)).toBeNull();
  });
});

describe('"now" in a refusal is a time, not urgency', () => {
  it('"We can\'t reprint it now" keeps "now"', () => {
    expect(apply("We can't reprint it now.", "We can't reprint", "We can't \u2026, but I'll look into what else might work for you.")).toBe(
      "We can't reprint it now, but I'll look into what else might work for you.",
    );
  });
});

describe('a step stays when the finding is its threat or its whole order', () => {
  it('"…or the ticket will be closed": the clause opens at "or", the step before it is kept', () => {
    expect(apply('Bring the voucher by the 20th or the seat is released.', 'or the seat is released')).toBe(`Bring the voucher by the 20th. ${S}`);
  });
  it('an "or" inside the step is no break', () => {
    expect(apply('Send a photo or a video, that is just how it works.', 'that is just how it works')).toBe(`Send a photo or a video. ${S}`);
  });
  it('"Could you …?" goes on from the verb after "need to" in an order flagged whole', () => {
    const ASK = "Could you \u2026? If the timing is difficult for you, tell me and we'll work something out.";
    expect(apply("You'll need to sign the lease and post it by the 12th.", "You'll need to sign the lease and post it by the 12th", ASK)).toBe(
      "Could you sign the lease and post it by the 12th? If the timing is difficult for you, tell me and we'll work something out.",
    );
  });
});

describe('"and" ends the flagged clause only before an instruction in the base form', () => {
  it('"…and has been filed" has no subject of its own and goes with the clause', () => {
    expect(apply('Your comment means a lot to us and has been filed.', 'Your comment means a lot to us')).toBe(S);
  });
  it('"…and tell me the serial on the base" is still kept', () => {
    expect(apply('Calm down and tell me the serial on the base.', 'Calm down')).toBe(`${S} Tell me the serial on the base.`);
  });
});

describe('"its" that can only be "it\'s" keeps a remainder that says when', () => {
  it('"its leaving the depot today" stands alone; "its lid is loose" still does too, as a possessive', () => {
    expect(standsAlone('its leaving the depot today')).toBe(true);
    expect(standsAlone('its not the charger')).toBe(true);
    expect(standsAlone('its lid is loose')).toBe(true);
    expect(standsAlone('its leaving')).toBe(false);
  });
});

describe('a closing emoji does not land mid-sentence before the suggestion\'s own ending', () => {
  it('"…refill 🙄" loses the eye-roll when ", and I\'ll help…" follows', () => {
    expect(
      apply('You should have labelled the jars if you wanted a refill \u{1F644}', 'You should have labelled', "If it helps for next time, you can \u2026, and I'll help you sort this one out."),
    ).toBe("If it helps for next time, you can label the jars if you want a refill, and I'll help you sort this one out.");
  });
});
