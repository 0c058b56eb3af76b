import { describe, expect, it } from 'vitest';
import { hearCustomer } from '../../../lib/analysis/listening';

const MESSAGE = "Hi! This is the THIRD time I'm writing and I'm REALLY furious!! Order #55-1290 for $249.99 still hasn't arrived. " +
  'When will it arrive? Can I get a refund or a replacement? I need it by Friday for my wedding on Saturday.';

describe('hearCustomer', () => {
  const heard = hearCustomer(MESSAGE);
  const every = [...heard.feelings, ...heard.intensity.cues, ...heard.repeatContact, ...heard.asks, ...heard.deadlines, ...heard.particulars];

  it('gives exact UTF-16 offsets for everything it hears', () => {
    expect(every.length).toBeGreaterThan(8);
    for (const q of every) expect(MESSAGE.slice(q.start, q.end)).toBe(q.text);
  });

  it('hears the feeling, how strongly it is put, and that they have written before', () => {
    expect(heard.feelings.map((f) => [f.text, f.emotion])).toEqual([['furious', 'angry']]);
    expect(heard.intensity.level).toBe(3);
    expect(heard.intensity.cues.map((c) => c.text)).toEqual(expect.arrayContaining(['REALLY', '!!']));
    expect(heard.repeatContact.map((r) => r.text)).toEqual(expect.arrayContaining(['THIRD time', "still hasn't"]));
  });

  it('lists each question and request', () => {
    expect(heard.asks.map((a) => [a.kind, a.text])).toEqual([
      ['question', 'When will it arrive?'],
      ['question', 'Can I get a refund or a replacement?'],
      ['request', 'I need it by Friday for my wedding on Saturday'],
    ]);
    expect(heard.asks[0].answer).toBe('time');
    expect(hearCustomer('And can I keep the old one?').asks.map((a) => [a.text, a.verb])).toEqual([['can I keep the old one?', 'keep']]);
  });

  it('finds the particulars a suggestion slot can use, and the deadlines', () => {
    const got = heard.particulars.map((p) => `${p.kind}:${p.text}`);
    expect(got).toEqual(expect.arrayContaining(['order:55-1290', 'amount:$249.99', 'option:a refund', 'option:a replacement', 'date:Friday', 'date:Saturday']));
    expect(heard.deadlines.map((d) => d.text)).toEqual(['need it by Friday', 'my wedding on Saturday']);
  });

  it('is calm about a calm message: no feeling, no repeat contact, no invented particulars', () => {
    const calm = hearCustomer('Could you tell me if the blender jug is dishwasher safe?');
    expect(calm.feelings).toEqual([]);
    expect(calm.intensity.level).toBe(0);
    expect(calm.repeatContact).toEqual([]);
    expect(calm.asks).toHaveLength(1);
    expect(calm.particulars.map((p) => `${p.kind}:${p.text}`)).toEqual(['product:blender']);
  });

  it('leaves out rhetorical and tag questions, negated feelings, handles and links', () => {
    const h = hearCustomer('@AskAcmeHelp Are you kidding me? I loved it, you changed it, didn\'t you? Not angry, just curious https://x.example/AbC12');
    expect(h.asks).toEqual([]);
    expect(h.feelings).toEqual([]);
    expect(h.particulars).toEqual([]);
  });

  it('keeps ticket and order identifiers apart', () => {
    const h = hearCustomer('Following up on ticket #A-7781; the booking reference HX4492 is wrong.');
    expect(h.particulars.map((p) => `${p.kind}:${p.text}`)).toEqual(['ticket:A-7781', 'order:HX4492']);
  });

  it('hears a message once: the same text gives the same object', () => {
    expect(hearCustomer(MESSAGE)).toBe(heard);
  });
});

describe('intensity without a feeling word', () => {
  it('shouting or "!!" about writing again is put strongly; the same facts said calmly are not', () => {
    expect(hearCustomer("This is the THIRD time I'm writing!! Where is my order?").intensity.level).toBe(2);
    expect(hearCustomer("This is the third time I'm writing. Where is my order?").intensity.level).toBe(0);
  });
});
