/**
 * The "Applying suggestions" section of docs/quality.md: figures from scoreFixes, and the count a
 * person recorded after reading a sample of applied drafts (tests/quality/fix-sample.json).
 */
import type { FixScores } from './fixes';

export interface FixReadSample {
  date: string;
  set: string;
  read: number;
  wouldSend: number;
  notes: string[];
}

export interface FixesInput {
  own: FixScores;
  independent: FixScores | null;
  sample: FixReadSample | null;
}

const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(1)} %` : 'n/a');

export function renderFixes({ own, independent, sample }: FixesInput): string[] {
  const L: string[] = ['## Applying suggestions (issue 8: suggestions that fit the draft)', ''];
  L.push('Every suggestion of every finding on the dismissive replies, applied with its `fixes[i]` edit exactly as the card and the popup apply it, then checked by `tests/quality/seams.ts` for a broken seam: doubled punctuation, a stray space, a sentence that now starts lower-case, or a fragment (a touched sentence under three words, opening with "and"/"because"/"which"…, or ending on "the"/"to"…). "Still flagged": the same rule fires again on the edited words. "Leftover": after Apply, any finding (of any rule or the model) fires in a sentence the edit touched — the kept part of the sentence, or a second harm beside the alternative, is still dismissive (`tests/quality/fixes.ts`). "\"No\" dropped": a sentence the edit touched refused or denied something ("No.", "Not possible.", "we cannot reissue it", "non-refundable"), and after Apply the reply refuses nowhere, so it now reads as a yes or a maybe (`tests/quality/negation.ts`; a negation that was itself the harm — blame, minimising, disowning, rushing — is not counted). Both are given for every fix and for each finding\'s first fix, what Enter applies. "No suggestion offered": every suggestion of that finding named something the conversation does not mention, or had a slot it could not fill.', '');
  L.push('| set | replies | findings | no suggestion offered | fixes applied | broken seams | doubled punct. | stray space | lower-case start | fragment | still flagged | leftover | "no" dropped |');
  L.push('|---|---|---|---|---|---|---|---|---|---|---|---|---|');
  const row = (name: string, s: FixScores) =>
    L.push(`| ${name} | ${s.replies} | ${s.findings} | ${s.withoutSuggestion} (${pct(s.withoutSuggestion, s.findings)}) | ${s.fixes} | **${s.broken} (${pct(s.broken, s.fixes)})** | ${s.byProblem['doubled punctuation']} | ${s.byProblem['stray space']} | ${s.byProblem['lower-case sentence start']} | ${s.byProblem.fragment} | ${s.stillFlagged} | ${s.leftover} (${pct(s.leftover, s.fixes)}); first fixes ${s.first.leftover} of ${s.first.fixes} | ${s.droppedNegation} (${pct(s.droppedNegation, s.fixes)}); first fixes ${s.first.droppedNegation} |`);
  row('own dismissive replies (`tests/quality/devset-*.yml` + `holdout.yml`)', own);
  if (independent) row('`independent-dev.jsonl` flag cases', independent);
  L.push('');
  if (sample) {
    L.push(`Read by a person (${sample.date}): a seeded sample of ${sample.read} applied drafts from ${sample.set}, one per reply; **${sample.wouldSend} of ${sample.read}** are drafts I would send as they stand.`);
    for (const n of sample.notes) L.push(`- ${n}`);
    L.push('');
  }
  L.push('The seam check is mechanical: it cannot tell whether the kept part of a sentence still makes sense next to the alternative (a remainder that repeats the dismissive point, or a pronoun whose noun went with the clause). That is what the read sample is for.', '');
  return L;
}
