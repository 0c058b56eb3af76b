import { describe, expect, it } from 'vitest';
import { planFix } from '../../../lib/analysis/fixes';
import { fillSlots, isGrounded, particularsNamed } from '../../../lib/analysis/suggestion-text';
import { analyze } from '../../../lib/analysis';
import { splitSentences } from '../../../lib/analysis/text';
import { bundledPhrasebank } from '../../../lib/phrasebank/bundled';
import { seamProblems } from '../../quality/seams';

/** Applies planFix for the first occurrence of `flagged` in `draft`. */
function apply(draft: string, flagged: string, suggestion: string): string {
  const start = draft.indexOf(flagged);
  const sentence = splitSentences(draft).find((s) => s.start <= start && start < s.end)!;
  const fix = planFix(draft, sentence, { start, end: start + flagged.length }, suggestion)!.fix;
  expect(seamProblems(draft, fix)).toEqual([]);
  return draft.slice(0, fix.start) + fix.text + draft.slice(fix.end);
}

describe('planFix: a sentence suggestion replaces the flagged clause', () => {
  const S = 'I can hear how frustrating this has been.';
  it('keeps the rest of the sentence as its own sentence when it stands alone', () => {
    expect(apply('Please calm down so I can look at your account.', 'Please calm down', S)).toBe(`${S} I can look at your account.`);
    expect(apply('Calm down, your refund is on its way.', 'Calm down', S)).toBe(`${S} Your refund is on its way.`);
    expect(apply('Your refund was sent on Monday, so stop emailing us.', 'stop emailing us', S)).toBe(`Your refund was sent on Monday. ${S}`);
  });
  it('drops what was only a fragment of the dismissive clause', () => {
    expect(apply('You should have read the terms before ordering.', 'should have read', S)).toBe(S);
    expect(apply("I'd ask you to calm down a little.", 'calm down', S)).toBe(S);
    expect(apply('We cannot refund it because you opened the box.', 'We cannot refund it', S)).toBe(S);
  });
  it('keeps "and" inside a clause: "log out and log back in" is one instruction', () => {
    expect(apply('You must log out and log back in for this to work.', 'You must', S)).toBe(S);
  });
  it('keeps an instruction or fact joined by "and" to the flagged words, with its "please"', () => {
    expect(apply('Calm down and send me the order number.', 'Calm down', S)).toBe(`${S} Send me the order number.`);
    expect(apply('Please calm down and restart the router.', 'Please calm down', S)).toBe(`${S} Please restart the router.`);
    expect(apply('Just calm down and then take it to the shop where you bought it.', 'calm down', S)).toBe(`${S} Take it to the shop where you bought it.`);
    expect(apply('Relax and wait for the courier, the parcel comes on Friday.', 'Relax', S)).toBe(`${S} Wait for the courier, the parcel comes on Friday.`);
    expect(apply('Send me the order number and calm down.', 'calm down', S)).toBe(`Send me the order number. ${S}`);
    // What is left beside the flagged words is theirs too ("log out"), or a fragment ("stop shouting"): no split.
    expect(apply('Calm down and stop shouting.', 'Calm down', S)).toBe(S);
    // A statement after "and" is as often the same dismissive point again: it goes with the flagged words.
    expect(apply('Our decision is final and this thread is closed.', 'Our decision is final', S)).toBe(S);
  });
  it('keeps the fact after a pointing-back phrase', () => {
    expect(apply('As I said, the refund goes out on Friday.', 'As I said', 'To recap')).toBe('To recap, the refund goes out on Friday.');
    expect(apply('As I already explained, you need to flip the switch at the back.', 'As I already explained', S)).toBe(`${S} You need to flip the switch at the back.`);
  });
  it('leaves other sentences, @handles and a greeting untouched, and lower-cases after "Hi Sam,"', () => {
    expect(apply('Thanks. Calm down please. Bye now.', 'Calm down', S)).toBe(`Thanks. ${S} Bye now.`);
    expect(apply("@sam thats our policy, sorry", 'thats our policy', "That's how it works today; here's what I can do.")).toBe("@sam That's how it works today; here's what I can do.");
    expect(apply('Hi Sam, calm down and read the email.', 'calm down and read the email', 'That sounds stressful.')).toBe('Hi Sam, that sounds stressful.');
  });
  it('makes the smallest edit (the words that stay are not rewritten)', () => {
    const draft = 'Your refund was sent on Monday, so stop emailing us.';
    const start = draft.indexOf('stop');
    const { fix } = planFix(draft, splitSentences(draft)[0], { start, end: start + 16 }, S)!;
    expect(draft.slice(0, fix.start)).toBe('Your refund was sent on Monday');
  });
});

describe('planFix: a phrase suggestion replaces exactly the flagged words', () => {
  it('fits the capital letter to where the words stand', () => {
    expect(apply('As I already said, the refund takes five days.', 'As I already said', 'to recap')).toBe('To recap, the refund takes five days.');
    expect(apply('Sorry for any inconvenience.', 'any inconvenience', 'The trouble this has caused')).toBe('Sorry for the trouble this has caused.');
  });
});

describe('planFix: what a clause leaves behind', () => {
  it('a "which" clause that leaned on the dismissive one goes with it', () => {
    expect(apply("The voucher covers standard fares only, which you'd know if you had read the booking page.", 'if you had read', 'That step is easy to miss.')).toBe('The voucher covers standard fares only. That step is easy to miss.');
  });
  it('a phrase alternative is not offered when more words follow the flagged ones ("To recap yesterday")', () => {
    const draft = 'As I told you on Friday, the upgrade is live.';
    expect(planFix(draft, splitSentences(draft)[0], { start: 0, end: 13 }, 'to recap')).toBeNull();
    expect(apply('As I told you, the upgrade is live.', 'As I told you', 'to recap')).toBe('To recap, the upgrade is live.');
  });
});

describe('planFix: "…" keeps the agent\'s own words from the flagged verb on', () => {
  it('turns an order into a request, with the question mark at the end of the sentence', () => {
    expect(apply('You need to upload the signed form to the portal.', 'You need to upload', 'Could you …?')).toBe('Could you upload the signed form to the portal?');
    expect(apply("You'll have to ring the branch for that, Marco.", "You'll have to ring", 'Could you …?')).toBe('Could you ring the branch for that, Marco?');
    expect(apply('Thanks. you must log out and back in.', 'you must log', 'Could you …?')).toBe('Thanks. Could you log out and back in?');
    // A finding that ends on the "to" of "have to" goes on from the verb after it.
    expect(apply('You are going to have to reset your password again.', 'You are going to have to', 'Could you …?')).toBe('Could you reset your password again?');
  });
  it('is not offered when the flagged words do not end on a verb', () => {
    const draft = 'You need to the form.';
    expect(planFix(draft, splitSentences(draft)[0], { start: 0, end: 11 }, 'Could you …?')).toBeNull();
  });
});

describe('suggestions invent nothing', () => {
  it('names the particulars a suggestion states: numbers, days and times, concrete things', () => {
    expect(particularsNamed("I'll update you by Friday with the refund.")).toEqual(['friday', 'refund']);
    expect(particularsNamed('That costs 20 dollars, or £5.')).toEqual(expect.arrayContaining(['dollars', '20', '£', '5']));
    expect(particularsNamed('I can hear how frustrating this has been.')).toEqual([]);
  });
  it('offers a suggestion with particulars only when the conversation mentions them', () => {
    expect(isGrounded("I'll chase the courier for you.", 'where is my parcel? the courier says delivered')).toBe(true);
    expect(isGrounded("I'll chase the courier for you.", 'where is my order?')).toBe(false);
  });
  it('fills slots from the particulars, leaves out an optional part it cannot fill, and refuses a bare slot it cannot', () => {
    const order = [{ kind: 'order' as const, text: '#55-1290' }];
    expect(fillSlots('I can see your order[ {order}] still has not arrived.', order)).toBe('I can see your order #55-1290 still has not arrived.');
    expect(fillSlots('I can see your order[ {order}] still has not arrived.', [])).toBe('I can see your order still has not arrived.');
    expect(fillSlots('Would you prefer {option} or {option}?', [{ kind: 'option', text: 'a refund' }, { kind: 'option', text: 'a replacement' }])).toBe('Would you prefer a refund or a replacement?');
    expect(fillSlots('Would you prefer {option} or {option}?', [{ kind: 'option', text: 'a refund' }])).toBeNull();
  });
  it("in a report, slots are filled from the customer's message: their order and their product", () => {
    const customer = 'My order 55-1290 still has not arrived and the blender was a gift. Where is it?';
    const again = analyze('What is the issue again?', bundledPhrasebank, { customer }).findings[0];
    expect(again.suggestions).toContain('Just to check I have it right, is this about order 55-1290?');
    const calm = analyze('Please calm down, I am on it.', bundledPhrasebank, { customer }).findings[0];
    expect(calm.suggestions).toContain('I can hear how frustrating this has been with your blender.');
    // Without the customer's message the optional part is left out, and the bare {order} slot is not offered.
    expect(analyze('Please calm down, I am on it.', bundledPhrasebank).findings[0].suggestions).toContain('I can hear how frustrating this has been.');
    expect(analyze('What is the issue again?', bundledPhrasebank).findings[0].suggestions.join(' ')).not.toMatch(/order|\{/);
  });
  it('in a report: every finding carries one fix per suggestion, and no suggestion names what the conversation does not', () => {
    const draft = 'Calm down. There is nothing I can do. Sorry for any inconvenience.';
    for (const f of analyze(draft, bundledPhrasebank).findings) {
      expect(f.fixes).toHaveLength(f.suggestions.length);
      for (const s of f.suggestions) expect(isGrounded(s, draft.toLowerCase())).toBe(true);
    }
  });
});
