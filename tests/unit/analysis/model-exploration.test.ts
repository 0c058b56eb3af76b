import { describe, expect, it } from 'vitest';
import { combineModel } from '../../../lib/analysis/combine';
import { bundledPhrasebank } from '../../../lib/phrasebank/bundled';
import type { Finding, Signal } from '../../../lib/analysis/types';

// The model's exploration is kept only where the sentence asks something: "it sounds like the delay has left
// you…" reflects, it does not ask (labelling: exploration is a question or a request to hear more).
function modelExploration(sentence: string): Signal[] {
  const signals: Signal[] = [];
  const findings: Finding[] = [];
  combineModel({
    text: sentence,
    sentences: [{ start: 0, end: sentence.length, text: sentence }],
    judged: [{ dismissive: null, acknowledges: false, mechanisms: [{ mechanism: 'exploration', start: 0, end: sentence.length, confidence: 0.9 }] }],
    pb: bundledPhrasebank,
    findings,
    signals,
    isAllowed: () => true,
  });
  return signals;
}

describe("the model's exploration needs a question or a request to hear more", () => {
  it('drops it on a statement', () => {
    expect(modelExploration('It sounds like the delay has left you without a phone for the trip.')).toEqual([]);
    expect(modelExploration('Let me check the logs from last night.')).toEqual([]);
  });

  it('keeps it on a question, an invitation to tell more, or wondering aloud', () => {
    expect(modelExploration('When did the noise start?')).toHaveLength(1);
    expect(modelExploration('Tell me a bit more about what you saw on the screen.')).toHaveLength(1);
    expect(modelExploration("I'd like to understand what happened before the crash.")).toHaveLength(1);
    expect(modelExploration("I'm wondering whether the update came first.")).toHaveLength(1);
  });
});
