// The dev-set quality gate: per dismissive category, recall ≥ 0.90 on dismissive replies (caught when any
// dismissive finding fires; category agreement is reported in docs/quality.md, not gated) and
// ≤ 3 % false positives on polite replies that reuse its trigger words (tests/quality/). Categories
// listed in tests/quality/known-gaps.json are below target today; for them the test only stops a
// regression below the recorded figure, and docs/quality.md lists the exact misses.
// The corpus checks run only when ../shared/corpus is present next to the checkout.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { loadPhrasebank } from '../../lib/phrasebank/node';
import { emptyPhrasebank } from '../../lib/phrasebank/compile';
import { BLIND_FILES, DEVSET_FILES, HOLDOUT_FILES, UNREAD_BLIND_FILES, loadDevset, loadSignalDevset } from '../quality/devset';
import { scoreFixes } from '../quality/fixes';
import { RULES_ONLY, SIGNAL_TARGETS, TARGETS, evaluateDevset, evaluateEpitome, evaluateRealReplies, evaluateSignals } from '../quality/metrics';
import { corpusDir, readEpitome, readRealReplies } from '../quality/corpus';
import { readLabelledCases, scoreCases } from '../quality/labelled-cases';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const { phrasebank } = loadPhrasebank(resolve(repoRoot, 'phrasebank'));
const cases = loadDevset(resolve(repoRoot, 'tests/quality'));
const result = evaluateDevset(phrasebank, cases, RULES_ONLY);
type Gap = { recall: number; falsePositiveRate: number };
const gaps = JSON.parse(readFileSync(resolve(repoRoot, 'tests/quality/known-gaps.json'), 'utf8')) as Record<string, Gap>;
const list = (misses: Array<{ id: string; fired: string[] }>) => misses.map((m) => `${m.id} [${m.fired.join(', ') || 'nothing fired'}]`).join('; ');

describe('development set (rules only: the phrasebank\'s own targets)', () => {
  it('has at least 10 dismissive and 15 polite replies per category, and 100 ordinary replies', () => {
    for (const r of result.categories) {
      expect(r.dismissive, r.category).toBeGreaterThanOrEqual(10);
      expect(r.polite, r.category).toBeGreaterThanOrEqual(15);
    }
    expect(result.ordinary.total).toBeGreaterThanOrEqual(100);
  });

  it('has cases for every dismissive category in the phrasebank', () => {
    const covered = new Set(result.categories.map((r) => r.category));
    const missing = phrasebank.categories.filter((c) => c.kind === 'dismissive' && !covered.has(c.category)).map((c) => c.category);
    expect(missing, 'add dismissive and polite cases to tests/quality/devset-*.yml').toEqual([]);
  });

  it('never repeats a phrasebank example or another case word for word', () => {
    const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
    const examples = new Set([...phrasebank.rules, ...phrasebank.signals].flatMap((e) => [...e.examples.flag, ...e.examples.pass]).map(norm));
    const seen = new Set<string>();
    for (const c of cases) {
      const n = norm(c.text);
      expect(examples.has(n), `${c.id} copies a phrasebank example`).toBe(false);
      expect(seen.has(n), `${c.id} is a duplicate`).toBe(false);
      seen.add(n);
    }
  });

  it('counts recall on any finding and category agreement only on the expected category', () => {
    for (const r of result.categories) {
      expect(r.agreed, r.category).toBeLessThanOrEqual(r.caught);
      // A miss means nothing fired at all; a case caught by another category is not listed as a miss.
      for (const m of r.misses) expect(m.fired, m.id).toEqual([]);
    }
    // Dropping every rule of one category keeps recall only where another category also fires.
    const pa = phrasebank.rules.filter((x) => x.category === 'passive-aggressive');
    const without = evaluateDevset({ ...phrasebank, rules: phrasebank.rules.filter((x) => !pa.includes(x)) }, cases, RULES_ONLY);
    const paWithout = without.categories.find((r) => r.category === 'passive-aggressive')!;
    expect(paWithout.agreed).toBe(0);
  });

  it('scores an empty phrasebank as catching nothing (the metric can fail)', () => {
    const empty = evaluateDevset(emptyPhrasebank(), cases, RULES_ONLY);
    expect(empty.categories.every((r) => r.caught === 0 && r.politeFlagged === 0)).toBe(true);
  });
});

describe('dev-set targets per category (rules only)', () => {
  for (const r of result.categories) {
    const gap = gaps[r.category];
    it.skipIf(!r.inPhrasebank)(`${r.category}: recall ≥ ${TARGETS.recall} and false positives ≤ ${TARGETS.falsePositiveRate * 100} %${gap ? ' (known gap: no regression)' : ''}`, () => {
      const minRecall = gap ? Math.min(gap.recall, TARGETS.recall) : TARGETS.recall;
      const maxFp = gap ? Math.max(gap.falsePositiveRate, TARGETS.falsePositiveRate) : TARGETS.falsePositiveRate;
      expect(r.recall, `missed: ${list(r.misses)}`).toBeGreaterThanOrEqual(minRecall - 1e-9);
      expect(r.falsePositiveRate, `false positives: ${list(r.falsePositives)}`).toBeLessThanOrEqual(maxFp + 1e-9);
    });
  }

  it(`ordinary polite replies: ≤ ${TARGETS.falsePositiveRate * 100} % with any finding`, () => {
    expect(result.ordinary.rate, `false positives: ${list(result.ordinary.falsePositives)}`).toBeLessThanOrEqual(TARGETS.falsePositiveRate);
  });
});

describe('empathy signals on their dev set (rules only)', () => {
  const signals = evaluateSignals(phrasebank, loadSignalDevset(resolve(repoRoot, 'tests/quality')), RULES_ONLY);
  it('covers all seven mechanisms', () => {
    expect(signals.map((r) => r.mechanism).sort()).toEqual(['appreciation', 'choice', 'emotional-reaction', 'exploration', 'interpretation', 'next-steps', 'ownership']);
  });
  for (const r of signals) {
    it(`${r.mechanism}: found in ≥ ${SIGNAL_TARGETS.recall * 100} % of replies that show it, wrongly praised in ≤ 1 of 8 that don't`, () => {
      expect(r.recall, `missed: ${r.misses.join(', ')}`).toBeGreaterThanOrEqual(SIGNAL_TARGETS.recall);
      expect(r.falsePositiveRate, `wrongly praised: ${list(r.falsePositives)}`).toBeLessThanOrEqual(SIGNAL_TARGETS.falsePositiveRate);
    });
  }
});

describe('third-party corpus, rules only (skipped when ../shared/corpus is absent)', () => {
  const dir = corpusDir(repoRoot);
  const replies = readRealReplies(dir);
  const epitome = readEpitome(dir);

  it.skipIf(!replies)(`real replies: ≤ ${TARGETS.realReplyShare * 100} % have any finding`, { timeout: 180_000 }, () => {
    const real = evaluateRealReplies(phrasebank, replies!, RULES_ONLY);
    expect(real.total).toBeGreaterThan(1000);
    expect(real.share, JSON.stringify(real.byRule)).toBeLessThanOrEqual(TARGETS.realReplyShare);
  });

  it.skipIf(!epitome)('EPITOME: emotional-reaction signals are precise (≥ 0.8)', { timeout: 180_000 }, () => {
    const scores = evaluateEpitome(phrasebank, epitome!, RULES_ONLY).scores;
    const er = scores.find((s) => s.mechanism === 'emotional-reaction')!;
    expect(er.predicted).toBeGreaterThan(0);
    expect(er.precision).toBeGreaterThanOrEqual(0.8);
  });
});

// The judgement as shipped (rules + model), gated at the level reached so a regression fails the build
// (docs/quality.md, section 0, has the figures and the targets). Raise these as it improves.
const SHIPPED = {
  independent: { recall: 0.935, falsePositiveRate: 0.025, acknowledgingCoached: 0.04, unacknowledgingCaught: 0.84, meanMechanismF1: 0.85 },
  // meanMechanismF1 was gated at 0.86 until the ninth session's data round moved the appreciation threshold
  // (0.886 → 0.854, docs/design.md, Calibration): lowered to what is measured rather than tuned back on this set.
  // Our own blind sets (tests/quality/blind-*.jsonl: written from the labelling guide by writers who saw no rule,
  // training sentence or corpus text). Their misses were read to find kinds, so they guard regressions only.
  blind: { recall: 0.85, falsePositiveRate: 0.015, acknowledgingCoached: 0.08 },
  // Blind sets nobody here has read (blind-c, blind-d): measured only. A floor, so a change that only helps
  // the sets we read shows up as a fall here.
  unread: { recall: 0.71, falsePositiveRate: 0.03, acknowledgingCoached: 0.06 },
  realReplyShare: 0.025,
  devset: { recall: 0.98, politeFalsePositiveRate: 0.015, ordinaryFlagged: 0.01 },
};

describe('the shipped judgement: rules and model together', () => {
  const both = evaluateDevset(phrasebank, cases);
  const sum = (k: 'caught' | 'dismissive' | 'politeFlagged' | 'polite') => both.categories.reduce((s, r) => s + r[k], 0);
  it(`dev set: recall ≥ ${SHIPPED.devset.recall}, polite and ordinary replies flagged ≤ ${SHIPPED.devset.politeFalsePositiveRate * 100} %`, () => {
    expect(sum('caught') / sum('dismissive')).toBeGreaterThanOrEqual(SHIPPED.devset.recall);
    expect(sum('politeFlagged') / sum('polite')).toBeLessThanOrEqual(SHIPPED.devset.politeFalsePositiveRate);
    expect(both.ordinary.rate).toBeLessThanOrEqual(SHIPPED.devset.ordinaryFlagged);
  });

  const independent = readLabelledCases(corpusDir(repoRoot));
  it.skipIf(!independent)('independent-dev.jsonl (text nobody here wrote): at least the level reached', { timeout: 120_000 }, () => {
    const s = scoreCases(phrasebank, independent!, 'both');
    const rules = scoreCases(phrasebank, independent!, 'rules');
    const g = SHIPPED.independent;
    expect(s.recall).toBeGreaterThanOrEqual(g.recall);
    expect(s.recall).toBeGreaterThan(rules.recall); // the model adds what the rules miss
    expect(s.falsePositiveRate).toBeLessThanOrEqual(g.falsePositiveRate);
    expect(s.context.acknowledgingCoached / s.context.acknowledging).toBeLessThanOrEqual(g.acknowledgingCoached);
    expect(s.context.unacknowledgingCaught / s.context.unacknowledging).toBeGreaterThanOrEqual(g.unacknowledgingCaught);
    expect(s.meanMechanismF1).toBeGreaterThanOrEqual(g.meanMechanismF1);
  });

  const blindSets = [
    { name: 'our blind sets (written from the guide alone)', files: BLIND_FILES, gate: SHIPPED.blind },
    { name: 'blind sets nobody here has read', files: UNREAD_BLIND_FILES, gate: SHIPPED.unread },
  ];
  for (const { name, files, gate } of blindSets) {
    const labelled = files.flatMap((f) => readLabelledCases(resolve(repoRoot, 'tests/quality'), f) ?? []);
    it(`${name}: at least the level reached`, { timeout: 120_000 }, () => {
      expect(labelled.length).toBeGreaterThanOrEqual(490);
      const s = scoreCases(phrasebank, labelled, 'both');
      expect(s.recall).toBeGreaterThanOrEqual(gate.recall);
      expect(s.falsePositiveRate).toBeLessThanOrEqual(gate.falsePositiveRate);
      expect(s.context.acknowledgingCoached / s.context.acknowledging).toBeLessThanOrEqual(gate.acknowledgingCoached);
    });
  }

  const replies = readRealReplies(corpusDir(repoRoot));
  it.skipIf(!replies)(`real replies: ≤ ${SHIPPED.realReplyShare * 100} % have any finding`, { timeout: 180_000 }, () => {
    expect(evaluateRealReplies(phrasebank, replies!).share).toBeLessThanOrEqual(SHIPPED.realReplyShare);
  });
});

// Applying suggestions (issue 8): every fix of every finding on every dismissive reply leaves no broken
// seam in ≥ 98 % of cases, and each finding offers at least one suggestion that invents nothing.
describe('applying suggestions leaves a draft an agent could send', () => {
  const own = loadDevset(resolve(repoRoot, 'tests/quality'), [...DEVSET_FILES, ...HOLDOUT_FILES]).filter((c) => c.kind === 'dismissive');
  it('own dismissive replies: ≤ 2 % of applied fixes break a seam; ≤ 5 % of findings offer nothing; first fixes leave ≤ 2 % leftovers, ≤ 1 % dropped refusals', { timeout: 120_000 }, () => {
    const s = scoreFixes(phrasebank, own.map((c) => ({ text: c.text })));
    expect(s.fixes).toBeGreaterThan(300);
    expect(s.broken / s.fixes, JSON.stringify(s.byProblem)).toBeLessThanOrEqual(0.02);
    expect(s.withoutSuggestion / s.findings).toBeLessThanOrEqual(0.05);
    // What Enter applies leaves no finding in the sentence it rewrote, and keeps the "no" a refusal needed
    // (1 of 236 and 0 when the check after Apply came in; 15 of 237 and 4 before it).
    expect(s.first.leftover / s.first.fixes).toBeLessThanOrEqual(0.02);
    expect(s.first.droppedNegation / s.first.fixes).toBeLessThanOrEqual(0.01);
  });
  const independent = readLabelledCases(corpusDir(repoRoot));
  it.skipIf(!independent)('independent-dev.jsonl flag cases: ≤ 2 % of applied fixes break a seam', { timeout: 120_000 }, () => {
    const s = scoreFixes(phrasebank, independent!.filter((c) => c.expect === 'flag').map((c) => ({ text: c.text, customer: c.customer })));
    expect(s.broken / s.fixes, JSON.stringify(s.byProblem)).toBeLessThanOrEqual(0.02);
  });
});
