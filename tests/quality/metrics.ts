/**
 * Quality measurements for Attune's analysis core: dev-set recall and false positives per
 * category, finding rates on real replies, and empathy-signal precision/recall against EPITOME
 * labels. Pure functions over rows already read; the caller decides where rows come from.
 */
import { analyze, type AnalysisOptions } from '../../lib/analysis/index';

/** The rules on their own: what the phrasebank's targets are set for. */
export const RULES_ONLY: AnalysisOptions = { layers: { model: false } };
import type { CompiledPhrasebank, Mechanism } from '../../lib/phrasebank/types';
import type { DevCase, SignalCase } from './devset';

/** Targets from the brief: recall ≥ 0.90 on dismissive cases, ≤ 3 % false positives on polite ones. */
export const TARGETS = { recall: 0.9, falsePositiveRate: 0.03, realReplyShare: 0.03 } as const;

/** A dev-set case the phrasebank got wrong, with what fired (rule ids only). */
export interface DevMiss {
  id: string;
  text: string;
  /** Rule ids that fired on the case. */
  fired: string[];
  /** For a missed dismissive case: whether the expected category fires once the greeting ("Hi Sam,") is removed. */
  caughtWithoutGreeting?: boolean;
}

/** The reply without its opening salutation, to tell anchoring problems from pattern gaps. */
export function withoutGreeting(text: string): string {
  return text.replace(/^\s*(hi|hello|hey|dear|good (morning|afternoon|evening))\b[^,.!?]{0,40}[,!]\s*/i, '');
}

/** Dev-set figures for one dismissive category. */
export interface CategoryResult {
  category: string;
  /** Whether phrasebank/<category>.yml exists (a missing file cannot be scored fairly). */
  inPhrasebank: boolean;
  dismissive: number;
  /** Dismissive cases with any dismissive finding (the agent is alerted either way). */
  caught: number;
  recall: number;
  /** Dismissive cases where a finding of this very category fires (filing quality, reported only). */
  agreed: number;
  categoryAgreement: number;
  polite: number;
  politeFlagged: number;
  falsePositiveRate: number;
  misses: DevMiss[];
  falsePositives: DevMiss[];
}

/** The whole dev-set evaluation. */
export interface DevsetResult {
  categories: CategoryResult[];
  ordinary: { total: number; flagged: number; rate: number; falsePositives: DevMiss[] };
  /** Every finding on a polite or ordinary case, by the category that fired (for routing). */
  falsePositivesByRuleCategory: Record<string, number>;
}

/** Runs the dev set through `analyze` and scores each category. */
export function evaluateDevset(pb: CompiledPhrasebank, cases: DevCase[], options?: AnalysisOptions): DevsetResult {
  const known = new Set(pb.categories.filter((c) => c.kind === 'dismissive').map((c) => c.category));
  const byCategory = new Map<string, CategoryResult>();
  const fpByRuleCategory: Record<string, number> = {};
  const ordinary = { total: 0, flagged: 0, rate: 0, falsePositives: [] as DevMiss[] };
  const entry = (category: string) => {
    let r = byCategory.get(category);
    if (!r) {
      r = { category, inPhrasebank: known.has(category), dismissive: 0, caught: 0, recall: 0, agreed: 0, categoryAgreement: 0, polite: 0, politeFlagged: 0, falsePositiveRate: 0, misses: [], falsePositives: [] };
      byCategory.set(category, r);
    }
    return r;
  };
  for (const c of cases) {
    const findings = analyze(c.text, pb, undefined, options).findings;
    const fired = [...new Set(findings.map((f) => f.ruleId))];
    if (c.kind === 'dismissive') {
      const r = entry(c.category!);
      r.dismissive++;
      // Recall counts any dismissive finding: the agent is alerted whichever file the rule lives in.
      if (findings.some((f) => f.category === c.category)) r.agreed++;
      if (findings.length) r.caught++;
      else {
        const caughtWithoutGreeting = analyze(withoutGreeting(c.text), pb, undefined, options).findings.length > 0;
        r.misses.push({ id: c.id, text: c.text, fired, caughtWithoutGreeting });
      }
      continue;
    }
    if (fired.length) for (const cat of new Set(findings.map((f) => f.category))) fpByRuleCategory[cat] = (fpByRuleCategory[cat] ?? 0) + 1;
    if (c.kind === 'polite') {
      const r = entry(c.category!);
      r.polite++;
      if (fired.length) {
        r.politeFlagged++;
        r.falsePositives.push({ id: c.id, text: c.text, fired });
      }
    } else {
      ordinary.total++;
      if (fired.length) {
        ordinary.flagged++;
        ordinary.falsePositives.push({ id: c.id, text: c.text, fired });
      }
    }
  }
  for (const r of byCategory.values()) {
    r.recall = r.dismissive ? r.caught / r.dismissive : 0;
    r.categoryAgreement = r.dismissive ? r.agreed / r.dismissive : 0;
    r.falsePositiveRate = r.polite ? r.politeFlagged / r.polite : 0;
  }
  ordinary.rate = ordinary.total ? ordinary.flagged / ordinary.total : 0;
  return { categories: [...byCategory.values()], ordinary, falsePositivesByRuleCategory: fpByRuleCategory };
}

/** Finding rates over real replies: counts only, never text. */
export interface RealRepliesResult {
  total: number;
  withFinding: number;
  share: number;
  byCategory: Record<string, number>;
  byRule: Record<string, number>;
  /** Replies with at least one signal of each mechanism. */
  signalsByMechanism: Record<string, number>;
  msPerReply: number;
}

/** Analyses real replies and counts replies with findings, per category and per rule. */
export function evaluateRealReplies(pb: CompiledPhrasebank, texts: string[], options?: AnalysisOptions): RealRepliesResult {
  const byCategory: Record<string, number> = {};
  const byRule: Record<string, number> = {};
  const signalsByMechanism: Record<string, number> = {};
  let withFinding = 0;
  const started = performance.now();
  for (const text of texts) {
    const report = analyze(text, pb, undefined, options);
    if (report.findings.length) withFinding++;
    for (const cat of new Set(report.findings.map((f) => f.category))) byCategory[cat] = (byCategory[cat] ?? 0) + 1;
    for (const id of new Set(report.findings.map((f) => f.ruleId))) byRule[id] = (byRule[id] ?? 0) + 1;
    for (const m of new Set(report.signals.map((s) => s.mechanism))) signalsByMechanism[m] = (signalsByMechanism[m] ?? 0) + 1;
  }
  const elapsed = performance.now() - started;
  return { total: texts.length, withFinding, share: texts.length ? withFinding / texts.length : 0, byCategory, byRule, signalsByMechanism, msPerReply: texts.length ? elapsed / texts.length : 0 };
}

/** One EPITOME row as needed here: response, seeker post, and 0/1/2 levels. */
export interface EpitomeRow {
  text: string;
  context?: string;
  levels: { ER: number; IP: number; EX: number };
}

/** Precision/recall of one mechanism against one EPITOME label. */
export interface MechanismScore {
  mechanism: Mechanism;
  label: 'ER' | 'IP' | 'EX';
  positives: number;
  predicted: number;
  truePositives: number;
  precision: number;
  recall: number;
  f1: number;
  /** Recall on strong (level 2) rows only. */
  recallStrong: number;
  /** Which signal rules produced the predictions (counts, no text). */
  byRule: Record<string, number>;
}

/** Which EPITOME label each of our mechanisms is scored against. */
export const EPITOME_MAPPING: Array<{ mechanism: Mechanism; label: 'ER' | 'IP' | 'EX' }> = [
  { mechanism: 'emotional-reaction', label: 'ER' },
  { mechanism: 'interpretation', label: 'IP' },
  { mechanism: 'exploration', label: 'EX' },
];

/** Scores emotional-reaction/interpretation/exploration signals against EPITOME (positive = level ≥ 1). */
export function evaluateEpitome(pb: CompiledPhrasebank, rows: EpitomeRow[], options?: AnalysisOptions): { rows: number; scores: MechanismScore[] } {
  const scores = EPITOME_MAPPING.map(({ mechanism, label }) => ({
    mechanism, label, positives: 0, predicted: 0, truePositives: 0, precision: 0, recall: 0, f1: 0, recallStrong: 0, byRule: {} as Record<string, number>,
    strong: 0, strongHit: 0,
  }));
  for (const row of rows) {
    const signals = analyze(row.text, pb, { customer: row.context }, options).signals;
    for (const s of scores) {
      const mine = signals.filter((x) => x.mechanism === s.mechanism);
      const level = row.levels[s.label];
      const predicted = mine.length > 0;
      if (level >= 1) s.positives++;
      if (level === 2) s.strong++;
      if (predicted) {
        s.predicted++;
        for (const id of new Set(mine.map((x) => x.ruleId))) s.byRule[id] = (s.byRule[id] ?? 0) + 1;
      }
      if (predicted && level >= 1) s.truePositives++;
      if (predicted && level === 2) s.strongHit++;
    }
  }
  return {
    rows: rows.length,
    scores: scores.map(({ strong, strongHit, ...s }) => {
      const precision = s.predicted ? s.truePositives / s.predicted : 0;
      const recall = s.positives ? s.truePositives / s.positives : 0;
      return { ...s, precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0, recallStrong: strong ? strongHit / strong : 0 };
    }),
  };
}

/** True when a category meets both dev-set targets. */
export function meetsTargets(r: CategoryResult): boolean {
  return r.recall >= TARGETS.recall && r.falsePositiveRate <= TARGETS.falsePositiveRate;
}

/** Signal dev-set figures for one mechanism. */
export interface SignalResult {
  mechanism: string;
  shows: number;
  found: number;
  recall: number;
  lacks: number;
  wronglyFound: number;
  falsePositiveRate: number;
  misses: string[];
  falsePositives: Array<{ id: string; fired: string[] }>;
}

/** Signal targets: praise must be precise (few false positives); recall matters less. */
export const SIGNAL_TARGETS = { recall: 0.75, falsePositiveRate: 0.125 } as const;

/** Scores each mechanism on replies that show it and on replies that only reuse its words. */
export function evaluateSignals(pb: CompiledPhrasebank, cases: SignalCase[], options?: AnalysisOptions): SignalResult[] {
  const results = new Map<string, SignalResult>();
  for (const c of cases) {
    let r = results.get(c.mechanism);
    if (!r) {
      r = { mechanism: c.mechanism, shows: 0, found: 0, recall: 0, lacks: 0, wronglyFound: 0, falsePositiveRate: 0, misses: [], falsePositives: [] };
      results.set(c.mechanism, r);
    }
    const mine = analyze(c.text, pb, undefined, options).signals.filter((s) => s.mechanism === c.mechanism);
    if (c.kind === 'shows') {
      r.shows++;
      if (mine.length) r.found++;
      else r.misses.push(c.id);
    } else {
      r.lacks++;
      if (mine.length) {
        r.wronglyFound++;
        r.falsePositives.push({ id: c.id, fired: [...new Set(mine.map((s) => s.ruleId))] });
      }
    }
  }
  for (const r of results.values()) {
    r.recall = r.shows ? r.found / r.shows : 0;
    r.falsePositiveRate = r.lacks ? r.wronglyFound / r.lacks : 0;
  }
  return [...results.values()];
}
