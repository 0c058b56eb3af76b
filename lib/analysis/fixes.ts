/**
 * The exact edit that applying a suggestion makes (`Finding.fixes[i]` for `suggestions[i]`), computed
 * once here so the in-page card, the popup and the CLI apply the same text (docs/design.md, "Fixes").
 *
 * The unit of an edit follows the suggestion:
 * - a suggestion written as a sentence (it ends in . ! or ?) replaces the flagged *clause*; the rest
 *   of the agent's sentence is kept as a sentence of its own when it can stand alone, and dropped when
 *   it was a fragment of the dismissive clause ("…, so I can look at your account" is kept as "I can
 *   look at your account."; "before ordering" after "You should have read the terms" goes with it);
 * - a suggestion written as a phrase (no final punctuation) replaces exactly the flagged words, with
 *   the capital letter fitted to where they stand.
 * Leading @handles stay where they are. The edit is trimmed to the characters that really change.
 */
import type { Fix } from './types';
import type { Span } from './text';
import { standsAlone } from './clauses';

const TERMINAL = /[.!?\u2026]+["'\u201D\u2019)\]]*$/;
const HANDLES = /^(?:@[\w.]+[\s,:]*)+/;
// Where one clause ends and the next begins: punctuation, a dash, or a conjunction (which opens the next clause).
const CLAUSE_BREAK =
  /\s*[,;:]\s+|\s+[-\u2013\u2014]\s+|\s+(?=(?:but|so|because|since|though|although|while|unless|until|yet|if|when|before|after|which|otherwise)\b)/gi;
const LEADING_COORDINATOR = /^(?:and|but|so|or|yet|then|plus|also)\s+/i;

/** True when a suggestion is written as a whole sentence (and so replaces a clause). */
export function isSentenceSuggestion(suggestion: string): boolean {
  return /[.!?]["'\u201D\u2019)]*$/.test(suggestion.trim());
}

/** The edit that puts `suggestion` in place of the finding [start, end) inside `sentence`. */
export function planFix(text: string, sentence: Span, finding: { start: number; end: number }, suggestion: string): Fix {
  const s = suggestion.trim();
  return isSentenceSuggestion(s) ? clauseFix(text, sentence, finding, s) : phraseFix(text, finding, s);
}

function phraseFix(text: string, finding: { start: number; end: number }, phrase: string): Fix {
  const atStart = startsSentence(text, finding.start);
  return { start: finding.start, end: finding.end, text: atStart ? capitalise(phrase) : uncapitalise(phrase) };
}

function clauseFix(text: string, sentence: Span, finding: { start: number; end: number }, suggestion: string): Fix {
  const s = sentence.text;
  const base = sentence.start;
  const terminal = TERMINAL.exec(s);
  const coreEnd = terminal ? terminal.index : s.length;
  const lead = Math.min(HANDLES.exec(s)?.[0].length ?? 0, coreEnd);
  const [cs, ce] = flaggedClause(s, lead, coreEnd, finding.start - base, finding.end - base);
  const left = s.slice(lead, cs).replace(/[\s,;:\u2013\u2014-]+$/, '');
  const right = s.slice(ce, coreEnd).replace(/^[\s,;:\u2013\u2014-]+/, '').replace(LEADING_COORDINATOR, '');
  const keepLeft = left !== '' && standsAlone(left);
  const keepRight = right !== '' && standsAlone(right);

  let out = s.slice(0, lead);
  if (keepLeft) out += withFullStop(left) + ' ';
  const opensSentence = keepLeft || lead > 0 || startsSentence(text, base);
  let middle = opensSentence ? capitalise(suggestion) : uncapitalise(suggestion);
  if (keepRight) middle = withFullStop(middle) + ' ' + capitalise(right) + (terminal?.[0] ?? '');
  out += middle;
  return minimalEdit(base, s, out);
}

/** [start, end) of the clause(s) holding [from, to), within s[lead, coreEnd). */
function flaggedClause(s: string, lead: number, coreEnd: number, from: number, to: number): [number, number] {
  const clauses: Array<[number, number]> = [];
  let start = lead;
  const body = s.slice(0, coreEnd);
  CLAUSE_BREAK.lastIndex = lead;
  for (let m = CLAUSE_BREAK.exec(body); m; m = CLAUSE_BREAK.exec(body)) {
    if (m[0].length === 0) CLAUSE_BREAK.lastIndex++;
    if (m.index > start) clauses.push([start, m.index]);
    start = m.index + m[0].length;
  }
  if (start < coreEnd) clauses.push([start, coreEnd]);
  const hit = clauses.filter(([a, b]) => a < Math.max(to, from + 1) && b > from);
  if (!hit.length) return [lead, coreEnd];
  return [hit[0][0], hit[hit.length - 1][1]];
}

/** The replacement of sentence text `before` by `after`, as the smallest [start, end) that changes. */
function minimalEdit(base: number, before: string, after: string): Fix {
  let p = 0;
  while (p < before.length && p < after.length && before[p] === after[p]) p++;
  let q = 0;
  while (q < before.length - p && q < after.length - p && before[before.length - 1 - q] === after[after.length - 1 - q]) q++;
  // Never split a surrogate pair.
  if (p > 0 && /[\uD800-\uDBFF]/.test(before[p - 1])) p--;
  if (q > 0 && /[\uDC00-\uDFFF]/.test(before[before.length - q])) q--;
  return { start: base + p, end: base + before.length - q, text: after.slice(p, after.length - q) };
}

/** True when position `at` begins a sentence: the start of the text or line, or after . ! ? */
function startsSentence(text: string, at: number): boolean {
  const before = text.slice(0, at).replace(/[\s"'\u201C\u2018(]+$/, '');
  return before === '' || /[.!?\n\u2026]$/.test(text.slice(0, at).replace(/[ \t"'\u201C\u2018(]+$/, ''));
}

function withFullStop(s: string): string {
  return /[.!?\u2026]["'\u201D\u2019)]*$/.test(s) ? s : s + '.';
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Lower-cases the first letter mid-sentence, except "I" and what looks like a name or acronym. */
function uncapitalise(s: string): string {
  if (/^I\b|^I['\u2019]/.test(s) || !/^[A-Z][a-z]/.test(s)) return s;
  return s.charAt(0).toLowerCase() + s.slice(1);
}
