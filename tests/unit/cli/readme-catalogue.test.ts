import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractCatalogue, renderCatalogue } from '../../../lib/cli/catalogue';
import { loadPhrasebank } from '../../../lib/phrasebank/node';
import { REPO } from './run-cli';

const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
const section = extractCatalogue(readme);

describe('README.md phrasebank catalogue', () => {
  it.skipIf(section === undefined)('is up to date with phrasebank/ (run `npm run -s attune -- phrasebank catalogue --write README.md`)', () => {
    const { phrasebank, errors } = loadPhrasebank(join(REPO, 'phrasebank'));
    expect(errors).toEqual([]);
    const expected = renderCatalogue(phrasebank, join(REPO, 'phrasebank')).replace(/\n$/, '');
    expect(section, 'README.md is out of date: run `npm run -s attune -- phrasebank catalogue --write README.md`').toBe(expected);
  });
  if (section === undefined) {
    it.skip('README.md has no <!-- catalogue:start --> / <!-- catalogue:end --> markers yet; skipped until they are added', () => {});
  }
});
