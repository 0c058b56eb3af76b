import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { combineModel } from '../../../lib/analysis/combine';
import { splitSentences } from '../../../lib/analysis/text';
import { loadPhrasebank } from '../../../lib/phrasebank/node';
import type { Finding } from '../../../lib/analysis/types';

// The model gives no verdict on a sentence that asks for the details needed to help (lexicon
// `details-asks` + `details-nouns`): on real brand replies those were most of its wrong findings.
const pb = loadPhrasebank(resolve(import.meta.dirname, '../../../phrasebank')).phrasebank;

/** The model's findings when it judged every sentence of `text` commanding. */
function modelFindings(text: string): string[] {
  const sentences = splitSentences(text);
  const judged = sentences.map((s) => ({ dismissive: { category: 'commanding', confidence: 0.99, start: 0, end: s.text.length }, mechanisms: [], acknowledges: false }));
  const findings: Finding[] = [];
  combineModel({ text, sentences, judged, pb, findings, signals: [], isAllowed: () => true });
  return findings.map((f) => f.text);
}

describe('a request for the details needed to help is not a model finding', () => {
  it('drops the verdict on "send us your order number" and the like', () => {
    expect(modelFindings('Please DM us your order number so we can check.')).toEqual([]);
    expect(modelFindings('Reply with the tracking number and the address.')).toEqual([]);
  });
  it('keeps it on a sentence with only one of the two (an ask verb, or a detail noun)', () => {
    expect(modelFindings('Send it back today.')).toEqual(['Send it back today.']);
    expect(modelFindings('Your order number is on the box.')).toEqual(['Your order number is on the box.']);
  });
});
