// The model's data is the team's own wording (training/README.md): no sentence of it may be one of the
// sentences it is measured on, or the measurement measures memory. Short stock lines ("Thanks for your
// patience.") can coincide by chance; those are removed from training/ when this test names them.
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadTrainingData } from '../../../training/data';
import { corpusDir } from '../../quality/corpus';

const root = resolve(import.meta.dirname, '../../..');
/** Letters and spaces only, so punctuation, case and apostrophes don't hide a copy. */
const norm = (s: string) => s.toLowerCase().replace(/[^a-z ]/g, '').replace(/\s+/g, ' ').trim();
const MIN_WORDS = 4;

function evaluationSentences(file: string): Set<string> {
  const out = new Set<string>();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const text = String((JSON.parse(line) as { text?: unknown }).text ?? '');
    for (const s of text.split(/(?<=[.!?])\s+|\n+/)) if (norm(s).split(' ').length >= MIN_WORDS) out.add(norm(s));
  }
  return out;
}

const quality = join(root, 'tests/quality');
const sets = readdirSync(quality).filter((f) => /^blind-.*\.jsonl$/.test(f)).map((f) => join(quality, f));
const independent = join(corpusDir(root), 'independent-dev.jsonl');
if (existsSync(independent)) sets.push(independent);

describe('training data and evaluation sets', () => {
  const { examples } = loadTrainingData(join(root, 'training'));

  it('has the evaluation sets to compare with', () => {
    expect(sets.length).toBeGreaterThanOrEqual(4);
  });

  for (const set of sets) {
    it(`shares no sentence with ${set.split('/').slice(-1)[0]}`, () => {
      const held = evaluationSentences(set);
      const copies = examples.filter((e) => held.has(norm(e.text))).map((e) => `${e.source}: ${e.text}`);
      expect(copies).toEqual([]);
    });
  }
});
