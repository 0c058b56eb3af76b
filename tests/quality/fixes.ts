/**
 * Applies every fix of every finding on dismissive replies and counts the seams it breaks
 * (seams.ts), so "Apply leaves a draft an agent could send" is a figure. Returns counts, and the
 * applied drafts for a seeded sample that a person reads (printed to a terminal, never written
 * into the repository when the replies are third-party text).
 */
import type { CompiledPhrasebank } from '../../lib/phrasebank/types';
import { analyze } from '../../lib/analysis/index';
import { seededRandom } from '../../lib/seeded-random';
import { applyFix, seamProblems, type SeamProblem } from './seams';

export interface FixScores {
  replies: number;
  findings: number;
  /** Findings with no suggestion left to offer (every one named something the conversation doesn't). */
  withoutSuggestion: number;
  fixes: number;
  broken: number;
  byProblem: Record<SeamProblem, number>;
  /** Applied fixes after which the same rule still fires on the edited words. */
  stillFlagged: number;
  examples: Array<{ before: string; after: string; problems: SeamProblem[] }>;
}

export function scoreFixes(pb: CompiledPhrasebank, replies: Array<{ text: string; customer?: string }>): FixScores {
  const s: FixScores = { replies: replies.length, findings: 0, withoutSuggestion: 0, fixes: 0, broken: 0, stillFlagged: 0, examples: [],
    byProblem: { 'doubled punctuation': 0, 'stray space': 0, 'lower-case sentence start': 0, fragment: 0 } };
  for (const r of replies) {
    const report = analyze(r.text, pb, r.customer ? { customer: r.customer } : undefined);
    for (const f of report.findings) {
      s.findings++;
      if (!f.fixes.length) s.withoutSuggestion++;
      for (const fix of f.fixes) {
        s.fixes++;
        const problems = seamProblems(r.text, fix);
        if (problems.length) s.broken++;
        for (const p of problems) s.byProblem[p]++;
        const after = applyFix(r.text, fix);
        const again = analyze(after, pb, r.customer ? { customer: r.customer } : undefined);
        if (again.findings.some((g) => g.ruleId === f.ruleId && g.start < fix.start + fix.text.length && g.end > fix.start)) s.stillFlagged++;
        s.examples.push({ before: r.text, after, problems });
      }
    }
  }
  return s;
}

/**
 * A seeded sample of applied drafts to read by hand: per reply, its first finding's first suggestion
 * (what Enter applies when the card opens from the keyboard).
 */
export function sampleApplied(scores: FixScores, n: number, seed = 7): FixScores['examples'] {
  const random = seededRandom(seed);
  const first = new Map<string, FixScores['examples'][number]>();
  for (const e of scores.examples) if (!first.has(e.before)) first.set(e.before, e);
  const pool = [...first.values()];
  for (let i = pool.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  return pool.slice(0, n);
}
