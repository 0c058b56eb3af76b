// Every example in the real phrasebank/ becomes a named test, so phrasebank authors see exactly which
// sentence failed and why (e.g. "invalidating/calm-down › flags "Please calm down…"").
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadPhrasebank } from '../../../lib/phrasebank/node';
import { formatError } from '../../../lib/phrasebank/compile';
import { runExamples } from '../../../lib/analysis/examples';

const dir = fileURLToPath(new URL('../../../phrasebank', import.meta.url));
const { phrasebank, errors } = loadPhrasebank(dir);
const results = runExamples(phrasebank);
const short = (s: string) => (s.length > 60 ? `${s.slice(0, 57)}…` : s);

describe('phrasebank/', () => {
  it('compiles without errors', () => {
    expect(errors.map(formatError)).toEqual([]);
  });

  it('renames.json: old ids are gone and new ids exist', () => {
    const path = `${dir}/renames.json`;
    const renames: Record<string, string> = existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : {};
    const ids = new Set([...phrasebank.rules, ...phrasebank.signals].map((e) => e.ruleId));
    for (const [oldId, newId] of Object.entries(renames)) {
      expect(ids.has(oldId), `${oldId} was renamed but still exists`).toBe(false);
      expect(ids.has(newId), `${oldId} → ${newId}, which does not exist`).toBe(true);
    }
  });
});

const byRule = new Map<string, typeof results>();
for (const r of results) byRule.set(r.ruleId, [...(byRule.get(r.ruleId) ?? []), r]);
for (const [ruleId, list] of byRule) {
  describe(ruleId, () => {
    for (const r of list) {
      it(`${r.kind === 'flag' ? 'flags' : 'passes'} "${short(r.text)}"`, () => {
        expect(r.ok, r.detail).toBe(true);
      });
    }
  });
}
