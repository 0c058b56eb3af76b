/**
 * Applies every fix of every finding on dismissive replies and counts the seams it breaks
 * (seams.ts), so "Apply leaves a draft an agent could send" is a figure. Returns counts, and the
 * applied drafts for a seeded sample that a person reads (printed to a terminal, never written
 * into the repository when the replies are third-party text).
 */
import type { CompiledPhrasebank } from '../../lib/phrasebank/types';
import { analyze } from '../../lib/analysis/index';
import { splitSentences } from '../../lib/analysis/text';
import { applyFix, seamProblems, type SeamProblem } from './seams';
import { dropsNegation } from './negation';

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
  /**
   * Applied fixes after which any finding (of any rule) fires in a sentence the edit touched: a leftover
   * that is still dismissive beside the kind alternative, or a second harm in the same sentence.
   */
  leftover: number;
  /** Applied fixes that take away the "no" a refusal or denial depended on (negation.ts). */
  droppedNegation: number;
  /** The same two counts for each finding's first fix only: what Enter applies when the card opens. */
  first: { fixes: number; leftover: number; droppedNegation: number };
  examples: Array<{ before: string; after: string; problems: SeamProblem[]; leftover: boolean; droppedNegation: boolean; first: boolean }>;
}

export function scoreFixes(pb: CompiledPhrasebank, replies: Array<{ text: string; customer?: string }>): FixScores {
  const s: FixScores = { replies: replies.length, findings: 0, withoutSuggestion: 0, fixes: 0, broken: 0, stillFlagged: 0, leftover: 0, droppedNegation: 0, first: { fixes: 0, leftover: 0, droppedNegation: 0 }, examples: [],
    byProblem: { 'doubled punctuation': 0, 'stray space': 0, 'lower-case sentence start': 0, fragment: 0 } };
  for (const r of replies) {
    const report = analyze(r.text, pb, r.customer ? { customer: r.customer } : undefined);
    for (const f of report.findings) {
      s.findings++;
      if (!f.fixes.length) s.withoutSuggestion++;
      for (const [i, fix] of f.fixes.entries()) {
        s.fixes++;
        const problems = seamProblems(r.text, fix);
        if (problems.length) s.broken++;
        for (const p of problems) s.byProblem[p]++;
        const after = applyFix(r.text, fix);
        const again = analyze(after, pb, r.customer ? { customer: r.customer } : undefined);
        const editEnd = fix.start + fix.text.length;
        if (again.findings.some((g) => g.ruleId === f.ruleId && g.start < editEnd && g.end > fix.start)) s.stillFlagged++;
        // The sentences the edit touched, after it and before it (boundaries included, as in seams.ts).
        const afterSentences = splitSentences(after);
        const touched = afterSentences.filter((t) => t.start <= editEnd && t.end >= fix.start);
        const leftover = again.findings.some((g) => touched.some((t) => g.start < t.end && g.end > t.start));
        if (leftover) s.leftover++;
        const touchedBefore = splitSentences(r.text).filter((t) => t.start <= fix.end && t.end >= fix.start).map((t) => t.text);
        const dropped = dropsNegation(touchedBefore, touched.map((t) => t.text), afterSentences.map((t) => t.text));
        if (dropped) s.droppedNegation++;
        if (i === 0) {
          s.first.fixes++;
          if (leftover) s.first.leftover++;
          if (dropped) s.first.droppedNegation++;
        }
        s.examples.push({ before: r.text, after, problems, leftover, droppedNegation: dropped, first: i === 0 });
      }
    }
  }
  return s;
}

/**
 * A seeded sample of applied drafts to read by hand: per reply, its first finding's first suggestion
 * (what Enter applies when the card opens from the keyboard). Replies are ranked by a seeded hash of their
 * text, not shuffled by position, so the same seed draws the same replies before and after a change to the
 * planner (a shuffle of the replies that have a fix drew a different sample whenever one reply gained or lost
 * its last suggestion), and a before/after reading compares like with like.
 */
export function sampleApplied(scores: FixScores, n: number, seed = 7): FixScores['examples'] {
  const first = new Map<string, FixScores['examples'][number]>();
  for (const e of scores.examples) if (e.first && !first.has(e.before)) first.set(e.before, e);
  const rank = (text: string) => {
    // FNV-1a over the seed and the text.
    let h = 0x811c9dc5 ^ seed;
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
    return h;
  };
  return [...first.values()].sort((a, b) => rank(a.before) - rank(b.before)).slice(0, n);
}
