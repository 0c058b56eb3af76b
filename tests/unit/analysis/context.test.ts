import { describe, expect, it } from 'vitest';
import { analyze } from '../../../lib/analysis/index';
import { fixturePhrasebank } from './fixture';

const pb = fixturePhrasebank();
// The rule layer's own behaviour; the model layer has its own tests (model.test.ts).
const RULES = { layers: { model: false } } as const;
const ruleIds = (text: string) => analyze(text, pb, undefined, RULES).findings.map((f) => f.ruleId);

describe('context awareness', () => {
  it('leaves harmless uses alone', () => {
    expect(ruleIds('Traffic should calm down after the fix.')).toEqual([]);
    expect(ruleIds('Our refund policy gives you 60 days.')).toEqual([]);
    expect(ruleIds('I just shipped it.')).toEqual([]);
  });

  it('drops a verb phrase whose subject is a thing, generically (no unless pattern needed)', () => {
    expect(ruleIds('The server load will settle down tonight.')).toEqual([]);
    expect(ruleIds('It should calm down once the backlog clears.')).toEqual([]);
  });

  it('still flags the phrase when it is said to the customer', () => {
    expect(ruleIds('You need to calm down.')).toEqual(['commanding/you-need-to', 'invalidating/calm-down']);
    expect(ruleIds('Sam, calm down please.')).toEqual(['invalidating/calm-down']);
  });

  it('does not flag the phrase inside a yes/no question the agent asks', () => {
    expect(ruleIds('Do you need to change the date?')).toEqual([]);
    expect(ruleIds('Would you have to be at home for the delivery?')).toEqual([]);
    expect(ruleIds('You need to change the date.')).toEqual(['commanding/you-need-to']);
    expect(ruleIds('You need to change the date?')).toEqual(['commanding/you-need-to']);
    expect(ruleIds('Why do you need to change the date?')).toEqual(['commanding/you-need-to']);
    expect(ruleIds('Do you know you have to sign in first?')).toEqual(['commanding/you-need-to']);
  });

  it('applies `unless` only to its own entry', () => {
    expect(ruleIds("It's just a moment while I check.")).toEqual([]);
    expect(ruleIds("It's just a glitch.")).toEqual(['invalidating/minimising-just']);
  });
});

describe('quoted text is not the agent’s', () => {
  it('skips lines quoted with >', () => {
    const report = analyze('> Please calm down, you said.\nI hear you.', pb, undefined, RULES);
    expect(report.findings).toEqual([]);
  });

  it('skips words inside straight and curly double quotes', () => {
    expect(ruleIds('You wrote that I said "please calm down" and I am sorry.')).toEqual([]);
    expect(ruleIds('The agent told you \u201Cthat\u2019s our policy\u201D, which was wrong.')).toEqual([]);
  });

  it('still flags the same words outside the quotes', () => {
    const report = analyze('You wrote "calm down". Please calm down.', pb, undefined, RULES);
    expect(report.findings.map((f) => f.start)).toEqual(['You wrote "calm down". '.length]);
  });

  it('does not count quoted signals', () => {
    expect(analyze('> I can see how frustrating this has been', pb, undefined, RULES).signals).toEqual([]);
    expect(analyze('I can see how frustrating this has been.', pb, undefined, RULES).signals.map((s) => s.mechanism)).toEqual(['emotional-reaction']);
  });

  it('ignores everything after a signature delimiter', () => {
    expect(ruleIds('Thanks!\n-- \nPlease calm down (our motto)')).toEqual([]);
  });
});

describe('options', () => {
  it('disabledRules drops findings, including by a renamed old id', () => {
    expect(analyze('Please calm down.', pb, undefined, { ...RULES, disabledRules: ['invalidating/calm-down'] }).findings).toEqual([]);
    expect(analyze('Please calm down.', pb, undefined, { ...RULES, disabledRules: ['invalidating/relax'] }).findings).toEqual([]);
    expect(analyze('Please calm down.', pb, undefined, { ...RULES, disabledRules: ['refusing/our-policy'] }).findings).toHaveLength(1);
  });

  it('ignoredPhrases drops matching findings case-insensitively', () => {
    const opts = { ignoredPhrases: ['PLEASE CALM DOWN'] };
    expect(analyze('Please calm down.', pb, undefined, { ...RULES, ...opts }).findings).toEqual([]);
    expect(analyze('There is nothing I can do.', pb, undefined, { ...RULES, ...opts }).findings).toHaveLength(1);
  });
});

describe('coaching', () => {
  const kinds = (text: string, customer?: string) => analyze(text, pb, customer ? { customer } : undefined, RULES).coaching.map((c) => c.kind);

  it('asks to acknowledge a frustrated customer', () => {
    const reply = 'Thanks for the details. I will check the order now and send you the tracking link.';
    expect(kinds(reply, 'This is the third time I am writing, I am so frustrated!')).toContain('unacknowledged-emotion');
    expect(kinds(reply, 'Hi, could you tell me where my order is? Thanks')).not.toContain('unacknowledged-emotion');
    expect(kinds(reply, 'I am not worried at all, just curious where the parcel is.')).not.toContain('unacknowledged-emotion');
  });

  it('recognises feelings carried by phrases and shouting', () => {
    const reply = 'Thanks for the details. I will check the order now and send you the tracking link.';
    expect(kinds(reply, 'Honestly I am fed up, this is the third time I have asked.')).toContain('unacknowledged-emotion');
    expect(kinds(reply, 'WHERE IS MY ORDER?! NOBODY ANSWERS')).toContain('unacknowledged-emotion');
    expect(kinds(reply, 'Is the shop open on Sunday?')).not.toContain('unacknowledged-emotion');
  });

  it('is satisfied when the reply names the feeling', () => {
    const reply = 'I can see how frustrating this has been. I will check the order now and send you the link.';
    expect(kinds(reply, 'I am so frustrated with this!')).not.toContain('unacknowledged-emotion');
  });

  it('asks for a next step after a refusal', () => {
    expect(kinds('I am sorry, but that is our policy and there is nothing I can do about the fee.')).toContain('no-next-step');
    expect(kinds('I am sorry, but that is our policy. You will have a partial refund by Friday.')).not.toContain('no-next-step');
  });

  it('suggests "I" when only "we" act', () => {
    const upset = 'I am so frustrated, this is the third time I have asked!';
    expect(kinds('We will look into the missing parcel and we will get back to you soon.', upset)).toContain('we-not-i');
    expect(kinds('We will look into the parcel and I will email you by Friday with news.', upset)).not.toContain('we-not-i');
  });

  it('does not make "we" the only nudge on a reply that named the feeling and said what happens', () => {
    const upset = 'I am so frustrated, this is the third time I have asked!';
    expect(kinds('I can see how frustrating this has been. We will reprint the order today and we will courier it to you.', upset)).toEqual([]);
  });

  it('keeps a plain answer to a neutral question free of coaching (guide R8)', () => {
    expect(kinds('We will look into the missing parcel and we will get back to you soon.', 'Where is my parcel?')).toEqual([]);
  });

  it('stays quiet on very short drafts', () => {
    expect(kinds('We will check.', 'I am furious!!')).toEqual([]);
    expect(kinds('', 'I am furious!!')).toEqual([]);
  });

  it('every coaching message is phrased kindly (no blame words)', () => {
    const all = analyze('That is our policy and we will close this. Nothing else to add here today.', pb, { customer: 'I am furious and upset!!' }, RULES).coaching;
    expect(all.length).toBeGreaterThanOrEqual(2);
    for (const c of all) expect(c.message).not.toMatch(/\b(wrong|bad|never|must|don't)\b/i);
  });
});
