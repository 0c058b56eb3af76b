/**
 * Does an applied fix leave a draft an agent could send? The checks look only at what the edit
 * changed (a problem the agent had already typed is not the fix's fault):
 * - doubled punctuation (", ." "..," "? ."), a space before punctuation, or a doubled space;
 * - a sentence that now starts with a lower-case letter;
 * - a fragment: a sentence touched by the edit with fewer than three words, opening with a word that
 *   ties it to a clause it no longer has ("because…", "and…"), or ending on one ("…the.", "…to.").
 */
import type { Fix } from '../../lib/analysis/types';
import { splitSentences } from '../../lib/analysis/text';

export type SeamProblem = 'doubled punctuation' | 'stray space' | 'lower-case sentence start' | 'fragment';

const count = (s: string, re: RegExp) => (s.match(re) ?? []).length;
const DOUBLED = /[,;:.!?]\s*[,;:](?!\))|[,;:]\s*[.!?]|[.!?]\s+[.!?]|(?<![.!?])\.\.(?!\.)/g;
const STRAY_SPACE = / [,.;:!?](?!\.)| {2,}/g;
const LOWER_START = /[.!?]\s+[a-z]/g;
const OPENS_DEPENDENT = /^(?:and|but|or|because|although|though|which|where|whereas|unless|until)\b/i;
const ENDS_DANGLING = /\b(?:the|a|an|your|our|my|their|and|or|but|because)\s*[.!?]*$/i;

export function applyFix(text: string, fix: Fix): string {
  return text.slice(0, fix.start) + fix.text + text.slice(fix.end);
}

export function seamProblems(before: string, fix: Fix): SeamProblem[] {
  const after = applyFix(before, fix);
  const problems: SeamProblem[] = [];
  const ellipsis = (s: string) => s.replace(/\.{3,}|\u2026/g, '\u2026');
  const b = ellipsis(before), a = ellipsis(after);
  if (count(a, DOUBLED) > count(b, DOUBLED)) problems.push('doubled punctuation');
  if (count(after, STRAY_SPACE) > count(before, STRAY_SPACE)) problems.push('stray space');
  const lowerStart = count(after, LOWER_START) > count(before, LOWER_START) || (/^[a-z]/.test(after) && /^[A-Z]/.test(before));
  if (lowerStart) problems.push('lower-case sentence start');
  const editEnd = fix.start + fix.text.length;
  const originals = new Set(splitSentences(before).map((s) => s.text));
  const touched = splitSentences(after).filter((s) => s.start <= editEnd && s.end >= fix.start && !originals.has(s.text));
  const fragment = touched.some((s) => {
    const words = s.text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
    if (/^(?:hi|hello|hey|dear|thanks|thank you|cheers)\b/i.test(s.text) || /^@/.test(s.text)) return false;
    return words.length < 3 || OPENS_DEPENDENT.test(s.text) || ENDS_DANGLING.test(s.text);
  });
  if (fragment) problems.push('fragment');
  return problems;
}
