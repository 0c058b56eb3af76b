import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { LISTENING_KEYS, lexiconExamples, validateListeningLexicon } from '../../../lib/phrasebank/lexicon';
import { hearCustomer } from '../../../lib/analysis/listening';
import compiled from '../../../lib/phrasebank/listening.generated';

const file = fileURLToPath(new URL('../../../phrasebank/lexicon/listening.yml', import.meta.url));

describe('the listening lexicon', () => {
  const doc = parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  it('is valid, and the compiled module is current', () => {
    const { lexicon, errors } = validateListeningLexicon(doc);
    expect(errors).toEqual([]);
    expect(compiled).toEqual(lexicon);
  });
  it('reports a missing key, an unknown key and a broken pattern, readably', () => {
    const { errors } = validateListeningLexicon({ ...doc, products: undefined, 'product-typo': ['x'], rhetorical: ['(unclosed'] });
    expect(errors).toEqual(expect.arrayContaining([
      expect.stringMatching(/^product-typo: not a key/),
      'products: missing',
      expect.stringMatching(/^rhetorical: "\(unclosed" is not a valid pattern/),
    ]));
    expect(LISTENING_KEYS.length).toBe(Object.keys(doc).filter((k) => k !== 'examples').length);
  });
});

describe("the lexicon's examples, through the real listener", () => {
  const doc = parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  const { examples, errors } = lexiconExamples(doc);
  it('are well formed', () => expect(errors).toEqual([]));
  it.each(examples.flag)('hears a question or request in %j', (message) => {
    expect(hearCustomer(message).asks.length).toBeGreaterThan(0);
  });
  it.each(examples.pass)('hears no question or request in %j', (message) => {
    expect(hearCustomer(message).asks).toEqual([]);
  });
  it('refuses examples that are not lists of messages', () => {
    expect(lexiconExamples({ examples: { flag: [], pass: 'x' } }).errors).toHaveLength(2);
  });
});
