// Shared by the engine's unit tests: the small hand-written fixture phrasebank.
import { fileURLToPath } from 'node:url';
import { loadPhrasebank } from '../../../lib/phrasebank/node';

export const FIXTURE_DIR = fileURLToPath(new URL('../phrasebank/fixtures/good', import.meta.url));

/** The fixture phrasebank; throws if it has validation errors. */
export function fixturePhrasebank() {
  const { phrasebank, errors } = loadPhrasebank(FIXTURE_DIR);
  if (errors.length) throw new Error(errors.map((e) => `${e.file}:${e.line}: ${e.message}`).join('\n'));
  return phrasebank;
}
