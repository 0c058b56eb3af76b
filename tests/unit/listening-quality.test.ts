// The listening gate: on our own cases (tests/quality/listening-cases.yml), each coaching kind that
// reads the customer's message keeps at least the precision and recall reached when it was built
// (docs/quality.md, section 4, has the figures); on the real brand replies that carry the customer's
// tweet, at most 10 % get any of it (run only when ../shared/corpus is present). Raise these as it improves.
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { bundledPhrasebank } from '../../lib/phrasebank/bundled';
import { falseAlarms, loadListeningCases, scoreListening } from '../quality/listening-metrics';
import { corpusDir, readRepliesWithCustomer } from '../quality/corpus';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const cases = loadListeningCases(resolve(repoRoot, 'tests/quality/listening-cases.yml'));

const REACHED: Record<string, { precision: number; recall: number }> = {
  'unanswered-question': { precision: 0.95, recall: 0.85 },
  'nothing-reflected': { precision: 0.8, recall: 0.6 },
  'thank-patience': { precision: 1, recall: 1 },
  'ask-how-to-help': { precision: 1, recall: 1 },
  'unacknowledged-emotion': { precision: 1, recall: 1 },
};

describe('listening coaching on our own cases', () => {
  const s = scoreListening(bundledPhrasebank, cases);
  it('has at least 120 cases, with unique ids', () => {
    expect(cases.length).toBeGreaterThanOrEqual(140);
    expect(new Set(cases.map((c) => c.id)).size).toBe(cases.length);
  });
  for (const k of s.kinds) {
    const g = REACHED[k.kind];
    it(`${k.kind}: precision ≥ ${g.precision}, recall ≥ ${g.recall}`, () => {
      expect(k.precision, `false alarms: ${k.falseAlarms.join(', ')}`).toBeGreaterThanOrEqual(g.precision - 1e-9);
      expect(k.recall, `missed: ${k.misses.join(', ')}`).toBeGreaterThanOrEqual(g.recall - 1e-9);
    });
  }
  it('particulars for suggestion slots: precision and recall ≥ 0.95', () => {
    expect(s.particulars.precision, s.particulars.extras.join('; ')).toBeGreaterThanOrEqual(0.95);
    expect(s.particulars.recall, s.particulars.misses.join('; ')).toBeGreaterThanOrEqual(0.95);
  });
  it('stays quiet wherever a case says it must', () => {
    expect(s.leftAlone.quiet).toBe(s.leftAlone.total);
  });
  it('the score can fail: labels swapped make precision drop', () => {
    const swapped = cases.map((c) => ({ ...c, coach: c.quiet ?? [], quiet: c.coach ?? [] }));
    const bad = scoreListening(bundledPhrasebank, swapped).kinds.find((k) => k.kind === 'unanswered-question')!;
    expect(bad.precision).toBeLessThan(0.2);
  });
});

const rows = readRepliesWithCustomer(corpusDir(repoRoot));
describe('false alarms on real replies (skipped when ../shared/corpus is absent)', () => {
  it.skipIf(!rows)('at most 5 % of real brand replies get any listening coaching (reached 0.9 %; the issue\'s target is 10 %)', { timeout: 120_000 }, () => {
    const fa = falseAlarms(bundledPhrasebank, rows!);
    expect(fa.total).toBeGreaterThan(1000);
    expect(fa.share, JSON.stringify(fa.byKind)).toBeLessThanOrEqual(0.05);
  });
});
