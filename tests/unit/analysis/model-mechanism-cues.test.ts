import { describe, expect, it } from 'vitest';
import { combineModel } from '../../../lib/analysis/combine';
import { bundledPhrasebank } from '../../../lib/phrasebank/bundled';
import type { Finding, Signal } from '../../../lib/analysis/types';

// The model's exploration is kept only where the sentence asks something ("it sounds like the delay has left
// you…" reflects, it does not ask), its appreciation only where the sentence thanks.
function modelSignal(mechanism: 'exploration' | 'appreciation', sentence: string, ruleSignals: Signal[] = []): Signal[] {
  const signals: Signal[] = [...ruleSignals];
  const findings: Finding[] = [];
  combineModel({
    text: sentence,
    sentences: [{ start: 0, end: sentence.length, text: sentence }],
    judged: [{ dismissive: null, acknowledges: false, mechanisms: [{ mechanism, start: 0, end: sentence.length, confidence: 0.9 }] }],
    pb: bundledPhrasebank,
    findings,
    signals,
    isAllowed: () => true,
  });
  return signals.filter((s) => s.source === 'model');
}

describe("the model's exploration needs a question or a request to hear more", () => {
  it('drops it on a statement', () => {
    expect(modelSignal('exploration', 'It sounds like the delay has left you without a phone for the trip.')).toEqual([]);
    expect(modelSignal('exploration', 'Let me check the logs from last night.')).toEqual([]);
  });

  it('keeps it on a question, an invitation to tell more, or wondering aloud', () => {
    expect(modelSignal('exploration', 'When did the noise start?')).toHaveLength(1);
    expect(modelSignal('exploration', 'Tell me a bit more about what you saw on the screen.')).toHaveLength(1);
    expect(modelSignal('exploration', "I'd like to understand what happened before the crash.")).toHaveLength(1);
    expect(modelSignal('exploration', "I'm wondering whether the update came first.")).toHaveLength(1);
  });
});

describe("the model's exploration gives way to the phrasebank's choice", () => {
  const choice = (sentence: string, phrase: string): Signal => {
    const start = sentence.indexOf(phrase);
    return { mechanism: 'choice', ruleId: 'choice/would-you-prefer', start, end: start + phrase.length, text: phrase };
  };
  it('drops it on a question that offers options', () => {
    const s = 'Would you prefer the refund or a replacement?';
    expect(modelSignal('exploration', s, [choice(s, 'Would you prefer')])).toEqual([]);
  });
  it('keeps it on a question about their situation that offers no options', () => {
    expect(modelSignal('exploration', 'Is the lamp flickering all the time or only when the heating is on?')).toHaveLength(1);
  });
});

describe("the model's appreciation needs a word of thanks", () => {
  it('drops it on an owned fix or a named situation', () => {
    expect(modelSignal('appreciation', "I've fixed the billing and your card works again.")).toEqual([]);
    expect(modelSignal('appreciation', 'Moving your whole team over and then losing the reports is a real letdown.')).toEqual([]);
  });

  it('keeps it where the agent thanks them, in any of the usual words', () => {
    expect(modelSignal('appreciation', 'Thanks for sticking with us through all of this.')).toHaveLength(1);
    expect(modelSignal('appreciation', 'I really appreciate the photos, they made it quick.')).toHaveLength(1);
    expect(modelSignal('appreciation', "That's very patient of you, after three calls.")).toHaveLength(1);
  });
});
