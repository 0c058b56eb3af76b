import { describe, expect, it } from 'vitest';
import { analyze } from '../../../lib/analysis/index';
import { bundledPhrasebank } from '../../../lib/phrasebank/bundled';
import { reportedQuestion } from '../../../lib/analysis/reported';

const kinds = (reply: string, customer?: string) => analyze(reply, bundledPhrasebank, customer ? { customer } : undefined).coaching.map((c) => c.kind);
const item = (reply: string, customer: string, kind: string) => analyze(reply, bundledPhrasebank, { customer }).coaching.find((c) => c.kind === kind);

describe('coaching on what the reply leaves unheard', () => {
  const ANGRY = "This is the THIRD time I'm writing and I'm furious!! My order #55-1290 still hasn't arrived. When will it arrive? And can I keep the old one if you send a replacement?";
  const COLD = 'Hello, a replacement has been dispatched and will arrive within 3 working days. Regards, Support.';

  it('a correct but cold draft: the feeling was not acknowledged and one question is not answered, with their words quoted', () => {
    const r = analyze(COLD, bundledPhrasebank, { customer: ANGRY });
    const feeling = r.coaching.find((c) => c.kind === 'unacknowledged-emotion')!;
    expect(feeling.severity).toBe('high');
    expect(feeling.quote?.text).toBe('furious');
    const open = r.coaching.filter((c) => c.kind === 'unanswered-question');
    expect(open).toHaveLength(1);
    expect(open[0].quote?.text).toBe('can I keep the old one if you send a replacement?');
    expect(open[0].message).toMatch(/^They asked whether they can keep the old one if you send a replacement; the draft doesn't say/);
    for (const c of r.coaching) if (c.quote) expect(ANGRY.slice(c.quote.start, c.quote.end)).toBe(c.quote.text);
  });

  it('a warm, complete draft gets none of it', () => {
    const warm = "I'm so sorry, I understand why you're angry after writing three times about order 55-1290, and thank you for your patience. The replacement arrives within 3 days, and yes, you can keep the old one.";
    expect(kinds(warm, ANGRY)).toEqual([]);
  });

  it('hears a clock time or a day as the answer to "what time" and "when"', () => {
    const asked = 'Hi, what time does the Leeds branch close on Sundays?';
    expect(kinds('Hi! The Leeds branch is open from 10am to 4pm on Sundays.', asked)).not.toContain('unanswered-question');
    expect(kinds('Hi! The Leeds branch has a new cafe and free parking for members.', asked)).toContain('unanswered-question');
  });

  it('is silent when the customer\'s message is unknown', () => {
    expect(kinds(COLD)).toEqual([]);
  });

  it('a question answered in its own words, or by "let me look into it", is left alone', () => {
    const q = 'When will the new kettle arrive? Can I keep the old kettle?';
    expect(kinds('Thanks for letting us know. Your replacement kettle arrives tomorrow morning by courier.', q)).toContain('unanswered-question');
    expect(kinds('Thanks for letting us know. It arrives tomorrow, and you can keep the old kettle, no need to send it back.', q)).not.toContain('unanswered-question');
    // A lone yes/no question about a fact may be answered in other words: left alone (precision first).
    expect(kinds("You're chatting with a real person on our support team here, and I'm happy to help.", 'Is this chat automated?')).not.toContain('unanswered-question');
    // But "Can I keep…?" asks to be allowed something: a reply about the kettle that never says keep, yes or no hasn't answered it.
    expect(kinds('Thanks for letting us know. Your replacement kettle was dispatched this morning by courier.', 'Can I keep the old kettle?')).toContain('unanswered-question');
    expect(kinds('Sorry about that. Let me look into it with the warehouse and get back to you by tomorrow.', 'Why was I charged twice for the same order?')).not.toContain('unanswered-question');
  });

  it('a "when" question needs a time, not just its topic', () => {
    const q = 'I returned the boots last Monday. When will the refund reach my card?';
    expect(kinds('Thank you for sending the boots back. Your refund has been approved by our returns team.', q)).toContain('unanswered-question');
    expect(kinds('Thank you for sending the boots back. The refund should reach your card within 3 to 5 working days.', q)).not.toContain('unanswered-question');
  });

  it('nothing concrete reflected back: names the particular, and stays quiet once the reply names it', () => {
    const q = 'My wireless headphones stopped charging after a month and I am annoyed.';
    expect(item("I'm sorry about that. I've arranged a replacement and it will be with you within three working days.", q, 'nothing-reflected')?.quote?.text).toBe('wireless headphones');
    expect(kinds("I'm sorry your headphones stopped charging. I've arranged a replacement pair, with you within three working days.", q)).not.toContain('nothing-reflected');
    // A reply asking for details first can't say them back yet.
    expect(kinds('Sorry about that. Could you tell me which phone you pair them with, so I can look into it?', q)).not.toContain('nothing-reflected');
  });

  it('nothing reflected: answering their ask with one of its words is not saying their situation back', () => {
    // "replace them?" → "a replacement": a verb picked up, not their headphones.
    const ask = 'My wireless headphones stopped charging after a month. Can you replace them?';
    expect(kinds("I'm sorry about that. I've arranged a replacement and it will be with you within three working days.", ask)).toContain('nothing-reflected');
    // Taking up more of the ask ("swap it for a large") does say it back.
    const swap = 'The jacket is too small. Can I swap it for a large instead of getting a refund?';
    expect(kinds("Yes, you can swap it for a large. I've sent a free returns label and the large goes out once it's scanned.", swap)).not.toContain('nothing-reflected');
    // A question too vague to name ("Can you check?") still shows something is at stake for them.
    const check = 'Order #55-1290 has not arrived and it was due on Monday. Can you check?';
    expect(item('Sorry for the wait. The courier had a delay in your area and the delivery is now due tomorrow.', check, 'nothing-reflected')?.quote?.text).toBe('55-1290');
    // One part of a reply split across messages ("2/2") may say it back in the other part.
    expect(kinds('Sorry for the wait. The courier had a delay in your area and the delivery is now due tomorrow. 2/2', check)).not.toContain('nothing-reflected');
  });

  it('only "sorry" where thanking them for their patience fits', () => {
    const q = "This is the third time I've asked for an update on my claim.";
    expect(item("I'm sorry for the delay. The claim has now been approved and the payment goes out on Friday.", q, 'thank-patience')?.quote?.text).toBe('third time');
    expect(kinds("I'm sorry for the delay, and thank you for your patience. The claim is approved and pays out on Friday.", q)).not.toContain('thank-patience');
    expect(kinds("I'm sorry about the scratch on the lid. I've refunded 20 % of the price to your card today.", 'My order arrived with a scratch on the lid.')).not.toContain('thank-patience');
    // Naming the chasing itself is hearing it; thanks on top would be a formula.
    expect(kinds("I'm sorry you've had to keep chasing us about this. The claim is approved and pays out on Friday.", q)).not.toContain('thank-patience');
    expect(kinds("Three messages for one claim is too many, and I'm sorry. It's approved and pays out on Friday.", q)).not.toContain('thank-patience');
  });

  it('an unclear message: an invitation to ask how best to help, unless the reply asks', () => {
    expect(kinds('Sorry about that. Restarting the device usually clears most problems within a minute.', "it's not working")).toContain('ask-how-to-help');
    expect(kinds('Sorry about that. What were you trying to do when it stopped working, and on which device?', "it's not working")).not.toContain('ask-how-to-help');
    expect(kinds('Wonderful, glad it is all sorted. Have a lovely rest of your week and enjoy it.', 'Thanks so much, all sorted now!')).not.toContain('ask-how-to-help');
  });
});

describe('reported questions', () => {
  it('turns simple shapes and quotes the rest', () => {
    expect(reportedQuestion('Can I keep the old one?')).toBe('whether they can keep the old one');
    expect(reportedQuestion('When will my refund arrive?')).toBe('when their refund will arrive');
    expect(reportedQuestion('Do I need to return it first?')).toBe('whether they need to return it first');
    expect(reportedQuestion('How long does it take?')).toBeNull();
    expect(reportedQuestion('Where is my order?')).toBeNull();
  });
});
