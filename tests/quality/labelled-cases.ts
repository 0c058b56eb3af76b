/**
 * Scores Attune on a labelled case file in the format of ../shared/corpus/independent-dev.jsonl,
 * per judgement layer (rules only, model only, both), the way ../shared/tools/score-cases.mjs scores
 * the CLI: a case is flagged when its report has a finding, or for context cases a finding or a
 * coaching item. Returns figures only: no case text leaves this module except through `misses`,
 * which callers print to a terminal and never write into the repository.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../lib/analysis/index';
import type { CompiledPhrasebank } from '../../lib/phrasebank/types';
import { MECHANISMS } from '../../lib/phrasebank/types';

export interface LabelledCase {
  id: string;
  text: string;
  expect: 'flag' | 'pass';
  category?: string;
  customer?: string;
  context?: boolean;
  trap?: boolean;
  mechanisms?: string[];
}

export type Layer = 'rules' | 'model' | 'both';
export const LAYERS: Layer[] = ['rules', 'model', 'both'];

export interface CaseScores {
  layer: Layer;
  n: number;
  recall: number;
  recallByCategory: Record<string, { caught: number; total: number }>;
  falsePositiveRate: number;
  groups: Record<'hardNegatives' | 'plain' | 'contextPass', { flagged: number; total: number }>;
  /** Context cases: acknowledging replies wrongly coached, unacknowledging ones caught, neutral controls coached. */
  context: { acknowledgingCoached: number; acknowledging: number; unacknowledgingCaught: number; unacknowledging: number; neutralCoached: number; neutral: number };
  mechanisms: Record<string, { precision: number; recall: number; f1: number; support: number }>;
  meanMechanismF1: number;
  misses: LabelledCase[];
  falseAlarms: LabelledCase[];
}

export function readLabelledCases(dir: string, file = 'independent-dev.jsonl'): LabelledCase[] | null {
  const path = join(dir, file);
  if (!existsSync(path)) return null;
  return readFileSync(path, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as LabelledCase);
}

export function scoreCases(pb: CompiledPhrasebank, cases: LabelledCase[], layer: Layer): CaseScores {
  const layers = { rules: layer !== 'model', model: layer !== 'rules' };
  const reports = new Map(cases.map((c) => [c.id, analyze(c.text, pb, c.customer ? { customer: c.customer } : undefined, { layers })]));
  const hit = (c: LabelledCase) => {
    const r = reports.get(c.id)!;
    return r.findings.length > 0 || (!!c.context && r.coaching.length > 0);
  };
  const flagCases = cases.filter((c) => c.expect === 'flag');
  const passCases = cases.filter((c) => c.expect === 'pass');
  const recallByCategory: CaseScores['recallByCategory'] = {};
  for (const c of flagCases) {
    const k = c.category ?? 'unknown';
    recallByCategory[k] ??= { caught: 0, total: 0 };
    recallByCategory[k].total++;
    if (hit(c)) recallByCategory[k].caught++;
  }
  const count = (xs: LabelledCase[]) => ({ flagged: xs.filter(hit).length, total: xs.length });
  const ctx = cases.filter((c) => c.context);
  // Acknowledging replies are the context passes labelled with a feeling named or reflected; the rest are neutral controls.
  const acknowledges = (c: LabelledCase) => (c.mechanisms ?? []).some((m) => m === 'emotional-reaction' || m === 'interpretation');
  const acknowledging = ctx.filter((c) => c.expect === 'pass' && acknowledges(c));
  const neutral = ctx.filter((c) => c.expect === 'pass' && !acknowledges(c));
  const mechanisms: CaseScores['mechanisms'] = {};
  const labelled = cases.filter((c) => Array.isArray(c.mechanisms));
  const f1s: number[] = [];
  for (const m of MECHANISMS) {
    let tp = 0, fp = 0, fn = 0;
    for (const c of labelled) {
      const got = reports.get(c.id)!.signals.some((s) => s.mechanism === m);
      const want = c.mechanisms!.includes(m);
      if (got && want) tp++; else if (want) fn++; else if (got) fp++;
    }
    if (tp + fn === 0) continue;
    const f1 = (2 * tp) / (2 * tp + fp + fn);
    f1s.push(f1);
    mechanisms[m] = { precision: tp / (tp + fp || 1), recall: tp / (tp + fn), f1, support: tp + fn };
  }
  const unack = ctx.filter((c) => c.expect === 'flag');
  return {
    layer,
    n: cases.length,
    recall: flagCases.filter(hit).length / (flagCases.length || 1),
    recallByCategory,
    falsePositiveRate: passCases.filter(hit).length / (passCases.length || 1),
    groups: {
      hardNegatives: count(passCases.filter((c) => c.trap && !c.context)),
      plain: count(passCases.filter((c) => !c.trap && !c.context)),
      contextPass: count(passCases.filter((c) => c.context)),
    },
    context: {
      acknowledgingCoached: acknowledging.filter(hit).length,
      acknowledging: acknowledging.length,
      unacknowledgingCaught: unack.filter(hit).length,
      unacknowledging: unack.length,
      neutralCoached: neutral.filter(hit).length,
      neutral: neutral.length,
    },
    mechanisms,
    meanMechanismF1: f1s.length ? f1s.reduce((a, b) => a + b, 0) / f1s.length : 0,
    misses: flagCases.filter((c) => !hit(c)),
    falseAlarms: passCases.filter(hit),
  };
}
